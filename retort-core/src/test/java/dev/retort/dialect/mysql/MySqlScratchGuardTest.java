package dev.retort.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MySqlScratchGuardTest {
  private final MySqlScratchGuard guard =
      new MySqlScratchGuard("app", "retort_scratch_1", Set.of("app", "billing", "mysql", "test"));

  @Test
  void statementsAboutSchemasAndDatabasesAreNotRun() throws SQLException {
    assertThat(guard.rewrite("DROP SCHEMA IF EXISTS `app`")).isNull();
    assertThat(guard.rewrite("CREATE SCHEMA IF NOT EXISTS app DEFAULT CHARACTER SET utf8"))
        .isNull();
    assertThat(guard.rewrite("/* setup */ drop database app")).isNull();
    assertThat(guard.rewrite("ALTER SCHEMA app DEFAULT COLLATE utf8mb4_bin")).isNull();
    assertThat(guard.rewrite("SET GLOBAL innodb_file_per_table = 1")).isNull();
    assertThat(guard.rewrite("set @@global.max_connections = 5")).isNull();
    assertThat(guard.rewrite("SET SESSION sql_mode = ''")).isEqualTo("SET SESSION sql_mode = ''");
    assertThat(guard.rewrite("CREATE TABLE schema_info (a int)"))
        .isEqualTo("CREATE TABLE schema_info (a int)");
  }

  @Test
  void theLiveDatabaseAsQualifierBecomesTheScratchOne() throws SQLException {
    assertThat(
            guard.rewrite(
                "CREATE TABLE IF NOT EXISTS `app`.`users` (id int, note varchar(9) DEFAULT 'app.x')"))
        .isEqualTo(
            "CREATE TABLE IF NOT EXISTS `retort_scratch_1`.`users` (id int, note varchar(9)"
                + " DEFAULT 'app.x')");
    assertThat(guard.rewrite("CREATE VIEW APP . v AS SELECT u.id FROM app.users u"))
        .isEqualTo(
            "CREATE VIEW `retort_scratch_1` . v AS SELECT u.id FROM `retort_scratch_1`.users u");
    assertThat(guard.rewrite("/*!40000 ALTER TABLE app.users DISABLE KEYS */"))
        .isEqualTo("/*!40000 ALTER TABLE `retort_scratch_1`.users DISABLE KEYS */");
  }

  @Test
  void anotherDatabaseOfTheServerIsRefused() {
    assertThatThrownBy(() -> guard.rewrite("DROP TABLE IF EXISTS billing.invoices"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("`billing`");
    assertThatThrownBy(() -> guard.rewrite("INSERT INTO `mysql`.`user` VALUES (1)"))
        .hasMessageContaining("`mysql`");
    assertThatThrownBy(
            () ->
                guard.rewrite(
                    "/*!50003 CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW DELETE FROM test.y */"))
        .hasMessageContaining("`test`");
  }

  @Test
  void namesInStringsCommentsAndNumbersAreLeftAlone() throws SQLException {
    String sql =
        "CREATE TABLE t (a decimal(5,2) DEFAULT 1.50, b text COMMENT 'billing.x' /* billing.y */)"
            + " -- billing.z\n";
    assertThat(guard.rewrite(sql)).isEqualTo(sql);
    assertThat(
            guard.rewrite(
                "CREATE VIEW v AS SELECT t.a, information_schema.tables.table_name"
                    + " FROM t, information_schema.tables"))
        .contains("information_schema.tables");
    assertThat(guard.rewrite("CREATE TABLE t2 (c varchar(5) DEFAULT 'it\\'s billing.x')"))
        .contains("billing.x");
  }
}
