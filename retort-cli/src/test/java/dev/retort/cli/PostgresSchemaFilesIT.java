package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * schema.sql as PostgreSQL users have it: an application's install script (modelled on Kea's
 * dhcpdb_create.pgsql) and {@code pg_dump --schema-only}, which qualifies every name and empties
 * the search path. Each loads; what is not schema gets a note; nothing reaches the live database.
 */
class PostgresSchemaFilesIT {
  @TempDir Path dir;
  private Databases.Pg pg;

  @BeforeEach
  void database() throws Exception {
    Databases.requirePostgres();
    pg = new Databases.Pg();
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(
        dir.resolve("retort.properties"), "url=" + pg.url() + "\nschema=schema.sql\n");
  }

  @AfterEach
  void drop() throws Exception {
    pg.close();
  }

  /** Kea's shape: BEGIN/END and START TRANSACTION/COMMIT, seed rows, a trigger firing on one. */
  static final String INSTALL_SCRIPT =
      """
      -- Copyright (C) the application's authors
      \\set ON_ERROR_STOP on
      SET client_encoding = 'LATIN1';
      SET DateStyle = 'SQL, DMY';

      START TRANSACTION;
      CREATE TABLE lease_state (
        state integer PRIMARY KEY NOT NULL,
        name varchar(64) NOT NULL
      );
      INSERT INTO lease_state VALUES (0, 'default');
      INSERT INTO lease_state VALUES (1, 'declined');
      CREATE TABLE schema_version (version integer PRIMARY KEY NOT NULL, minor integer);
      INSERT INTO schema_version VALUES (12, 0);
      COMMIT;

      BEGIN;
      CREATE TABLE lease4 (
        address bigint PRIMARY KEY NOT NULL,
        state integer DEFAULT 0 REFERENCES lease_state (state)
      );
      CREATE SEQUENCE lease_seq;
      SELECT setval('lease_seq', 42);
      CREATE OR REPLACE FUNCTION lease4_count() RETURNS trigger AS $$
      BEGIN
        UPDATE schema_version SET minor = minor + 1;
        RETURN NEW;
      END;$$ LANGUAGE plpgsql;
      CREATE TRIGGER lease4_ains AFTER INSERT ON lease4
        FOR EACH ROW EXECUTE PROCEDURE lease4_count();
      INSERT INTO lease4 VALUES (1, 0);
      UPDATE schema_version SET version = '13', minor = '0';
      END;
      """;

  @Test
  void anInstallScriptLoadsWithNotesAndItsSeedRowsStayOut() throws Exception {
    Files.writeString(dir.resolve("schema.sql"), INSTALL_SCRIPT);
    Cli.Result r = run(1, "check");
    assertThat(r.out()).contains("create table lease_state", "create table lease4");
    assertThat(r.err())
        .contains(
            "warning: schema.sql: transaction control ignored (first at line 6): 1 START"
                + " TRANSACTION, 1 COMMIT, 1 BEGIN, 1 END;")
        .contains(
            "warning: schema.sql: SET client_encoding (line 3), SET datestyle (line 4) skipped")
        .contains("warning: schema.sql: psql meta-commands skipped: \\set (line 2)")
        .contains(
            "warning: schema.sql also holds data: 2 INSERT into lease_state, 1 INSERT into"
                + " schema_version, 1 setval, 1 INSERT into lease4, 1 UPDATE of schema_version;"
                + " seed data is not part of the schema (write it in a migration)")
        .doesNotContain("connection has been closed");

    assertThat(run(0, "diff").out())
        .contains("-- NOTE: schema.sql also holds data: 2 INSERT into lease_state,")
        .contains("CREATE TABLE lease_state");
    Map<String, Object> json = JsonReader.object(run(1, "check", "--json").out());
    assertThat((List<?>) json.get("notes")).hasSize(4);

    r = run(0, "revision", "--autogenerate", "-m", "install", "--format", "sql");
    assertThat(r.err()).contains("schema.sql also holds data");
    run(0, "upgrade", "head");
    assertThat(run(0, "check").out()).contains("The database matches schema.sql.");
    assertThat(pg.query("SELECT count(*) FROM lease_state")).containsExactly("0");
    assertThat(pg.query("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'retort_scratch%'"))
        .containsExactly("0");
  }

  /**
   * pg_dump's shape, naming the live table: in the scratch schema these statements would alter
   * {@code public.keep} until the rollback and move its sequence for good.
   */
  static final String DUMP =
      """
      --
      -- PostgreSQL database dump
      --

      \\restrict 4bW1zR9yQ2pLm7Xc0VdKe8HsTuAf3GjN

      SET statement_timeout = 0;
      SET client_encoding = 'UTF8';
      SET standard_conforming_strings = on;
      SELECT pg_catalog.set_config('search_path', '', false);
      SET check_function_bodies = false;

      CREATE TABLE public.keep (
          id integer NOT NULL,
          note text,
          extra integer
      );

      ALTER TABLE public.keep OWNER TO somebody_not_here;

      CREATE SEQUENCE public.keep_id_seq
          AS integer
          START WITH 1
          INCREMENT BY 1
          NO MINVALUE
          NO MAXVALUE
          CACHE 1;

      ALTER SEQUENCE public.keep_id_seq OWNED BY public.keep.id;
      ALTER TABLE ONLY public.keep ALTER COLUMN id SET DEFAULT nextval('public.keep_id_seq'::regclass);
      SELECT pg_catalog.setval('public.keep_id_seq', 500, true);
      ALTER TABLE ONLY public.keep
          ADD CONSTRAINT keep_pkey PRIMARY KEY (id);
      %s
      --
      -- PostgreSQL database dump complete
      --

      \\unrestrict 4bW1zR9yQ2pLm7Xc0VdKe8HsTuAf3GjN
      """;

  private void liveKeep() throws Exception {
    pg.execute("CREATE TABLE keep (id serial PRIMARY KEY, note text)");
    pg.execute("INSERT INTO keep (note) VALUES ('a'), ('b')");
  }

  private void assertLiveUntouched() throws Exception {
    assertThat(pg.query("SELECT last_value FROM keep_id_seq")).containsExactly("2");
    assertThat(pg.query("SELECT count(*) FROM keep")).containsExactly("2");
    assertThat(
            pg.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'keep'"))
        .containsExactly("2");
    try (java.sql.Connection admin = Databases.admin()) {
      assertThat(
              Databases.query(
                  admin, "SELECT count(*) FROM pg_database WHERE datname LIKE 'retort_scratch%'"))
          .containsExactly("0");
    }
  }

  @Test
  void pgDumpOutputLoadsIntoAScratchDatabaseAndLeavesTheLiveSchemaAlone() throws Exception {
    liveKeep();
    Files.writeString(dir.resolve("schema.sql"), DUMP.formatted(""));
    Cli.Result r = run(1, "check");
    assertThat(r.out()).contains("1 change needed").contains("add column keep.extra");
    assertThat(r.err())
        .contains(
            "warning: schema.sql: psql meta-commands skipped: \\restrict (line 5), \\unrestrict"
                + " (line 39)")
        .contains("skipped: 1 ALTER ... OWNER TO")
        .contains("warning: schema.sql also holds data: 1 setval;");
    assertLiveUntouched();

    run(0, "revision", "--autogenerate", "-m", "extra", "--format", "sql");
    run(0, "upgrade", "head");
    assertThat(run(0, "check").out()).contains("matches");
  }

  @Test
  void aBadStatementInADumpIsNamedOnceAndNothingIsWritten() throws Exception {
    liveKeep();
    Files.writeString(
        dir.resolve("schema.sql"), DUMP.formatted("CREATE TABLE public.broken (id nosuchtype);\n"));
    Cli.Result r = run(2, "revision", "--autogenerate", "-m", "broken", "--format", "sql");
    assertThat(r.err().strip())
        .startsWith("error: ")
        .contains("schema.sql:34: the desired schema does not apply")
        .contains("nosuchtype");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(dir.resolve("migrations")).isEmptyDirectory();
    assertLiveUntouched();
  }

  @Test
  void withoutCreatedbTheErrorSaysWhyADatabaseWasNeeded() throws Exception {
    String role = "retort_nocreatedb_" + pg.name.substring("retort_it_".length());
    pg.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
    try {
      liveKeep();
      pg.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
      Files.writeString(
          dir.resolve("retort.properties"),
          "url=" + pg.url().replace("user=postgres", "user=" + role) + "\nschema=schema.sql\n");
      Files.writeString(dir.resolve("schema.sql"), DUMP.formatted(""));
      Cli.Result r = run(3, "check");
      assertThat(r.err())
          .contains("needs a scratch database because it changes the search path")
          .contains("Grant CREATEDB");
      assertLiveUntouched();
    } finally {
      pg.execute("DROP OWNED BY " + role);
      pg.execute("DROP ROLE " + role);
    }
  }

  private Cli.Result run(int exit, String... args) {
    Cli.Result r = Cli.run(dir, args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r).isEqualTo(exit);
    return r;
  }
}
