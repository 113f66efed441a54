package dev.retort.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.AlterColumn;
import dev.retort.ops.CreateObject;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropObject;
import dev.retort.ops.Op;
import dev.retort.ops.ReplaceObject;
import dev.retort.schema.SchemaObject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Functions, triggers, views and the rest, read from the catalog, diffed, applied to an empty
 * database and taken away again, each exactly as the database defines it.
 */
class PostgresObjectsIT extends PgRoundTrip {
  private static final String SCHEMA =
      """
      CREATE TYPE pair AS (a integer, b text COLLATE "C");
      CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
      CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE
        AS $$ SELECT x + 1 $$;
      COMMENT ON FUNCTION add_one(integer) IS 'adds one; 100% sure';
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := now(); -- a comment; with a semicolon
        RETURN NEW;
      END $$;
      CREATE PROCEDURE noop(n integer) LANGUAGE plpgsql AS $$ BEGIN PERFORM n; END $$;
      CREATE FUNCTION int_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE
        AS 'SELECT $1 = $2';
      CREATE OPERATOR === (FUNCTION = int_eq, LEFTARG = integer, RIGHTARG = integer,
        COMMUTATOR = ===);
      CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
      CREATE TABLE users (
        id integer PRIMARY KEY,
        email text NOT NULL,
        age integer DEFAULT add_one(17),
        bio text,
        updated_at timestamptz,
        CONSTRAINT ck_age CHECK (age > 0));
      COMMENT ON CONSTRAINT ck_age ON users IS 'no one is born old';
      CREATE INDEX ix_users_email ON users (email);
      COMMENT ON INDEX ix_users_email IS 'look-ups by e-mail';
      ALTER TABLE users ALTER COLUMN bio SET STORAGE EXTERNAL;
      ALTER TABLE users ALTER COLUMN email SET STATISTICS 500;
      CREATE TRIGGER trg_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
      CREATE TRIGGER trg_quiet AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch();
      ALTER TABLE users DISABLE TRIGGER trg_quiet;
      CREATE VIEW adults WITH (security_barrier = true) AS
        SELECT id, email, age FROM users WHERE age >= 18;
      COMMENT ON VIEW adults IS 'grown-ups';
      COMMENT ON COLUMN adults.email IS 'where to write';
      CREATE VIEW adult_emails AS SELECT email FROM adults;
      CREATE MATERIALIZED VIEW ages AS SELECT age, count(*) AS n FROM users GROUP BY age;
      CREATE UNIQUE INDEX ux_ages ON ages (age);
      CREATE RULE no_delete AS ON DELETE TO users DO INSTEAD NOTHING;
      ALTER TABLE users ENABLE ROW LEVEL SECURITY;
      CREATE POLICY own_rows ON users FOR SELECT TO PUBLIC USING (email = current_user);
      """;

  @Override
  String schemaSql() {
    return SCHEMA;
  }

  @Test
  void readsEveryKindAsTheDatabaseDefinesIt() throws SQLException {
    Map<String, SchemaObject> objects = byDescription(inspect(d).definedObjects());
    assertThat(objects.keySet())
        .containsExactlyInAnyOrder(
            "type pair",
            "type floatrange",
            "function add_one(integer)",
            "function touch()",
            "procedure noop(integer)",
            "function int_eq(integer, integer)",
            "operator === (integer, integer)",
            "aggregate total(integer)",
            "comment CONSTRAINT ck_age ON users",
            "comment INDEX ix_users_email",
            "column storage users.bio",
            "column statistics users.email",
            "trigger trg_touch ON users",
            "trigger trg_quiet ON users",
            "view adults",
            "view adult_emails",
            "materialized view ages",
            "rule no_delete ON users",
            "row level security users",
            "policy own_rows ON users");
    SchemaObject addOne = objects.get("function add_one(integer)");
    assertThat(addOne.create().get(0)).startsWith("CREATE OR REPLACE FUNCTION add_one(x integer)");
    assertThat(addOne.create())
        .contains("COMMENT ON FUNCTION add_one(integer) IS 'adds one; 100% sure'");
    assertThat(addOne.drop()).containsExactly("DROP FUNCTION add_one(integer)");
    assertThat(objects.get("trigger trg_quiet ON users").create())
        .contains("ALTER TABLE users DISABLE TRIGGER trg_quiet");
    assertThat(objects.get("view adult_emails").dependsOn()).contains("view:adults");
    assertThat(objects.get("view adults").dependsOn())
        .contains("column:users:email", "column:users:age");
    assertThat(objects.get("trigger trg_touch ON users").dependsOn()).contains("function:touch()");
    assertThat(objects.get("materialized view ages").create())
        .anyMatch(s -> s.startsWith("CREATE UNIQUE INDEX ux_ages ON ages "));
    assertThat(objects.get("column storage users.bio").drop())
        .containsExactly("ALTER TABLE users ALTER COLUMN bio SET STORAGE EXTENDED");
  }

  @Test
  void anEmptyDatabaseGetsEveryObjectAndTheDowngradeTakesThemAway() throws SQLException {
    List<Op> up = diff(inspect(t), inspect(d));
    // what the table's default calls comes before the table; what hangs on it after
    assertThat(index(up, "create function add_one(integer)"))
        .isLessThan(index(up, "create table users"));
    assertThat(index(up, "create table users")).isLessThan(index(up, "create view adults"));
    assertThat(index(up, "create view adults")).isLessThan(index(up, "create view adult_emails"));
    apply(t, up);
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    assertThat(inspect(t)).isEqualTo(inspect(d));

    apply(t, reversed(up));
    assertThat(inspect(t).definedObjects()).isEmpty();
    assertThat(inspect(t).tables()).isEmpty();
  }

  /**
   * A SQL function's body is checked against the tables it reads, and a PL/pgSQL one's {@code
   * %TYPE} declarations against theirs, when the function is created, yet neither is recorded as a
   * dependency; both come before the tables (as functions do), in one transaction, as a migration
   * runs them (kea and davical, acceptance run).
   */
  @Test
  void functionsThatReadTablesCreatedLaterInTheSameMigrationAreCreated() throws SQLException {
    PgTestDatabase.execute(
        d,
        "CREATE FUNCTION user_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM users $$;"
            + " CREATE FUNCTION first_email() RETURNS text LANGUAGE plpgsql AS $$"
            + " DECLARE e users.email%TYPE; BEGIN SELECT email INTO e FROM users LIMIT 1;"
            + " RETURN e; END $$");
    List<Op> up = diff(inspect(t), inspect(d));
    assertThat(index(up, "create function user_count()"))
        .isLessThan(index(up, "create table users"));
    t.setAutoCommit(false);
    try {
      apply(t, up);
      t.commit();
    } finally {
      t.setAutoCommit(true);
    }
    assertThat(inspect(t)).isEqualTo(inspect(d));
  }

  /**
   * PostgreSQL knows a function by its name and argument types: renaming an argument is the same
   * function, which CREATE OR REPLACE refuses to change ("cannot change name of input parameter"),
   * so it is dropped and created again, in one place (Kea 7.0 to 8.0, acceptance run).
   */
  @Test
  void aFunctionWhoseArgumentIsRenamedIsDroppedAndCreatedAgain() throws SQLException {
    PgTestDatabase.execute(
        d, "CREATE FUNCTION twice(n integer) RETURNS integer LANGUAGE sql AS $$ SELECT 2 * n $$");
    apply(t, diff(inspect(t), inspect(d)));
    PgTestDatabase.execute(
        d,
        "DROP FUNCTION twice(integer);"
            + " CREATE FUNCTION twice(m integer) RETURNS integer LANGUAGE sql AS $$ SELECT 2 * m $$");
    List<Op> change = diff(inspect(t), inspect(d));
    assertThat(change)
        .extracting(Op::describe)
        .containsExactly("drop function twice(integer)", "create function twice(integer)");
    apply(t, change);
    assertThat(inspect(t)).isEqualTo(inspect(d));
    apply(t, reversed(change));
    assertThat(byDescription(inspect(t).definedObjects()).get("function twice(integer)").create())
        .anyMatch(s -> s.contains("twice(n integer)"));
  }

  @Test
  void aFunctionIsReplacedInPlaceAndItsOldBodyComesBackOnTheWayDown() throws SQLException {
    apply(t, diff(inspect(t), inspect(d)));
    PgTestDatabase.execute(
        d,
        "CREATE OR REPLACE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE"
            + " AS $$ SELECT x + 2 $$");
    List<Op> change = diff(inspect(t), inspect(d));
    assertThat(change).hasSize(1).first().isInstanceOf(ReplaceObject.class);
    apply(t, change);
    assertThat(inspect(t)).isEqualTo(inspect(d));
    apply(t, reversed(change));
    assertThat(
            byDescription(inspect(t).definedObjects())
                .get("function add_one(integer)")
                .create()
                .get(0))
        .contains("SELECT x + 1");
  }

  @Test
  void aColumnTypeChangeTakesTheViewsOverItAwayAndBack() throws SQLException {
    // a view over a view over the column, and a policy on it: PostgreSQL refuses the type change
    // while they exist
    apply(t, diff(inspect(t), inspect(d)));
    PgTestDatabase.execute(
        d,
        "DROP VIEW adult_emails; DROP VIEW adults; DROP POLICY own_rows ON users;"
            + " ALTER TABLE users ALTER COLUMN email TYPE varchar(200);"
            + " CREATE POLICY own_rows ON users FOR SELECT TO PUBLIC USING (email = current_user);"
            + " CREATE VIEW adults WITH (security_barrier = true) AS"
            + "   SELECT id, email, age FROM users WHERE age >= 18;"
            + " COMMENT ON VIEW adults IS 'grown-ups';"
            + " COMMENT ON COLUMN adults.email IS 'where to write';"
            + " CREATE VIEW adult_emails AS SELECT email FROM adults;");
    List<Op> change = diff(inspect(t), inspect(d));
    int alter = indexOf(change, op -> op instanceof AlterColumn);
    assertThat(index(change, "drop view adult_emails"))
        .isLessThan(index(change, "drop view adults"));
    assertThat(index(change, "drop view adults")).isLessThan(alter);
    assertThat(alter).isLessThan(index(change, "create view adults"));
    assertThat(index(change, "create view adults"))
        .isLessThan(index(change, "create view adult_emails"));
    assertThat(index(change, "drop policy own_rows ON users")).isLessThan(alter);
    assertThat(alter).isLessThan(index(change, "create policy own_rows ON users"));
    apply(t, change);
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    apply(t, reversed(change));
    assertThat(inspect(t).tables().get(0).column("email").orElseThrow().type().toString())
        .isEqualTo("text");
  }

  @Test
  void aSourceThatDoesNotSayKeepsTheDatabasesObjects() throws SQLException {
    apply(t, diff(inspect(t), inspect(d)));
    var tablesOnly =
        new dev.retort.schema.Schema(
            inspect(d).tables(), List.of(), List.of(), List.of(), List.of(), List.of());
    List<Op> change = diff(inspect(t), tablesOnly);
    assertThat(change)
        .noneMatch(op -> op instanceof DropObject || op instanceof CreateObject)
        .noneMatch(op -> op instanceof CreateTable);
  }

  private static Map<String, SchemaObject> byDescription(List<SchemaObject> objects) {
    return objects.stream().collect(Collectors.toMap(SchemaObject::describe, Function.identity()));
  }

  private static int index(List<Op> ops, String description) {
    int i = indexOf(ops, op -> op.describe().equals(description));
    assertThat(i)
        .as(description + " in " + ops.stream().map(Op::describe).toList())
        .isNotNegative();
    return i;
  }

  private static int indexOf(List<Op> ops, java.util.function.Predicate<Op> which) {
    for (int i = 0; i < ops.size(); i++) {
      if (which.test(ops.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
