package dev.retort.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A desired schema.sql's objects that Retort does not model are listed, not silently dropped. */
@Tag("postgres")
class PostgresUnmodelledIT {
  private static PgTestDatabase db;

  @BeforeAll
  static void create() {
    db = PgTestDatabase.create();
  }

  @AfterAll
  static void drop() throws SQLException {
    db.close();
  }

  private static Schema scratch(String... statements) throws SQLException {
    try (Connection c = db.connect()) {
      return new PostgresDialect()
          .inspectScratch(
              c,
              s -> {
                for (String sql : statements) {
                  try (Statement st = s.createStatement()) {
                    st.execute(sql);
                  }
                }
              });
    }
  }

  @Test
  void functionsTriggersViewsAndTheRestAreReadFromTheScratchCopy() throws SQLException {
    Schema s =
        scratch(
            "CREATE TYPE mood AS ENUM ('sad', 'ok')",
            "CREATE TYPE point2 AS (x integer, y integer)",
            "CREATE TABLE hosts (id integer PRIMARY KEY, name text, name_upper text)",
            "ALTER TABLE hosts ALTER COLUMN name SET STORAGE MAIN",
            "CREATE INDEX ix_hosts_name ON hosts (name)",
            "COMMENT ON INDEX ix_hosts_name IS 'lookup by name'",
            "CREATE FUNCTION upper_name() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN NEW.name_upper := upper(NEW.name); RETURN NEW; END $$",
            "CREATE TRIGGER hosts_upper BEFORE INSERT ON hosts FOR EACH ROW EXECUTE FUNCTION upper_name()",
            "CREATE VIEW host_names AS SELECT name FROM hosts");
    assertThat(s.definedObjects())
        .extracting(dev.retort.schema.SchemaObject::describe)
        .containsExactlyInAnyOrder(
            "column storage hosts.name",
            "type point2",
            "function upper_name()",
            "comment INDEX ix_hosts_name",
            "trigger hosts_upper ON hosts",
            "view host_names");
    assertThat(s.unmodelled()).isEmpty();
    assertThat(s.tables()).hasSize(1);
    assertThat(s.enums()).hasSize(1);
  }

  @Test
  void grantsAreListedButNotPartitionsOrInheritance() throws SQLException {
    Schema s =
        scratch(
            "CREATE TABLE events (id integer, at date) PARTITION BY RANGE (at)",
            "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO"
                + " ('2027-01-01')",
            "CREATE TABLE base (id integer)",
            "CREATE TABLE child (extra text) INHERITS (base)",
            "GRANT SELECT ON base TO PUBLIC");
    assertThat(s.unmodelled()).containsExactly("privileges (grants are not reproduced) on base");
  }

  @Test
  void tablesTypesAndSequencesAloneLeaveNothingOut() throws SQLException {
    Schema s =
        scratch(
            "CREATE TYPE mood AS ENUM ('sad', 'ok')",
            "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%')",
            "CREATE SEQUENCE order_no",
            "CREATE TABLE orders (id serial PRIMARY KEY, no bigint DEFAULT nextval('order_no'), "
                + "who email, feeling mood)",
            "COMMENT ON TABLE orders IS 'kept'",
            "CREATE INDEX ix_orders_no ON orders (no)");
    assertThat(s.unmodelled()).isEmpty();
  }

  @Test
  void objectsTheFileCreatesInAnotherSchemaAreListedButNotTheDatabasesOwn() throws SQLException {
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS audit");
      st.execute("CREATE TABLE IF NOT EXISTS audit.log (id integer)");
    }
    Schema s =
        scratch(
            "CREATE SCHEMA pgq",
            "CREATE TABLE pgq.queue (id serial PRIMARY KEY, name text)",
            "CREATE VIEW pgq.names AS SELECT name FROM pgq.queue",
            "CREATE FUNCTION pgq.size() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM pgq.queue'",
            "CREATE TABLE local (id integer)");
    assertThat(s.unmodelled())
        .containsExactly(
            "view pgq.names (outside the managed schema public)",
            "table pgq.queue (outside the managed schema public)",
            "function pgq.size() (outside the managed schema public)");
    assertThat(s.tables()).extracting(t -> t.name().name()).containsExactly("local");
  }
}
