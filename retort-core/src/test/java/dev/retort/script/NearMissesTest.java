package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.MigrationFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Comments that look like directives but are not one are errors, never plain comments. */
class NearMissesTest {
  private static final Path FILE = Path.of("migrations/a3_x.sql");

  private static String file(String marker) {
    return "-- retort:revision a3\n"
        + "-- retort:upgrade\n"
        + "CREATE TABLE t (id integer);\n"
        + marker
        + "\n"
        + "DROP TABLE t;\n";
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-- RETORT:downgrade",
        "-- Retort:downgrade",
        "-- retort :downgrade",
        "-- retort: downgrade",
        "/* retort:downgrade */",
        "-- re\ttort:downgrade",
        "--- retort:downgrade",
        "-- RETORT:REVISES a3",
        "CREATE TABLE u (id integer); -- retort:downgrade",
      })
  void aNearMissIsAnErrorNamingItsLine(String marker) {
    assertThatThrownBy(() -> SqlMigration.parse(FILE, file(marker), "postgresql"))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageStartingWith(FILE + ":4: ");
  }

  @Test
  void aNearMissInABlockCommentNamesTheLineOfTheWord() {
    assertThatThrownBy(() -> SqlMigration.parse(FILE, file("/*\n retort:downgrade\n*/"), "sqlite"))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageStartingWith(FILE + ":5: ")
        .hasMessageContaining("looks like a Retort directive");
  }

  @Test
  void aNearMissInTheHeaderIsAnErrorToo() {
    String text = "-- retort:revision a4\n-- RETORT:REVISES a3\n-- retort:upgrade\nSELECT 1;\n";
    assertThatThrownBy(() -> HeaderParser.parseSql(FILE, text))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageStartingWith(FILE + ":2: ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-- retort:downgrade",
        "--retort:downgrade",
        "   --   retort:downgrade",
        "\t-- retort:downgrade",
      })
  void exactDirectivesStillWork(String marker) {
    SqlMigration m = SqlMigration.parse(FILE, file(marker), "postgresql");
    assertThat(m.upgrade())
        .extracting(Statement::sql)
        .containsExactly("CREATE TABLE t (id integer)");
    assertThat(m.downgrade()).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-- see the retort: manual",
        "-- the retort:downgrade section comes later",
        "SELECT 'RETORT:downgrade';",
        "SELECT \"Retort:x\" FROM t;",
        "SELECT $$ -- Retort:downgrade $$;",
        "SELECT 1::int; -- cast: fine",
        "-- distort:x",
      })
  void lookalikesOutsideCommentsOrNotAtTheirStartAreLeftAlone(String line) {
    String text =
        "-- retort:revision a3\n-- retort:message mentions retort: in passing\n"
            + "-- retort:upgrade\n"
            + line
            + "\n";
    assertThat(HeaderParser.parseSql(FILE, text).id()).isEqualTo("a3");
  }

  @Test
  void aDirectiveInsideAQuotedNameOrStringIsPartOfIt() {
    String text =
        "-- retort:revision a3\n-- retort:upgrade\n"
            + "CREATE TABLE \"x\n-- retort:downgrade\nDROP TABLE victim; --\" (id integer);\n"
            + "INSERT INTO t VALUES ('a\n-- RETORT:upgrade\n');\n"
            + "-- retort:downgrade\n"
            + "DROP TABLE \"x\n-- retort:downgrade\nDROP TABLE victim; --\";\n";
    SqlMigration m = SqlMigration.parse(FILE, text, "postgresql");
    assertThat(m.upgrade())
        .extracting(Statement::sql)
        .containsExactly(
            "CREATE TABLE \"x\n-- retort:downgrade\nDROP TABLE victim; --\" (id integer)",
            "INSERT INTO t VALUES ('a\n-- RETORT:upgrade\n')");
    assertThat(m.downgrade().orElseThrow())
        .extracting(Statement::sql)
        .containsExactly("DROP TABLE \"x\n-- retort:downgrade\nDROP TABLE victim; --\"");
  }
}
