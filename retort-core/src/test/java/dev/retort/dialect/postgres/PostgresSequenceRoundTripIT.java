package dev.retort.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.Op;
import dev.retort.schema.Schema;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extensions, enum types and sequences created on their own, as Roundcube's schema has them (a
 * {@code nextval} default on a sequence of its own), and Icinga DB's serial look-alike on a domain
 * (a sequence owned by the column it feeds, which is no serial column): reproduced from the diff
 * alone, then changed one at a time, and taken back to nothing by the reversed ops.
 */
class PostgresSequenceRoundTripIT extends PgRoundTrip {
  private static final String SCHEMA =
      """
      CREATE EXTENSION citext;
      CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
      CREATE SEQUENCE users_seq INCREMENT BY 1 NO MAXVALUE NO MINVALUE CACHE 1;
      CREATE TABLE users (
        user_id integer DEFAULT nextval('users_seq'::text) PRIMARY KEY,
        email citext NOT NULL);
      CREATE SEQUENCE order_no START 1000 INCREMENT 10 MAXVALUE 999999 CACHE 5;
      CREATE TABLE orders (
        id serial PRIMARY KEY,
        no bigint NOT NULL DEFAULT nextval('order_no'),
        n bigint GENERATED ALWAYS AS IDENTITY,
        feeling mood NOT NULL DEFAULT 'ok',
        user_id integer REFERENCES users (user_id));
      CREATE SEQUENCE spare INCREMENT -1 CYCLE OWNED BY orders.n;
      CREATE DOMAIN uint AS bigint CHECK (VALUE >= 0);
      CREATE SEQUENCE meta_id_seq;
      CREATE TABLE meta (id uint NOT NULL DEFAULT nextval('meta_id_seq') PRIMARY KEY);
      ALTER SEQUENCE meta_id_seq OWNED BY meta.id;
      """;

  @Override
  String schemaSql() {
    return SCHEMA;
  }

  @Test
  void reproducedFromEmptyThenCleanAndTheReverseLeavesNothing() throws SQLException {
    List<Op> up = diff(inspect(t), inspect(d));
    assertThat(up)
        .extracting(Op::describe)
        .containsExactly(
            "create extension citext",
            "create enum mood",
            "create domain uint",
            "create sequence meta_id_seq",
            "create sequence order_no",
            "create sequence spare",
            "create sequence users_seq",
            "create table meta",
            "create table users",
            "create table orders",
            "alter sequence meta_id_seq",
            "alter sequence spare");
    apply(t, up);
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    assertThat(inspect(t)).isEqualTo(inspect(d));
    assertThat(PgTestDatabase.rows(t, "SELECT nextval('order_no'), nextval('order_no')"))
        .containsExactly("1000|1010");

    apply(t, reversed(up));
    Schema empty = inspect(t);
    assertThat(empty.tables()).isEmpty();
    assertThat(empty.sequences()).isEmpty();
    assertThat(empty.enums()).isEmpty();
    assertThat(empty.extensions()).isEmpty();
    assertThat(empty.domains()).isEmpty();
    assertThat(PgTestDatabase.rows(t, "SELECT count(*) FROM pg_class WHERE relkind = 'S'"))
        .containsExactly("0");
  }

  @Test
  void everySingleChangeIsFoundAppliedAndReverted() throws SQLException {
    apply(t, diff(inspect(t), inspect(d)));
    Schema base = inspect(d);
    List<String> changes =
        List.of(
            "ALTER SEQUENCE order_no INCREMENT 5",
            "ALTER SEQUENCE order_no NO MAXVALUE CACHE 1 CYCLE",
            "ALTER SEQUENCE spare OWNED BY NONE",
            "ALTER SEQUENCE spare OWNED BY orders.no",
            "DROP SEQUENCE spare",
            "CREATE SEQUENCE invoice_no START 7",
            "CREATE EXTENSION pgcrypto",
            "CREATE TABLE tickets (id integer PRIMARY KEY DEFAULT nextval('invoice_no'))");
    for (String change : changes) {
      PgTestDatabase.execute(d, "BEGIN; " + change + "; COMMIT");
      Schema wanted = inspect(d);
      List<Op> up = diff(inspect(t), wanted);
      assertThat(up).as(change).isNotEmpty();
      apply(t, up);
      assertThat(diff(inspect(t), wanted)).as("after " + change).isEmpty();
      apply(t, reversed(up));
      assertThat(diff(inspect(t), base)).as("reverted " + change).isEmpty();
      apply(t, up);
      base = wanted;
    }
  }

  @Test
  void anEnumGainsAValueInPlace() throws SQLException {
    apply(t, diff(inspect(t), inspect(d)));
    PgTestDatabase.execute(d, "ALTER TYPE mood ADD VALUE 'meh' AFTER 'sad'");
    List<Op> add = diff(inspect(t), inspect(d));
    assertThat(add).extracting(Op::describe).hasSize(1).allMatch(s -> s.contains("meh"));
    apply(t, add);
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
  }

  @Test
  void aScratchCopyAcceptsAnExtensionTheDatabaseHasAlready() throws SQLException {
    String file =
        "-- needs uuid_generate_v4\nCREATE EXTENSION \"uuid-ossp\"; "
            + "CREATE TABLE tokens (id uuid PRIMARY KEY DEFAULT uuid_generate_v4())";
    PgTestDatabase.execute(t, file);
    Schema scratch =
        PG.inspectScratch(
            t,
            c -> {
              for (String statement : file.split("; ")) {
                try (java.sql.Statement st = c.createStatement()) {
                  st.execute(statement);
                }
              }
            });
    assertThat(scratch.extensions()).containsExactly(dev.retort.schema.Extension.of("uuid-ossp"));
    assertThat(diff(inspect(t), scratch)).isEmpty();
    assertThat(inspect(t).extensions())
        .containsExactly(dev.retort.schema.Extension.of("uuid-ossp"));
  }
}
