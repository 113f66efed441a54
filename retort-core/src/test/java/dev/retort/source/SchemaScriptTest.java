package dev.retort.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.script.Statement;
import org.junit.jupiter.api.Test;

/** Schema files as applications ship them and dump tools write them, read without a database. */
class SchemaScriptTest {

  private static SchemaScript.Loaded read(String text) {
    return SchemaScript.read("schema.sql", text);
  }

  /** The shape of {@code pg_dump --schema-only} from PostgreSQL 15.14 on. */
  @Test
  void pgDumpSchemaOnly() {
    SchemaScript.Loaded l =
        read(
            """
            --
            -- PostgreSQL database dump
            --

            \\restrict lGt7v0OImguDnma6hG9iJj7mYrObRy0dYkB1lux5XrxsduEam2ij5VdXlHK3L0i

            -- Dumped from database version 15.20

            SET statement_timeout = 0;
            SET client_encoding = 'UTF8';
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE SCHEMA app;
            ALTER SCHEMA app OWNER TO app_owner;
            CREATE TABLE public.users (
                id integer NOT NULL
            );
            ALTER TABLE public.users OWNER TO postgres;
            ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;
            SELECT pg_catalog.setval('public.users_id_seq', 3, true);
            GRANT SELECT ON TABLE public.users TO reader;
            REVOKE ALL ON SCHEMA public FROM PUBLIC;

            --
            -- PostgreSQL database dump complete
            --

            \\unrestrict lGt7v0OImguDnma6hG9iJj7mYrObRy0dYkB1lux5XrxsduEam2ij5VdXlHK3L0i

            """);
    assertThat(l.statements())
        .extracting(Statement::sql)
        .containsExactly(
            "SET statement_timeout = 0",
            "SET client_encoding = 'UTF8'",
            "SELECT pg_catalog.set_config('search_path', '', false)",
            "CREATE SCHEMA app",
            "CREATE TABLE public.users (\n    id integer NOT NULL\n)",
            "ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id",
            "SELECT pg_catalog.setval('public.users_id_seq', 3, true)");
    assertThat(l.statements().get(0).line()).isEqualTo(9);
    assertThat(l.notes())
        .containsExactly(
            "schema.sql: psql meta-commands skipped: \\restrict (line 5), \\unrestrict (line 27)",
            "schema.sql: ownership, privileges and roles are not part of the schema; skipped: "
                + "2 ALTER ... OWNER TO, 1 GRANT, 1 REVOKE",
            "schema.sql also holds data: 1 setval; seed data is not part of the schema (write it in"
                + " a migration)");
  }

  /** Kea's dhcpdb_create.pgsql: BEGIN/END around each part, functions ending in END;$$. */
  @Test
  void installScriptWithTransactionsFunctionsAndSeedRows() {
    SchemaScript.Loaded l =
        read(
            """
            START TRANSACTION;
            CREATE TABLE lease_state (state INT PRIMARY KEY NOT NULL, name VARCHAR(64) NOT NULL);
            INSERT INTO lease_state VALUES (0, 'default');
            INSERT INTO lease_state VALUES (1, 'declined');
            INSERT INTO "lease_state" VALUES (2, 'expired-reclaimed');
            COMMIT;
            BEGIN;
            CREATE OR REPLACE FUNCTION lease4DumpHeader() RETURNS text AS  $$
                select cast('address,hwaddr' as text) as result;
            $$ LANGUAGE SQL;
            CREATE FUNCTION proc_stat() RETURNS trigger AS $stat$
            BEGIN
                UPDATE lease4_stat SET leases = leases + 1 WHERE subnet_id = NEW.subnet_id;
                RETURN NEW;
            END;
            $stat$ LANGUAGE plpgsql;
            UPDATE schema_version SET version = '13', minor = '0';
            DELETE FROM lease_state WHERE state = 2;
            END;
            ROLLBACK;
            """);
    assertThat(l.statements())
        .extracting(Statement::line)
        .containsExactly(2, 3, 4, 5, 8, 11, 17, 18);
    assertThat(l.notes())
        .containsExactly(
            "schema.sql: transaction control ignored (first at line 1): 1 START TRANSACTION, 1"
                + " COMMIT, 1 BEGIN, 1 END, 1 ROLLBACK; the scratch copy is loaded whole and thrown"
                + " away",
            "schema.sql also holds data: 3 INSERT into lease_state, 1 UPDATE of schema_version, 1"
                + " DELETE from lease_state; seed data is not part of the schema (write it in a"
                + " migration)");
  }

  /** pgjdbc closes the connection when client_encoding leaves UTF8 or DateStyle leaves ISO. */
  @Test
  void settingsTheDriverOwnsAreSkippedUnlessHarmless() {
    SchemaScript.Loaded l =
        read(
            """
            SET client_encoding = 'LATIN1';
            SET DateStyle TO 'SQL, DMY';
            SET NAMES 'SQL_ASCII';
            SET client_encoding = 'UTF8';
            SET datestyle = 'ISO, MDY';
            CREATE TABLE t (a int);
            """);
    assertThat(l.statements())
        .extracting(Statement::sql)
        .containsExactly(
            "SET client_encoding = 'UTF8'", "SET datestyle = 'ISO, MDY'", "CREATE TABLE t (a int)");
    assertThat(l.notes())
        .containsExactly(
            "schema.sql: SET client_encoding (line 1), SET datestyle (line 2), SET NAMES (line 3)"
                + " skipped: the connection keeps the driver's encoding and date style");
  }

  /** pg_dump's data: rows are not SQL, and their quotes and semicolons must not be split. */
  @Test
  void copyFromStdinIsCutWithItsRows() {
    SchemaScript.Loaded l =
        read(
            """
            CREATE TABLE public.notes (id int, body text);
            COPY public.notes (id, body) FROM stdin;
            1\tit's; not SQL
            2\t"neither
            \\.
            CREATE TABLE after (id int);
            """);
    assertThat(l.statements()).extracting(Statement::line).containsExactly(1, 6);
    assertThat(l.notes())
        .containsExactly(
            "schema.sql also holds data: 1 COPY into public.notes (not loaded); seed data is not"
                + " part of the schema (write it in a migration)");
  }

  /** mariadb-dump --no-data, and the CREATE DATABASE / USE of install scripts. */
  @Test
  void mariadbDump() {
    SchemaScript.Loaded l =
        read(
            """
            /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
            /*!40101 SET NAMES utf8mb4 */;
            /*!40101 SET NAMES latin1 */;
            /*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
            CREATE DATABASE /*!32312 IF NOT EXISTS*/ `app`;
            USE `app`;
            DROP TABLE IF EXISTS `users`;
            CREATE TABLE `users` (`id` int NOT NULL, PRIMARY KEY (`id`));
            LOCK TABLES `users` WRITE;
            /*!40000 ALTER TABLE `users` DISABLE KEYS */;
            INSERT INTO `users` VALUES (1),(2);
            INSERT IGNORE INTO users VALUES (3);
            REPLACE INTO `app`.`users` VALUES (4);
            UNLOCK TABLES;
            CREATE USER 'app'@'localhost' IDENTIFIED BY 'secret';
            GRANT ALL ON app.* TO 'app'@'localhost';
            /*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
            """);
    assertThat(l.statements())
        .extracting(Statement::line)
        .containsExactly(1, 2, 4, 7, 8, 10, 11, 12, 13, 17);
    assertThat(l.notes())
        .containsExactly(
            "schema.sql: transaction control ignored (first at line 9): 1 LOCK TABLES, 1 UNLOCK"
                + " TABLES; the scratch copy is loaded whole and thrown away",
            "schema.sql: SET NAMES (line 3) skipped: the connection keeps the driver's encoding and"
                + " date style",
            "schema.sql: ownership, privileges and roles are not part of the schema; skipped: 1"
                + " CREATE USER, 1 GRANT",
            "schema.sql: statements about databases skipped (the scratch copy is its own): CREATE"
                + " DATABASE (line 5), USE (line 6)",
            "schema.sql also holds data: 2 INSERT into users, 1 REPLACE into app.users; seed data"
                + " is not part of the schema (write it in a migration)");
  }

  /** sqlite3's .dump. */
  @Test
  void sqliteDump() {
    SchemaScript.Loaded l =
        read(
            """
            PRAGMA foreign_keys=OFF;
            BEGIN TRANSACTION;
            CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT);
            INSERT INTO t VALUES(1,'a;b');
            CREATE TABLE sqlite_sequence(name,seq);
            DELETE FROM sqlite_sequence;
            INSERT INTO sqlite_sequence VALUES('t',1);
            COMMIT;
            """);
    assertThat(l.statements()).extracting(Statement::line).containsExactly(1, 3, 4, 6, 7);
    assertThat(l.notes())
        .containsExactly(
            "schema.sql: transaction control ignored (first at line 2): 1 BEGIN, 1 COMMIT; the"
                + " scratch copy is loaded whole and thrown away",
            "schema.sql: SQLite makes its internal tables itself; skipped: sqlite_sequence (line"
                + " 5)",
            "schema.sql also holds data: 1 INSERT into t, 1 DELETE from sqlite_sequence, 1 INSERT"
                + " into sqlite_sequence; seed data is not part of the schema (write it in a"
                + " migration)");
  }

  @Test
  void aPlainSchemaHasNoNotes() {
    SchemaScript.Loaded l =
        read("CREATE TABLE a (id int);\n-- the end\nCREATE INDEX a_id ON a (id);\n");
    assertThat(l.statements()).hasSize(2);
    assertThat(l.notes()).isEmpty();
  }

  @Test
  void onMySqlSchemaStatementsAndServerSettingsAreSkippedWithANote() {
    String text =
        "DROP SCHEMA IF EXISTS app;\n"
            + "CREATE SCHEMA app;\n"
            + "SET GLOBAL innodb_file_per_table = 1;\n"
            + "SET @@global.max_connections = 5;\n"
            + "CREATE TABLE t (a int);\n";
    SchemaScript.Loaded my = SchemaScript.read("schema.sql", text, true);
    assertThat(my.statements())
        .extracting(Statement::sql)
        .containsExactly("CREATE TABLE t (a int)");
    assertThat(my.notes())
        .contains(
            "schema.sql: server-wide settings skipped (they would outlast the scratch copy):"
                + " SET GLOBAL (line 3), SET GLOBAL (line 4)",
            "schema.sql: statements about databases skipped (the scratch copy is its own):"
                + " DROP SCHEMA (line 1), CREATE SCHEMA (line 2)");
    // on PostgreSQL a schema is a schema
    assertThat(SchemaScript.read("schema.sql", "CREATE SCHEMA app;\n", false).statements())
        .hasSize(1);
  }
}
