package dev.retort.dialect.postgres;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.inspect.InspectOptions;
import dev.retort.ops.CreateTable;
import dev.retort.ops.Op;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tables created through the renderer read back from the catalogs as the same values. */
class PostgresInspectorIT {
  private static PgTestDatabase db;
  private static Connection c;
  private static final PostgresDialect PG = new PostgresDialect();

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

  private static void run(Op op) throws SQLException {
    Renderer r = PG.renderer(Catalog.NONE);
    for (Sql sql : r.render(op)) {
      PgTestDatabase.execute(c, sql.text());
    }
  }

  private static Column col(String name, ColumnType type, boolean nullable, DefaultValue dflt) {
    return new Column(name, type, nullable, Optional.ofNullable(dflt), false, Optional.empty());
  }

  @Test
  void createdTablesReadBackAsTheSameValues() throws SQLException {
    QualifiedName user = QualifiedName.of("user");
    Table users =
        new Table(
            user,
            List.of(
                new Column("id", integer(), false, Optional.empty(), true, Optional.of("the key")),
                col("email", varchar(120), false, null),
                col("Display Name", text(), true, DefaultValue.literal("it's me")),
                col("score", numeric(10, 2), false, DefaultValue.literal("0")),
                col("active", bool(), false, DefaultValue.literal("true")),
                col("created_at", timestamptz(), false, DefaultValue.expression("now()")),
                col("data", jsonb(), true, null),
                col("ref", uuid(), true, null),
                col("blob", bytes(), true, null),
                col("born", date(), true, null),
                col("tags", raw("text[]"), true, null)),
            Optional.of(new PrimaryKey(Optional.of("user_pkey"), List.of("id"))),
            List.of(),
            List.of(new UniqueConstraint(Optional.of("user_email_key"), List.of("email"))),
            List.of(new CheckConstraint(Optional.of("ck_score"), "(score >= (0)::numeric)")),
            List.of(
                new Index(
                    "ix_user_created", user, List.of("created_at", "id"), false, Optional.empty()),
                new Index("ix_user_active", user, List.of("email"), true, Optional.of("active"))),
            Optional.of("people"));
    QualifiedName goal = QualifiedName.of("goal");
    Table goals =
        new Table(
            goal,
            List.of(
                new Column("id", bigint(), false, Optional.empty(), true, Optional.empty()),
                col("user_id", integer(), false, null),
                col("title", varchar(200), false, null)),
            Optional.of(new PrimaryKey(Optional.of("goal_pkey"), List.of("id"))),
            List.of(
                new ForeignKey(
                    Optional.of("goal_user_id_fkey"),
                    List.of("user_id"),
                    user,
                    List.of("id"),
                    ReferentialAction.CASCADE,
                    ReferentialAction.NO_ACTION)),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    run(new CreateTable(users));
    run(new CreateTable(goals));
    PgTestDatabase.execute(c, "CREATE TABLE retort_version (version_num varchar(64) PRIMARY KEY)");

    Schema schema = PG.inspector().inspect(c, InspectOptions.excluding("retort_version"));

    assertThat(schema.tables()).extracting(Table::name).containsExactly(goal, user);
    assertSameTable(schema.table(user).orElseThrow(), users);
    assertSameTable(schema.table(goal).orElseThrow(), goals);
  }

  private static void assertSameTable(Table actual, Table expected) {
    assertThat(actual.columns()).containsExactlyElementsOf(expected.columns());
    assertThat(actual.primaryKey()).isEqualTo(expected.primaryKey());
    assertThat(actual.foreignKeys()).containsExactlyInAnyOrderElementsOf(expected.foreignKeys());
    assertThat(actual.uniques()).containsExactlyInAnyOrderElementsOf(expected.uniques());
    assertThat(actual.checks()).containsExactlyInAnyOrderElementsOf(expected.checks());
    assertThat(actual.indexes()).containsExactlyInAnyOrderElementsOf(expected.indexes());
    assertThat(actual.comment()).isEqualTo(expected.comment());
    assertThat(actual)
        .isEqualTo(
            expected
                .withIndexes(actual.indexes())
                .withForeignKeys(actual.foreignKeys())
                .withUniques(actual.uniques())
                .withChecks(actual.checks()));
  }

  @Test
  void serialColumnsReadBackAsSerialAndRenderAsSerial() throws SQLException {
    PgTestDatabase.execute(
        c, "CREATE TABLE serials (id serial PRIMARY KEY, big bigserial, small smallserial)");
    Table t =
        PG.inspector()
            .inspect(c, InspectOptions.excluding())
            .table(QualifiedName.of("serials"))
            .orElseThrow();
    assertThat(t.columns())
        .extracting(Column::identity)
        .containsOnly(dev.retort.schema.Identity.SERIAL);
    assertThat(t.columns()).extracting(Column::defaultValue).containsOnly(Optional.empty());
    String sql =
        PG.renderer(Catalog.NONE)
            .render(new CreateTable(t.withName(QualifiedName.of("serials2"))))
            .get(0)
            .text();
    assertThat(sql)
        .contains("id serial NOT NULL")
        .contains("big bigserial NOT NULL")
        .contains("small smallserial NOT NULL");
    PgTestDatabase.execute(c, "DROP TABLE serials");
  }

  @Test
  void namedSchemasAreQualifiedAndReadInTenQueries() throws SQLException {
    PgTestDatabase.execute(c, "CREATE SCHEMA IF NOT EXISTS audit");
    PgTestDatabase.execute(
        c,
        "CREATE FUNCTION audit.stamp() RETURNS trigger LANGUAGE plpgsql"
            + " AS $$ BEGIN RETURN NEW; END $$");
    for (int i = 0; i < 30; i++) {
      PgTestDatabase.execute(c, "CREATE TABLE audit.t" + i + " (id integer PRIMARY KEY, v text)");
      PgTestDatabase.execute(c, "CREATE VIEW audit.v" + i + " AS SELECT v FROM audit.t" + i);
      PgTestDatabase.execute(
          c,
          "CREATE TRIGGER stamp BEFORE UPDATE ON audit.t"
              + i
              + " FOR EACH ROW EXECUTE FUNCTION audit.stamp()");
    }
    java.util.concurrent.atomic.AtomicInteger statements =
        new java.util.concurrent.atomic.AtomicInteger();
    Connection counting =
        (Connection)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("prepareStatement")
                      || method.getName().equals("createStatement")) {
                    statements.incrementAndGet();
                  }
                  try {
                    return method.invoke(c, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    Schema schema =
        PG.inspector().inspect(counting, new InspectOptions(List.of("audit"), java.util.Set.of()));
    assertThat(schema.tables()).hasSize(30);
    assertThat(schema.tables().get(0).name().schema()).contains("audit");
    assertThat(schema.tables().get(0).primaryKey().orElseThrow().columns()).containsExactly("id");
    assertThat(schema.definedObjects()).hasSize(61);
    assertThat(schema.definedObjects())
        .filteredOn(o -> o.describe().equals("trigger stamp ON audit.t7"))
        .singleElement()
        .satisfies(
            o -> assertThat(o.dependsOn()).contains("function:audit.stamp()", "table:audit.t7"));
    // the eight catalog queries, the objects and what they depend on, one for the session's schema
    // and settings, and two to turn JIT and parallel workers off and back on when either is on
    int expected =
        11
            + (show("jit").equals("on") || !show("max_parallel_workers_per_gather").equals("0")
                ? 2
                : 0);
    assertThat(statements.get())
        .as("set-based: a fixed number of queries for 30 tables, views and triggers")
        .isEqualTo(expected);
  }

  @Test
  void inspectionLeavesJitAndParallelWorkersAsTheyWere() throws SQLException {
    PgTestDatabase.execute(c, "SET jit = on");
    PgTestDatabase.execute(c, "SET max_parallel_workers_per_gather = 3");
    PG.inspector().inspect(c, InspectOptions.excluding());
    assertThat(show("jit")).as("autocommit: put back").isEqualTo("on");
    assertThat(show("max_parallel_workers_per_gather")).as("autocommit: put back").isEqualTo("3");

    c.setAutoCommit(false);
    try {
      PG.inspector().inspect(c, InspectOptions.excluding());
      assertThat(show("jit")).as("inside a transaction: off until it ends").isEqualTo("off");
      assertThat(show("max_parallel_workers_per_gather")).as("inside a transaction").isEqualTo("0");
      c.rollback();
      assertThat(show("jit")).isEqualTo("on");
      assertThat(show("max_parallel_workers_per_gather")).isEqualTo("3");
    } finally {
      c.setAutoCommit(true);
    }

    PgTestDatabase.execute(c, "SET jit = off");
    PgTestDatabase.execute(c, "SET max_parallel_workers_per_gather = 0");
    PG.inspector().inspect(c, InspectOptions.excluding());
    assertThat(show("jit")).as("off stays off").isEqualTo("off");
    assertThat(show("max_parallel_workers_per_gather")).isEqualTo("0");
    PgTestDatabase.execute(c, "RESET jit");
    PgTestDatabase.execute(c, "RESET max_parallel_workers_per_gather");
  }

  private static String show(String setting) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void explicitSequencesAndExtensionsAreReadButSerialAndIdentitySequencesAreNot()
      throws SQLException {
    PgTestDatabase.execute(c, "CREATE SCHEMA seqs");
    PgTestDatabase.execute(c, "CREATE EXTENSION citext SCHEMA seqs");
    PgTestDatabase.execute(c, "CREATE SEQUENCE seqs.order_no START 1000 INCREMENT 10 CACHE 5");
    PgTestDatabase.execute(c, "CREATE SEQUENCE seqs.countdown INCREMENT -1 MINVALUE -50 CYCLE");
    PgTestDatabase.execute(
        c,
        "CREATE TABLE seqs.orders (id serial PRIMARY KEY, "
            + "n integer GENERATED ALWAYS AS IDENTITY, "
            + "no integer NOT NULL DEFAULT nextval('seqs.order_no'::regclass), code seqs.citext)");
    PgTestDatabase.execute(c, "CREATE SEQUENCE seqs.tagged OWNED BY seqs.orders.no");

    Schema s = PG.inspector().inspect(c, new InspectOptions(List.of("seqs"), java.util.Set.of()));

    QualifiedName orders = QualifiedName.of("seqs", "orders");
    assertThat(s.sequences())
        .containsExactly(
            new dev.retort.schema.Sequence(
                QualifiedName.of("seqs", "countdown"),
                Optional.empty(),
                -1,
                Optional.of(-50L),
                Optional.empty(),
                1,
                true,
                Optional.empty()),
            new dev.retort.schema.Sequence(
                QualifiedName.of("seqs", "order_no"),
                Optional.of(1000L),
                10,
                Optional.empty(),
                Optional.empty(),
                5,
                false,
                Optional.empty()),
            new dev.retort.schema.Sequence(
                QualifiedName.of("seqs", "tagged"),
                Optional.empty(),
                1,
                Optional.empty(),
                Optional.empty(),
                1,
                false,
                Optional.of(new dev.retort.schema.ColumnRef(orders, "no"))));
    assertThat(s.extensions())
        .containsExactly(new dev.retort.schema.Extension("citext", Optional.of("seqs")));
    Table t = s.table(orders).orElseThrow();
    assertThat(t.columns().get(0).identity()).isEqualTo(dev.retort.schema.Identity.SERIAL);
    Column no = t.columns().get(2);
    assertThat(no.identity()).isEqualTo(dev.retort.schema.Identity.NONE);
    assertThat(no.defaultValue())
        .contains(DefaultValue.expression("nextval('seqs.order_no'::regclass)"));
    PgTestDatabase.execute(c, "DROP SCHEMA seqs CASCADE");
  }
}
