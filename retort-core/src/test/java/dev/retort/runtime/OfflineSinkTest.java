package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Dialects;
import dev.retort.dialect.Sql;
import dev.retort.script.SqlSplitter;
import dev.retort.script.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an offline script ({@code --sql}) holds, for the client that will run it. */
class OfflineSinkTest {
  private static final String PROCEDURE =
      "CREATE PROCEDURE log_user(IN uid int)\nBEGIN\n  INSERT INTO audit VALUES (uid, 'a;b');\nEND";

  @Test
  void aMySqlBodyWithSemicolonsGoesBetweenDelimiterLines() {
    StringBuilder out = new StringBuilder();
    new OfflineSink(Dialects.forUrl("jdbc:mariadb://h/d"), out)
        .write(
            List.of(
                Sql.of("CREATE TABLE audit (uid int, what text)"),
                Sql.of(PROCEDURE),
                Sql.of("INSERT INTO audit VALUES (1, 'x;y') -- a; comment"),
                Sql.of("CREATE TRIGGER t BEFORE INSERT ON audit FOR EACH ROW SET NEW.uid = 1")));
    assertThat(out.toString())
        .isEqualTo(
            "CREATE TABLE audit (uid int, what text);\n"
                + "DELIMITER ;;\n"
                + PROCEDURE
                + "\n;;\nDELIMITER ;\n"
                + "INSERT INTO audit VALUES (1, 'x;y') -- a; comment\n;\n"
                + "CREATE TRIGGER t BEFORE INSERT ON audit FOR EACH ROW SET NEW.uid = 1;\n");
    // read back as the mysql client reads it: the four statements, whole
    assertThat(SqlSplitter.splitScript(out.toString(), 1, true))
        .extracting(Statement::sql)
        .hasSize(4)
        .contains(PROCEDURE);
  }

  @Test
  void otherDatabasesNeedNoDelimiterLines() {
    StringBuilder out = new StringBuilder();
    new OfflineSink(Dialects.forUrl("jdbc:sqlite:x.db"), out)
        .write(List.of(Sql.of("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END")));
    assertThat(out.toString())
        .isEqualTo("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END;\n");
  }

  @Test
  void aBareSemicolonIsOneOutsideQuotesAndComments() {
    assertThat(OfflineSink.hasBareSemicolon("SELECT 'a\\';b', \"c;\", `d;` # e;\n/* f; */"))
        .isFalse();
    assertThat(OfflineSink.hasBareSemicolon("BEGIN SELECT 1; END")).isTrue();
    assertThat(OfflineSink.hasBareSemicolon("SELECT 'it''s'; ")).isTrue();
  }
}
