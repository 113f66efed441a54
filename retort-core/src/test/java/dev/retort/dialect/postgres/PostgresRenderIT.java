package dev.retort.dialect.postgres;

import static dev.retort.dialect.postgres.PgTestDatabase.execute;
import static dev.retort.dialect.postgres.PgTestDatabase.rows;
import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropTable;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.Op;
import dev.retort.ops.RenameTable;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each op against a real PostgreSQL: render and execute it, check the catalog, then render and
 * execute its reverse and check that the catalog (and the probed rows) are exactly as before.
 */
@Tag("postgres")
class PostgresRenderIT {

  private static final PostgresDialect PG = new PostgresDialect();
  private static final Renderer RENDERER = PG.renderer(Catalog.NONE);
  private static PgTestDatabase db;
  private static Connection c;

  /** Columns, constraints, indexes and comments of the test schemas, one line each, sorted. */
  private static final String SNAPSHOT =
      """
      SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' '
             || format_type(a.atttypid, a.atttypmod)
             || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
             || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
             || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
             || COALESCE(' collate ' || (SELECT co.collname FROM pg_collation co
                  WHERE co.oid = a.attcollation AND a.attcollation <> (SELECT t.typcollation
                    FROM pg_type t WHERE t.oid = a.atttypid)), '')
             || COALESCE(' comment ' || col_description(c.oid, a.attnum), '')
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname IN ('public', 'app') AND c.relkind = 'r' AND a.attnum > 0
        AND NOT a.attisdropped
      UNION ALL
      SELECT 'constraint ' || n.nspname || '.' || c.relname || ' ' || co.conname || ' '
             || pg_get_constraintdef(co.oid)
      FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app')
      UNION ALL
      SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname IN ('public', 'app')
      UNION ALL
      SELECT 'table ' || n.nspname || '.' || c.relname
             || COALESCE(' comment ' || obj_description(c.oid, 'pg_class'), '')
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'app') AND c.relkind = 'r'
      ORDER BY 1""";

  @BeforeAll
  static void createDatabase() throws SQLException {
    db = PgTestDatabase.create();
    c = db.connect();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (c != null) {
      c.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @BeforeEach
  void freshSchemas() throws SQLException {
    execute(
        c,
        "DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS app CASCADE; "
            + "CREATE SCHEMA public; CREATE SCHEMA app");
  }

  /**
   * @param setup SQL text or ops, run first
   * @param op the op under test
   * @param expected lines the snapshot must contain after the op
   * @param absent lines (prefixes) it must no longer contain
   * @param probe a query whose rows join the snapshot, so that data is compared too
   */
  record Case(
      String name,
      List<Object> setup,
      Op op,
      List<String> expected,
      List<String> absent,
      String probe) {
    @Override
    public String toString() {
      return name;
    }
  }

  static QualifiedName t(String name) {
    return QualifiedName.of(name);
  }

  static Column col(
      String name, dev.retort.schema.ColumnType type, boolean nullable, DefaultValue dflt) {
    return new Column(name, type, nullable, Optional.ofNullable(dflt), false, Optional.empty());
  }

  static Stream<Arguments> cases() {
    QualifiedName userData = t("User Data");
    Table userDataTable =
        new Table(
            userData,
            List.of(
                new Column("id", bigint(), false, Optional.empty(), true, Optional.empty()),
                col("order", integer(), true, DefaultValue.literal(5)),
                col("email", varchar(255), false, null),
                col("note", text(), true, DefaultValue.literal("it's")),
                col("active", bool(), true, DefaultValue.literal(true)),
                col("created_at", timestamptz(), false, DefaultValue.expression("now()")),
                col("person_id", bigint(), true, null)),
            Optional.of(new PrimaryKey(Optional.of("pk_user_data"), List.of("id"))),
            List.of(
                new ForeignKey(
                    Optional.of("fk_person"),
                    List.of("person_id"),
                    QualifiedName.of("app", "people"),
                    List.of("id"),
                    ReferentialAction.CASCADE,
                    ReferentialAction.NO_ACTION)),
            List.of(new UniqueConstraint(Optional.of("uq_user_data_email"), List.of("email"))),
            List.of(new CheckConstraint(Optional.of("ck_order"), "\"order\" > 0")),
            List.of(
                new Index(
                    "ix_user_data_active",
                    userData,
                    List.of("active"),
                    false,
                    Optional.of("active"))),
            Optional.of("who's who"));
    Table things =
        new Table(
            QualifiedName.of("app", "things"),
            List.of(col("id", integer(), false, null), col("Label", text(), true, null)),
            Optional.of(PrimaryKey.of("id")),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new Index(
                    "ix_things_label",
                    QualifiedName.of("app", "things"),
                    List.of("Label"),
                    true,
                    Optional.of("\"Label\" IS NOT NULL"))),
            Optional.empty());
    String users =
        "CREATE TABLE users (id integer PRIMARY KEY, code varchar(10) DEFAULT '0', "
            + "password varchar(128) NOT NULL, legacy text DEFAULT 'x', \"Team\" integer);"
            + "INSERT INTO users VALUES (1, '12', 'a', 'l1', 1), (2, '34', 'b', 'l2', 2);"
            + "CREATE TABLE teams (id integer PRIMARY KEY, name text);"
            + "INSERT INTO teams VALUES (1, 'red'), (2, 'blue')";
    String probe = "SELECT * FROM users ORDER BY id";
    return Stream.of(
            new Case(
                "create table: identity, defaults, keys, checks, partial index, comment",
                List.of("CREATE TABLE app.people (id bigint PRIMARY KEY)"),
                new CreateTable(userDataTable),
                List.of(
                    "column public.User Data.id bigint not null identity d",
                    "column public.User Data.order integer default 5",
                    "column public.User Data.note text default 'it''s'::text",
                    "column public.User Data.active boolean default true",
                    "column public.User Data.created_at timestamp with time zone not null default now()",
                    "column public.User Data.email character varying(255) not null",
                    "constraint public.User Data pk_user_data PRIMARY KEY (id)",
                    "constraint public.User Data uq_user_data_email UNIQUE (email)",
                    "constraint public.User Data ck_order CHECK ((\"order\" > 0))",
                    "constraint public.User Data fk_person FOREIGN KEY (person_id) "
                        + "REFERENCES app.people(id) ON DELETE CASCADE",
                    "index CREATE INDEX ix_user_data_active ON public.\"User Data\" USING btree (active) "
                        + "WHERE active",
                    "table public.User Data comment who's who"),
                List.of(),
                null),
            new Case(
                "drop table with its definition, reversed exactly",
                List.of(
                    "CREATE TABLE app.people (id bigint PRIMARY KEY)",
                    new CreateTable(userDataTable)),
                new DropTable(userData, Optional.of(userDataTable)),
                List.of(),
                List.of("column public.User Data", "table public.User Data"),
                null),
            new Case(
                "rename table in a schema, index follows",
                List.of(new CreateTable(things)),
                new RenameTable(things.name(), "Stuff"),
                List.of(
                    "column app.Stuff.Label text",
                    "index CREATE UNIQUE INDEX ix_things_label ON app.\"Stuff\" USING btree (\"Label\") "
                        + "WHERE (\"Label\" IS NOT NULL)"),
                List.of("table app.things"),
                null),
            new Case(
                "add column with default fills existing rows",
                List.of(users),
                new AddColumn(
                    t("users"),
                    new Column(
                        "nickname",
                        varchar(50),
                        false,
                        Optional.of(DefaultValue.literal("O'Brien")),
                        false,
                        Optional.of("shown name"))),
                List.of(
                    "column public.users.nickname character varying(50) not null "
                        + "default 'O''Brien'::character varying comment shown name",
                    "row 1|12|a|l1|1|O'Brien"),
                List.of(),
                probe),
            new Case(
                "drop column with its definition",
                List.of(users),
                new DropColumn(t("users"), "Team", Optional.of(col("Team", integer(), true, null))),
                List.of("row 1|12|a|l1"),
                List.of("column public.users.Team"),
                "SELECT id, code, password, legacy FROM users ORDER BY id"),
            new Case(
                "alter column: rename, varchar to integer with USING, not null, default",
                List.of(users),
                AlterColumn.of(
                    t("users"),
                    "code",
                    c ->
                        c.rename("code_num")
                            .existingType(varchar(10))
                            .type(integer())
                            .existingNullable(true)
                            .nullable(false)
                            .existingDefault("0")
                            .defaultValue(7)),
                List.of(
                    "column public.users.code_num integer not null default 7",
                    "row 1|12|a|l1|1",
                    "row 2|34|b|l2|2"),
                List.of("column public.users.code "),
                probe),
            new Case(
                "alter column: widen varchar (seed bc311ce7dcf8)",
                List.of(users),
                AlterColumn.of(
                    t("users"),
                    "password",
                    c -> c.existingType(varchar(128)).type(varchar(255)).existingNullable(false)),
                List.of("column public.users.password character varying(255) not null"),
                List.of("column public.users.password character varying(128)"),
                probe),
            new Case(
                "create unique partial index on a quoted column",
                List.of(users),
                new CreateIndex(
                    new Index(
                        "ux_users_team",
                        t("users"),
                        List.of("Team"),
                        true,
                        Optional.of("\"Team\" > 0"))),
                List.of(
                    "index CREATE UNIQUE INDEX ux_users_team ON public.users USING btree (\"Team\") "
                        + "WHERE (\"Team\" > 0)"),
                List.of(),
                null),
            new Case(
                "drop index in a schema, with its definition",
                List.of(new CreateTable(things)),
                new DropIndex(
                    things.name(), "ix_things_label", Optional.of(things.indexes().get(0))),
                List.of(),
                List.of("index CREATE UNIQUE INDEX ix_things_label"),
                null),
            new Case(
                "add foreign key with actions",
                List.of(users),
                new AddConstraint(
                    t("users"),
                    new ForeignKey(
                        Optional.of("fk_users_team"),
                        List.of("Team"),
                        t("teams"),
                        List.of("id"),
                        ReferentialAction.SET_NULL,
                        ReferentialAction.CASCADE)),
                List.of(
                    "constraint public.users fk_users_team FOREIGN KEY (\"Team\") REFERENCES "
                        + "teams(id) ON UPDATE CASCADE ON DELETE SET NULL"),
                List.of(),
                null),
            new Case(
                "add unique constraint with an awkward name",
                List.of(users),
                new AddConstraint(
                    t("users"),
                    new UniqueConstraint(Optional.of("uq \"pw\""), List.of("password"))),
                List.of("constraint public.users uq \"pw\" UNIQUE (password)"),
                List.of(),
                null),
            new Case(
                "add check constraint",
                List.of(users),
                new AddConstraint(
                    t("users"), new CheckConstraint(Optional.of("ck_pw"), "length(password) > 0")),
                List.of("constraint public.users ck_pw CHECK ((length((password)::text) > 0))"),
                List.of(),
                null),
            new Case(
                "add primary key",
                List.of("CREATE TABLE pairs (a integer NOT NULL, b integer NOT NULL)"),
                new AddConstraint(
                    t("pairs"), new PrimaryKey(Optional.of("pk_pairs"), List.of("a", "b"))),
                List.of("constraint public.pairs pk_pairs PRIMARY KEY (a, b)"),
                List.of(),
                null),
            new Case(
                "drop constraint with its definition",
                List.of(users, "ALTER TABLE users ADD CONSTRAINT uq_code UNIQUE (code)"),
                new DropConstraint(
                    t("users"),
                    "uq_code",
                    Optional.of(new UniqueConstraint(Optional.of("uq_code"), List.of("code")))),
                List.of(),
                List.of("constraint public.users uq_code"),
                null),
            new Case(
                "index: key order, nulls, expression, INCLUDE, partial",
                List.of(users),
                new CreateIndex(
                    new Index(
                        "ix_users_mix",
                        t("users"),
                        List.of(
                            IndexPart.column("code").desc().nullsLast(),
                            IndexPart.expression("lower(password)")),
                        false,
                        Optional.of("\"Team\" > 0"),
                        Optional.of("btree"),
                        List.of("legacy"))),
                List.of(
                    "index CREATE INDEX ix_users_mix ON public.users USING btree (code DESC NULLS "
                        + "LAST, lower((password)::text)) INCLUDE (legacy) WHERE (\"Team\" > 0)"),
                List.of(),
                probe),
            new Case(
                "index: gin with an operator class",
                List.of(
                    "CREATE TABLE docs (id integer, body jsonb); "
                        + "INSERT INTO docs VALUES (1, '{\"a\": 1}')"),
                new CreateIndex(
                    new Index(
                        "ix_docs_body",
                        t("docs"),
                        List.of(IndexPart.column("body").opclass("jsonb_path_ops")),
                        false,
                        Optional.empty(),
                        Optional.of("gin"),
                        List.of())),
                List.of(
                    "index CREATE INDEX ix_docs_body ON public.docs USING gin (body jsonb_path_ops)"),
                List.of(),
                "SELECT * FROM docs"),
            new Case(
                "index: created concurrently (autocommit), dropped concurrently by the reverse",
                List.of(users),
                new CreateIndex(
                    new Index(
                        "ix_users_code", t("users"), List.of("code"), false, Optional.empty()),
                    true),
                List.of("index CREATE INDEX ix_users_code ON public.users USING btree (code)"),
                List.of(),
                probe),
            new Case(
                "index: dropped concurrently with its definition",
                List.of(users, "CREATE INDEX ix_users_pw ON users (password DESC)"),
                new DropIndex(
                    t("users"),
                    "ix_users_pw",
                    Optional.of(
                        new Index(
                            "ix_users_pw",
                            t("users"),
                            List.of(IndexPart.column("password").desc()),
                            false,
                            Optional.empty(),
                            Optional.empty(),
                            List.of())),
                    true),
                List.of(),
                List.of("index CREATE INDEX ix_users_pw"),
                probe),
            new Case(
                "foreign key deferrable, initially deferred, NOT VALID over a dangling row",
                List.of(users, "INSERT INTO users VALUES (3, '56', 'c', 'l3', 99)"),
                new AddConstraint(
                    t("users"),
                    new ForeignKey(
                        Optional.of("fk_users_team"),
                        List.of("Team"),
                        t("teams"),
                        List.of("id"),
                        ReferentialAction.NO_ACTION,
                        ReferentialAction.NO_ACTION,
                        true,
                        true),
                    true),
                List.of(
                    "constraint public.users fk_users_team FOREIGN KEY (\"Team\") REFERENCES "
                        + "teams(id) DEFERRABLE INITIALLY DEFERRED NOT VALID",
                    "row 3|56|c|l3|99"),
                List.of(),
                probe),
            new Case(
                "check NOT VALID with quotes in its expression",
                List.of(users, "INSERT INTO users VALUES (3, '56', 'c', 'it''s', 1)"),
                new AddConstraint(
                    t("users"),
                    new CheckConstraint(Optional.of("ck_legacy"), "legacy <> 'it''s'"),
                    true),
                List.of(
                    "constraint public.users ck_legacy CHECK ((legacy <> 'it''s'::text)) NOT VALID"),
                List.of(),
                probe),
            new Case(
                "check with quotes in its expression",
                List.of(users),
                new AddConstraint(
                    t("users"),
                    new CheckConstraint(
                        Optional.of("ck \"q\""), "password <> 'O''Brien' AND \"Team\" <> 7")),
                List.of(
                    "constraint public.users ck \"q\" CHECK ((((password)::text <> 'O''Brien'::text) "
                        + "AND (\"Team\" <> 7)))"),
                List.of(),
                probe),
            new Case(
                "drop a named primary key with its definition (first half of a key change)",
                List.of(
                    "CREATE TABLE pairs (a integer NOT NULL, b integer NOT NULL, "
                        + "CONSTRAINT pk_pairs PRIMARY KEY (a)); INSERT INTO pairs VALUES (1, 2)"),
                new DropConstraint(
                    t("pairs"),
                    "pk_pairs",
                    Optional.of(new PrimaryKey(Optional.of("pk_pairs"), List.of("a")))),
                List.of(),
                List.of("constraint public.pairs pk_pairs", "index CREATE UNIQUE INDEX pk_pairs"),
                "SELECT * FROM pairs"),
            new Case(
                "create table if not exists: identity always, collation, quoted check, desc index",
                List.of(),
                new CreateTable(
                    new Table(
                        t("settings"),
                        List.of(
                            new Column(
                                "id",
                                integer(),
                                false,
                                Optional.empty(),
                                true,
                                Optional.empty(),
                                Optional.empty(),
                                Identity.ALWAYS),
                            col("name", text(), false, null).withCollation(Optional.of("C"))),
                        Optional.of(PrimaryKey.of("id")),
                        List.of(),
                        List.of(),
                        List.of(new CheckConstraint(Optional.of("ck_name"), "name <> 'it''s'")),
                        List.of(
                            new Index(
                                "ix_settings_name",
                                t("settings"),
                                List.of(IndexPart.column("name").desc()),
                                false,
                                Optional.empty(),
                                Optional.empty(),
                                List.of())),
                        Optional.of("app's settings")),
                    true),
                List.of(
                    "column public.settings.id integer not null identity a",
                    "column public.settings.name text not null collate C",
                    "constraint public.settings ck_name CHECK ((name <> 'it''s'::text))",
                    "index CREATE INDEX ix_settings_name ON public.settings USING btree (name DESC)",
                    "table public.settings comment app's settings"),
                List.of(),
                null),
            new Case(
                "alter column: USING and reverseUsing convert both ways",
                List.of(
                    "CREATE TABLE prices (id integer PRIMARY KEY, amount text); "
                        + "INSERT INTO prices VALUES (1, '2.50'), (2, '10.05')"),
                AlterColumn.of(
                    t("prices"),
                    "amount",
                    c ->
                        c.existingType(text())
                            .type(integer())
                            .using("(amount::numeric * 100)::integer")
                            .reverseUsing("(amount / 100.0)::numeric(10,2)::text")),
                List.of("column public.prices.amount integer", "row 1|250", "row 2|1005"),
                List.of(),
                "SELECT * FROM prices ORDER BY id"),
            new Case(
                "alter column: collation changes and back to the default",
                List.of(users),
                AlterColumn.of(
                    t("users"), "password", c -> c.existingType(varchar(128)).collation("C")),
                List.of("column public.users.password character varying(128) not null collate C"),
                List.of(),
                probe),
            new Case(
                "alter column: add identity ALWAYS, dropped by the reverse",
                List.of(users),
                AlterColumn.of(t("teams"), "id", c -> c.identity(Identity.ALWAYS)),
                List.of("column public.teams.id integer not null identity a", "row 1|red"),
                List.of(),
                "SELECT * FROM teams ORDER BY id"),
            new Case(
                "alter column: drop a BY DEFAULT identity and make the column nullable",
                List.of(
                    "CREATE TABLE seqs (id integer GENERATED BY DEFAULT AS IDENTITY, v text); "
                        + "INSERT INTO seqs (v) VALUES ('a'), ('b')"),
                AlterColumn.of(
                    t("seqs"),
                    "id",
                    c ->
                        c.existingNullable(false)
                            .nullable(true)
                            .existingIdentity(Identity.BY_DEFAULT)
                            .identity(Identity.NONE)),
                List.of("column public.seqs.id integer", "row 1|a", "row 2|b"),
                List.of("column public.seqs.id integer not null"),
                "SELECT * FROM seqs ORDER BY id"),
            new Case(
                "alter column: comment set, removed by the reverse",
                List.of(users),
                AlterColumn.of(t("users"), "legacy", c -> c.comment("don't use")),
                List.of("column public.users.legacy text default 'x'::text comment don't use"),
                List.of(),
                probe),
            new Case(
                "execute sql with bound parameters and undo",
                List.of(users),
                new ExecuteSql(
                    "INSERT INTO users (id, code, password) VALUES (?, ?, ?)",
                    List.of(3, "O'Brien", "p"),
                    Optional.of("DELETE FROM users WHERE id = 3")),
                List.of("row 3|O'Brien|p|x|null"),
                List.of(),
                probe))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void opAndItsReverse(Case test) throws SQLException {
    for (Object step : test.setup()) {
      if (step instanceof Op op) {
        run(op);
      } else {
        execute(c, (String) step);
      }
    }
    Set<String> before = snapshot(test.probe());

    run(test.op());
    Set<String> after = snapshot(test.probe());
    assertThat(after).containsAll(test.expected());
    for (String gone : test.absent()) {
      assertThat(after).noneMatch(line -> line.startsWith(gone));
    }
    assertThat(after).isNotEqualTo(before);

    run(test.op().reverse());
    assertThat(snapshot(test.probe())).isEqualTo(before);
  }

  @Test
  void concurrentIndexBuildsNeedAutocommit() throws SQLException {
    execute(c, "CREATE TABLE big (id integer, v text)");
    CreateIndex concurrent =
        new CreateIndex(
            new Index("ix_big_v", t("big"), List.of("v"), false, Optional.empty()), true);
    assertThat(concurrent.concurrently()).isTrue();
    c.setAutoCommit(false);
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(concurrent))
          .hasMessageContaining("cannot run inside a transaction block");
      c.rollback();
    } finally {
      c.setAutoCommit(true);
    }
    run(concurrent);
    assertThat(rows(c, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_big_v'::regclass"))
        .containsExactly("t");
    run(concurrent.reverse());
    assertThat(rows(c, "SELECT count(*) FROM pg_class WHERE relname = 'ix_big_v'"))
        .containsExactly("0");
  }

  @Test
  void createTableIfNotExistsLeavesAnExistingTableAlone() throws SQLException {
    execute(c, "CREATE TABLE kv (k text PRIMARY KEY); INSERT INTO kv VALUES ('a')");
    Table kv =
        new Table(
            t("kv"),
            List.of(col("k", integer(), false, null)),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(new Index("ix_kv", t("kv"), List.of("k"), false, Optional.empty())),
            Optional.empty());
    run(new CreateTable(kv, true));
    run(new CreateTable(kv, true));
    assertThat(
            rows(
                c,
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                    + "WHERE attrelid = 'kv'::regclass AND attname = 'k'"))
        .containsExactly("text");
    assertThat(rows(c, "SELECT k FROM kv")).containsExactly("a");
    run(new DropTable(t("kv"), Optional.empty(), true));
    run(new DropTable(t("kv"), Optional.empty(), true));
    assertThat(rows(c, "SELECT to_regclass('kv') IS NULL")).containsExactly("t");
  }

  @Test
  void identityAlwaysRefusesExplicitValuesAndDeferredKeysWaitForCommit() throws SQLException {
    execute(c, "CREATE TABLE parent (id integer PRIMARY KEY)");
    run(
        new CreateTable(
            new Table(
                t("child"),
                List.of(
                    new Column(
                        "id",
                        integer(),
                        false,
                        Optional.empty(),
                        true,
                        Optional.empty(),
                        Optional.empty(),
                        Identity.ALWAYS),
                    col("parent_id", integer(), true, null)),
                Optional.of(PrimaryKey.of("id")),
                List.of(
                    new ForeignKey(
                        Optional.of("fk_parent"),
                        List.of("parent_id"),
                        t("parent"),
                        List.of("id"),
                        ReferentialAction.NO_ACTION,
                        ReferentialAction.NO_ACTION,
                        true,
                        true)),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty())));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> execute(c, "INSERT INTO child (id, parent_id) VALUES (5, NULL)"))
        .hasMessageContaining("GENERATED ALWAYS");
    c.setAutoCommit(false);
    try {
      execute(c, "INSERT INTO child (parent_id) VALUES (7)");
      execute(c, "INSERT INTO parent VALUES (7)");
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
    assertThat(rows(c, "SELECT id, parent_id FROM child")).containsExactly("1|7");
  }

  @Test
  void reservedWordsCoverTheServersReservedKeywords() throws SQLException {
    List<String> reserved =
        rows(c, "SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T')");
    assertThat(reserved).isNotEmpty();
    assertThat(PostgresDialect.RESERVED).containsAll(reserved);
  }

  @Test
  void narrowingAVarcharRefusesToTruncate() throws SQLException {
    execute(
        c,
        "CREATE TABLE narrow (code varchar(255)); INSERT INTO narrow VALUES ('"
            + "x".repeat(200)
            + "')");
    AlterColumn narrow =
        AlterColumn.of(t("narrow"), "code", c -> c.existingType(varchar(255)).type(varchar(128)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(narrow))
        .hasMessageContaining("too long");
    assertThat(rows(c, "SELECT length(code) FROM narrow")).containsExactly("200");
  }

  @Test
  void quotedNamesRoundTripThroughTheServer() throws SQLException {
    String awkward = "Ünïcode \"quoted\" it's";
    run(
        new CreateTable(
            new Table(
                t(awkward),
                List.of(
                    col("user", text(), true, DefaultValue.literal("a'b\"c\\d")),
                    col("select", integer(), true, null),
                    col(awkward, bool(), true, null)),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty())));
    assertThat(
            rows(
                c,
                "SELECT column_name, column_default FROM information_schema.columns "
                    + "WHERE table_name = '"
                    + awkward.replace("'", "''")
                    + "' ORDER BY ordinal_position"))
        .containsExactly("user|'a''b\"c\\d'::text", "select|null", awkward + "|null");
  }

  @Test
  void versionTablesAcceptTheRunnersRows() throws SQLException {
    for (Sql sql :
        PG.createVersionTables(t("retort_version"), QualifiedName.of("app", "retort_history"))) {
      execute(c, sql.text());
      execute(c, sql.text());
    }
    execute(c, "INSERT INTO retort_version VALUES ('bc311ce7dcf8')");
    execute(
        c,
        "INSERT INTO app.retort_history (revision, direction, checksum, started_at, "
            + "duration_ms, who, success, message) VALUES ('bc311ce7dcf8', 'up', 'abc', now(), 12, "
            + "'me', true, NULL)");
    assertThat(rows(c, "SELECT id, revision, direction, success FROM app.retort_history"))
        .containsExactly("1|bc311ce7dcf8|up|t");
  }

  private static void run(Op op) throws SQLException {
    for (Sql sql : RENDERER.render(op)) {
      try (PreparedStatement st = c.prepareStatement(sql.text())) {
        for (int i = 0; i < sql.parameters().size(); i++) {
          st.setObject(i + 1, sql.parameters().get(i));
        }
        st.execute();
      } catch (SQLException e) {
        throw new SQLException(e.getMessage() + "\n  in: " + sql.text(), e);
      }
    }
  }

  private static Set<String> snapshot(String probe) throws SQLException {
    Set<String> lines = new TreeSet<>(rows(c, SNAPSHOT));
    if (probe != null) {
      List<String> data = new ArrayList<>();
      for (String row : rows(c, probe)) {
        data.add("row " + row);
      }
      lines.addAll(data);
    }
    return lines;
  }
}
