package dev.retort.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.ServerTestDatabase;
import dev.retort.source.DesiredSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mariadb-dump that stops before its closing lines leaves FOREIGN_KEY_CHECKS off, SQL_MODE and
 * TIME_ZONE changed: the scratch copy borrows the live connection, which must get them back.
 */
@Tag("mysql")
class MySqlScratchSessionIT {
  private static MySqlTestDatabase db;
  @TempDir Path dir;

  @BeforeAll
  static void create() {
    db = MySqlTestDatabase.create();
  }

  @AfterAll
  static void drop() throws Exception {
    db.close();
  }

  private static final String SETTINGS =
      "SELECT @@SESSION.foreign_key_checks, @@SESSION.sql_mode, @@SESSION.time_zone,"
          + " @@SESSION.character_set_client, DATABASE()";

  @Test
  void aDumpsSessionSettingsDoNotOutliveTheLoad() throws Exception {
    Path file = dir.resolve("schema.sql");
    Files.writeString(
        file,
        """
        /*!40101 SET NAMES utf8mb4 */;
        /*!40103 SET TIME_ZONE='+05:00' */;
        /*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
        /*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
        /*!40101 SET character_set_client = latin1 */;
        CREATE TABLE `orders` (
          `id` int NOT NULL,
          `user_id` int NOT NULL,
          PRIMARY KEY (`id`),
          CONSTRAINT `orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
        ) ENGINE=InnoDB;
        CREATE TABLE `users` (`id` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB;
        USE `mysql`;
        """);
    try (Connection c = db.connect()) {
      String before = String.join("|", ServerTestDatabase.rows(c, SETTINGS));
      DesiredSchema.Desired d = DesiredSchema.fromSqlFile(file, new MySqlDialect(), c, null);
      assertThat(d.schema().tables()).hasSize(2);
      assertThat(d.notes()).anyMatch(n -> n.contains("USE (line 13)"));
      assertThat(String.join("|", ServerTestDatabase.rows(c, SETTINGS))).isEqualTo(before);
    }
  }

  @Test
  void aFileThatDropsAndQualifiesTheLiveDatabaseLeavesItAlone() throws Exception {
    String live;
    try (Connection c = db.connect()) {
      live = c.getCatalog();
      ServerTestDatabase.execute(c, "CREATE TABLE users (id int PRIMARY KEY)");
      ServerTestDatabase.execute(c, "INSERT INTO users VALUES (1), (2)");
    }
    Path file = dir.resolve("drops.sql");
    Files.writeString(
        file,
        "DROP SCHEMA IF EXISTS `"
            + live
            + "`;\nCREATE SCHEMA `"
            + live
            + "`;\nCREATE SCHEMA retort_guard_side;\nCREATE TABLE `"
            + live
            + "`.`users` (id int PRIMARY KEY, name varchar(10));\n"
            + "CREATE VIEW "
            + live
            + ".names AS SELECT "
            + live
            + ".users.name FROM "
            + live
            + ".users;\n");
    try (Connection c = db.connect()) {
      DesiredSchema.Desired d = DesiredSchema.fromSqlFile(file, new MySqlDialect(), c, null);
      assertThat(
              d.schema().table(dev.retort.schema.QualifiedName.of("users")).orElseThrow().columns())
          .hasSize(2);
      assertThat(d.schema().definedObjects()).hasSize(1);
      assertThat(ServerTestDatabase.rows(c, "SELECT id FROM users ORDER BY id"))
          .containsExactly("1", "2");
      assertThat(ServerTestDatabase.rows(c, "SHOW DATABASES LIKE 'retort_guard_side'")).isEmpty();
    }
  }

  @Test
  void aFileThatNamesAnotherDatabaseIsRefusedAtItsLine() throws Exception {
    MySqlTestDatabase other = MySqlTestDatabase.create();
    try (Connection o = other.connect()) {
      ServerTestDatabase.execute(o, "CREATE TABLE invoices (id int)");
      Path file = dir.resolve("other.sql");
      Files.writeString(
          file,
          "CREATE TABLE a (id int);\nDROP TABLE IF EXISTS " + o.getCatalog() + ".invoices;\n");
      try (Connection c = db.connect()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> DesiredSchema.fromSqlFile(file, new MySqlDialect(), c, null))
            .isInstanceOf(dev.retort.error.MigrationFileException.class)
            .hasMessageContaining("other.sql")
            .hasMessageContaining("2")
            .hasMessageContaining("names the database `" + o.getCatalog() + "`");
      }
      assertThat(ServerTestDatabase.rows(o, "SHOW TABLES")).containsExactly("invoices");
    } finally {
      other.close();
    }
  }
}
