package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

  @Test
  void splitsOnSemicolonsAndTrims() {
    assertThat(SqlSplitter.split("  CREATE TABLE a (x int);\n\nDROP TABLE b ;  "))
        .containsExactly("CREATE TABLE a (x int)", "DROP TABLE b");
  }

  @Test
  void keepsTrailingStatementWithoutSemicolon() {
    assertThat(SqlSplitter.split("SELECT 1; SELECT 2")).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void emptyAndCommentOnlyInputGiveNoStatements() {
    assertThat(SqlSplitter.split("")).isEmpty();
    assertThat(SqlSplitter.split(" ;; \n -- only a comment;\n /* and ; this */ ;")).isEmpty();
  }

  @Test
  void semicolonsAndDoubledQuotesInsideStrings() {
    assertThat(SqlSplitter.split("INSERT INTO t VALUES ('a;b', 'it''s; fine'); SELECT 2"))
        .containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT 2");
  }

  @Test
  void postgresEscapeStringsAllowBackslashQuote() {
    assertThat(SqlSplitter.split("SELECT E'it\\'s; here'; SELECT e'\\\\'; SELECT 3"))
        .containsExactly("SELECT E'it\\'s; here'", "SELECT e'\\\\'", "SELECT 3");
  }

  @Test
  void backslashIsLiteralInOrdinaryStrings() {
    // Standard strings: 'C:\' ends at the second quote (standard_conforming_strings = on).
    assertThat(SqlSplitter.split("SELECT 'C:\\'; SELECT 2"))
        .containsExactly("SELECT 'C:\\'", "SELECT 2");
  }

  @Test
  void quotedAndBacktickIdentifiers() {
    assertThat(SqlSplitter.split("CREATE TABLE \"a;\"\"b\" (x int); CREATE TABLE `c;``d` (y int)"))
        .containsExactly("CREATE TABLE \"a;\"\"b\" (x int)", "CREATE TABLE `c;``d` (y int)");
  }

  @Test
  void lineCommentsWithSemicolonsAndQuotes() {
    String sql = "SELECT 1 -- it's; not 'the end\n+ 1;\n-- trailing; \"comment\nSELECT 2;";
    assertThat(SqlSplitter.split(sql))
        .containsExactly("SELECT 1 -- it's; not 'the end\n+ 1", "SELECT 2");
  }

  @Test
  void nestedBlockComments() {
    String sql = "SELECT /* outer /* inner; */ still; comment */ 1; SELECT 2";
    assertThat(SqlSplitter.split(sql))
        .containsExactly("SELECT /* outer /* inner; */ still; comment */ 1", "SELECT 2");
  }

  @Test
  void mysqlExecutableCommentIsAStatement() {
    assertThat(SqlSplitter.split("/*!40101 SET NAMES utf8 */; SELECT 1"))
        .containsExactly("/*!40101 SET NAMES utf8 */", "SELECT 1");
  }

  @Test
  void dollarQuotedFunctionBodies() {
    String fn =
        """
        CREATE FUNCTION f() RETURNS trigger AS $$
        BEGIN
          NEW.x := 'a;b';
          RETURN NEW;
        END;
        $$ LANGUAGE plpgsql""";
    String tagged =
        """
        CREATE FUNCTION g() RETURNS int AS $body$
          SELECT 1; -- $$ inside is not the end
        $body$ LANGUAGE sql""";
    assertThat(SqlSplitter.split(fn + ";\n" + tagged + ";\nSELECT 3;"))
        .containsExactly(fn, tagged, "SELECT 3");
  }

  @Test
  void dollarParametersAreNotQuotes() {
    assertThat(SqlSplitter.split("PREPARE p AS SELECT $1, $2; EXECUTE p(1, 2)"))
        .containsExactly("PREPARE p AS SELECT $1, $2", "EXECUTE p(1, 2)");
  }

  @Test
  void sqliteTriggerBodyKeepsInnerSemicolons() {
    String trigger =
        """
        CREATE TRIGGER t_audit AFTER UPDATE ON t
        BEGIN
          INSERT INTO audit VALUES (old.id);
          UPDATE t SET n = n + 1 WHERE id = new.id;
        END""";
    assertThat(SqlSplitter.split(trigger + ";\nSELECT 1;")).containsExactly(trigger, "SELECT 1");
  }

  @Test
  void caseInsideTriggerBodyDoesNotCloseIt() {
    String trigger =
        """
        CREATE TRIGGER t_flag BEFORE INSERT ON t
        BEGIN
          UPDATE t SET flag = CASE WHEN new.x > 0 THEN 1 ELSE 0 END;
          INSERT INTO log VALUES (1);
        END""";
    assertThat(SqlSplitter.split(trigger + "; SELECT 1")).containsExactly(trigger, "SELECT 1");
  }

  @Test
  void mysqlProcedureWithIfAndCaseStatements() {
    String proc =
        """
        CREATE DEFINER=`root`@`localhost` PROCEDURE p(IN a INT)
        BEGIN
          IF a > 0 THEN
            SELECT 1;
          END IF;
          CASE a WHEN 1 THEN SELECT 2; ELSE SELECT 3; END CASE;
          SELECT 4;
        END""";
    assertThat(SqlSplitter.split(proc + ";\nCALL p(1);")).containsExactly(proc, "CALL p(1)");
  }

  @Test
  void mysqlProcedureWithNestedBlocksLoopsAndLabels() {
    String proc =
        """
        CREATE PROCEDURE fill(IN n INT)
        BEGIN
          DECLARE i INT DEFAULT 0;
          DECLARE done INT DEFAULT FALSE;
          outer_block: BEGIN
            DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
            WHILE i < n DO
              SET i = i + 1;
            END WHILE;
            counting: LOOP
              IF i > 10 THEN LEAVE counting; END IF;
              SET i = CASE WHEN i > 5 THEN i + 2 ELSE i + 1 END;
            END LOOP counting;
            REPEAT SET i = i - 1; UNTIL i <= 0 END REPEAT;
            FOR j IN 1..3 DO
              INSERT INTO log VALUES (j, 'end; of it');
            END FOR;
          END outer_block;
          SELECT i;
        END""";
    String function = "CREATE FUNCTION add_one(x INT) RETURNS INT DETERMINISTIC RETURN x + 1";
    assertThat(SqlSplitter.split(proc + ";\n" + function + ";\nCALL fill(3);"))
        .containsExactly(proc, function, "CALL fill(3)");
  }

  @Test
  void aStatementEndingInALineCommentIsToldApart() {
    assertThat(SqlSplitter.endsInLineComment("CREATE VIEW v AS SELECT 1 -- note")).isTrue();
    assertThat(SqlSplitter.endsInLineComment("CREATE VIEW v AS SELECT 1 -- note\n  ")).isTrue();
    assertThat(SqlSplitter.endsInLineComment("SELECT 1 /* note */")).isFalse();
    assertThat(SqlSplitter.endsInLineComment("SELECT '-- no comment'")).isFalse();
    assertThat(SqlSplitter.endsInLineComment("SELECT 1 -- note\n + 2")).isFalse();
    // written with its ; on a line of its own, the statement reads back without the comment
    assertThat(SqlSplitter.split("CREATE VIEW v AS SELECT 1 -- note\n;\nSELECT 2;"))
        .containsExactly("CREATE VIEW v AS SELECT 1", "SELECT 2");
  }

  @Test
  void plainBeginAndCommitAreOrdinaryStatements() {
    assertThat(SqlSplitter.split("BEGIN; CREATE TABLE a (x int); COMMIT;"))
        .containsExactly("BEGIN", "CREATE TABLE a (x int)", "COMMIT");
  }

  @Test
  void tableWithColumnsNamedLikeKeywordsSplitsNormally() {
    assertThat(SqlSplitter.split("CREATE TABLE t (\"begin\" int, trigger_name text); SELECT 1"))
        .containsExactly("CREATE TABLE t (\"begin\" int, trigger_name text)", "SELECT 1");
  }

  @Test
  void reportsLineNumbersOfStatementStarts() {
    String sql = "-- header\nSELECT 1;\n\n  /* c */\n  SELECT\n 2;\r\nSELECT 3;";
    List<Statement> statements = SqlSplitter.splitWithLines(sql, 10);
    assertThat(statements)
        .containsExactly(
            new Statement("SELECT 1", 11),
            new Statement("SELECT\n 2", 14),
            new Statement("SELECT 3", 16));
  }

  @Test
  void unterminatedConstructsNameTheirLine() {
    assertThatThrownBy(() -> SqlSplitter.split("SELECT 1;\nSELECT 'oops;"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 2: unterminated string");
    assertThatThrownBy(() -> SqlSplitter.split("SELECT $x$ never closed"))
        .hasMessageContaining("unterminated dollar-quoted string $x$");
    assertThatThrownBy(() -> SqlSplitter.split("/* /* */"))
        .hasMessageContaining("unterminated block comment");
  }

  /** The mysql client's DELIMITER lines, as mariadb-dump writes them around triggers. */
  @Test
  void aClientScriptHonoursDelimiterLines() {
    String script =
        """
        CREATE TABLE t (a int, b varchar(9) DEFAULT ';;');
        DELIMITER ;;
        /*!50003 CREATE*/ /*!50003 TRIGGER t_a BEFORE INSERT ON t FOR EACH ROW BEGIN
          SET NEW.a = 1;
          SET NEW.b = 'x;;y';
        END */;;
        DELIMITER ;
        delimiter //
        CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //
        DELIMITER ;
        INSERT INTO t VALUES (1, 'a');
        """;
    List<Statement> statements = SqlSplitter.splitScript(script, 1);
    assertThat(statements).extracting(Statement::line).containsExactly(1, 3, 9, 11);
    assertThat(statements.get(1).sql()).startsWith("/*!50003 CREATE*/").endsWith("END */");
    assertThat(statements.get(2).sql())
        .isEqualTo("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END");
    // a migration file is split as before: DELIMITER is no command there
    assertThat(SqlSplitter.split("DELIMITER ;;\nSELECT 1;;"))
        .containsExactly("DELIMITER", "SELECT 1");
  }

  @Test
  void findsCommentsInsideBodiesStringsAndDollarQuotes() {
    String sql =
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN -- one\n"
            + "  UPDATE b SET x = '-- not a comment'; /* two */\n"
            + "END;\n"
            + "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 -- inside the body $$ LANGUAGE sql;\n"
            + "SELECT \"--col\" FROM t; -- three";
    assertThat(SqlSplitter.comments(sql))
        .extracting(c -> sql.substring(c[0], c[1]))
        .containsExactly("-- one", "/* two */", "-- three");
    assertThatThrownBy(() -> SqlSplitter.comments("SELECT 1;\nSELECT 'open"))
        .hasMessage("line 2: unterminated string");
  }

  @Test
  void mySqlTextIsSplitAsMySqlReadsItsStringsAndComments() {
    String sql =
        "INSERT INTO t VALUES ('it\\'s; here', \"a \\\"b\\\"; c\");\n"
            + "# a comment; with a semicolon\n"
            + "INSERT INTO t VALUES ('x\\\\');\n"
            + "DROP TABLE u";
    assertThat(SqlSplitter.splitWithLines(sql, 1, true))
        .extracting(Statement::sql)
        .containsExactly(
            "INSERT INTO t VALUES ('it\\'s; here', \"a \\\"b\\\"; c\")",
            "INSERT INTO t VALUES ('x\\\\')",
            "DROP TABLE u");
    // read the standard way, the backslash closes the string and the ; inside it splits
    assertThat(SqlSplitter.splitWithLines("SELECT 'a\\'; SELECT 2", 1, false))
        .extracting(Statement::sql)
        .containsExactly("SELECT 'a\\'", "SELECT 2");
    assertThat(SqlSplitter.splitScript("SELECT 'it\\'s; ok';\nSELECT 2;", 1, true))
        .extracting(Statement::sql)
        .containsExactly("SELECT 'it\\'s; ok'", "SELECT 2");
  }
}
