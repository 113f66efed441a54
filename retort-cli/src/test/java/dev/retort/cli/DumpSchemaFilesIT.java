package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * schema.sql as the MariaDB and SQLite dump tools write it, with its data: {@code mariadb-dump}'s
 * executable-comment SET lines, LOCK TABLES and DROP TABLE IF EXISTS, an install script's CREATE
 * DATABASE and USE; {@code sqlite3 .dump}'s PRAGMA, BEGIN TRANSACTION and sqlite_sequence rows.
 */
class DumpSchemaFilesIT {
  @TempDir Path dir;
  private final Databases.Fresh dbs = new Databases.Fresh();

  @AfterEach
  void drop() throws Exception {
    dbs.close();
  }

  /** mariadb-dump 10.11's shape; orders comes first and refers to users, as the dump sorts. */
  static final String MARIADB_DUMP =
      """
      /*M!999999\\- enable the sandbox mode */
      -- MariaDB dump 10.19  Distrib 10.11.19-MariaDB
      /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
      /*!40101 SET NAMES utf8mb4 */;
      /*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
      /*!40103 SET TIME_ZONE='+00:00' */;
      /*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
      /*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
      CREATE DATABASE /*!32312 IF NOT EXISTS*/ `app` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;
      USE `app`;
      DROP TABLE IF EXISTS `orders`;
      /*!40101 SET @saved_cs_client     = @@character_set_client */;
      /*!40101 SET character_set_client = utf8 */;
      CREATE TABLE `orders` (
        `id` int(11) NOT NULL AUTO_INCREMENT,
        `user_id` int(11) NOT NULL,
        PRIMARY KEY (`id`),
        KEY `orders_user` (`user_id`),
        CONSTRAINT `orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
      /*!40101 SET character_set_client = @saved_cs_client */;
      DROP TABLE IF EXISTS `users`;
      CREATE TABLE `users` (
        `id` int(11) NOT NULL AUTO_INCREMENT,
        `email` varchar(255) NOT NULL,
        PRIMARY KEY (`id`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
      LOCK TABLES `users` WRITE;
      /*!40000 ALTER TABLE `users` DISABLE KEYS */;
      INSERT INTO `users` VALUES (1,'a@example.com'),(2,'b@example.com');
      /*!40000 ALTER TABLE `users` ENABLE KEYS */;
      UNLOCK TABLES;
      START TRANSACTION;
      INSERT INTO `orders` VALUES (1,1);
      COMMIT;
      /*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;
      /*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
      /*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
      /*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
      """;

  @Test
  void aMariadbDumpWithDataLoads() throws Exception {
    String url = dbs.url("mariadb", null);
    project(url, MARIADB_DUMP);
    Cli.Result r = run(1, "check");
    assertThat(r.out()).contains("create table orders", "create table users");
    assertThat(r.err())
        .contains(
            "warning: schema.sql: transaction control ignored (first at line 28): 1 LOCK TABLES,"
                + " 1 UNLOCK TABLES, 1 START TRANSACTION, 1 COMMIT;")
        .contains(
            "warning: schema.sql: statements about databases skipped (the scratch copy is its"
                + " own): CREATE DATABASE (line 9), USE (line 10)")
        .contains(
            "warning: schema.sql also holds data: 1 INSERT into users, 1 INSERT into orders;");
    run(0, "revision", "--autogenerate", "-m", "dump", "--format", "sql");
    run(0, "upgrade", "head");
    assertThat(run(0, "check").out()).contains("The database matches schema.sql.");
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(Databases.query(c, "SELECT count(*) FROM users")).containsExactly("0");
      assertThat(
              Databases.query(
                  c,
                  "SELECT count(*) FROM information_schema.schemata"
                      + " WHERE schema_name IN ('app') OR schema_name LIKE 'retort_scratch%'"))
          .containsExactly("0");
    }
  }

  /** sqlite3's .dump of a database with an AUTOINCREMENT table and rows. */
  static final String SQLITE_DUMP =
      """
      PRAGMA foreign_keys=OFF;
      BEGIN TRANSACTION;
      CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE);
      INSERT INTO users VALUES(1,'a@example.com');
      INSERT INTO users VALUES(2,'it''s; b@example.com');
      CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));
      CREATE TABLE sqlite_sequence(name,seq);
      DELETE FROM sqlite_sequence;
      INSERT INTO sqlite_sequence VALUES('users',2);
      CREATE INDEX orders_user ON orders (user_id);
      COMMIT;
      """;

  @Test
  void anSqliteDumpWithDataLoads() throws Exception {
    project("jdbc:sqlite:app.db", SQLITE_DUMP);
    Cli.Result r = run(1, "check");
    assertThat(r.out()).contains("create table orders", "create table users");
    assertThat(r.err())
        .contains(
            "warning: schema.sql: transaction control ignored (first at line 2): 1 BEGIN, 1"
                + " COMMIT;")
        .contains("SQLite makes its internal tables itself; skipped: sqlite_sequence (line 7)")
        .contains(
            "warning: schema.sql also holds data: 2 INSERT into users, 1 DELETE from"
                + " sqlite_sequence, 1 INSERT into sqlite_sequence;");
    run(0, "revision", "--autogenerate", "-m", "dump", "--format", "sql");
    run(0, "upgrade", "head");
    assertThat(run(0, "check").out()).contains("The database matches schema.sql.");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"))) {
      assertThat(Databases.query(c, "SELECT count(*) FROM users")).containsExactly("0");
    }
  }

  private void project(String url, String schema) throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve("retort.properties"), "url=" + url + "\nschema=schema.sql\n");
    Files.writeString(dir.resolve("schema.sql"), schema);
  }

  private Cli.Result run(int exit, String... args) {
    Cli.Result r = Cli.run(dir, args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r).isEqualTo(exit);
    return r;
  }
}
