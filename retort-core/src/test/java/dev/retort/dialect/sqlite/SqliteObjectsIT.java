package dev.retort.dialect.sqlite;

import static dev.retort.dialect.sqlite.SqliteRenderIT.SQLITE;
import static dev.retort.dialect.sqlite.SqliteRenderIT.connect;
import static dev.retort.dialect.sqlite.SqliteRenderIT.pragma;
import static dev.retort.dialect.sqlite.SqliteRenderIT.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.diff.DiffOptions;
import dev.retort.diff.Differ;
import dev.retort.error.UsageException;
import dev.retort.inspect.InspectOptions;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.Op;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views and triggers read from sqlite_master as they were written, diffed, applied to an empty
 * database and taken away again; and around a table rebuild, which must not fight them.
 */
@Tag("sqlite")
class SqliteObjectsIT {
  private static final String TRIGGER =
      """
      CREATE TRIGGER users_touch AFTER UPDATE OF email ON users
      BEGIN
        UPDATE users SET updated_at = 'now' WHERE id = new.id; -- keep; the time
        INSERT INTO audit (user_id, note) VALUES (new.id, 'email; changed');
      END""";

  /**
   * A trigger on another table that names users: a rebuild of users must take it out of the way.
   */
  private static final String AUDIT_CHECK =
      "CREATE TRIGGER audit_check BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'no user')"
          + " WHERE NOT EXISTS (SELECT 1 FROM users WHERE id = new.user_id); END";

  private static final String ADULT_EMAILS =
      "CREATE VIEW \"Adult Emails\" AS SELECT email FROM adults -- a trailing comment";

  private static final String ADULTS =
      "CREATE VIEW adults AS SELECT id, email FROM users WHERE age >= 18";

  /** One statement each, run as they are: SQLite keeps a view's trailing comment. */
  private static String[] schema(String emailType) {
    return new String[] {
      "CREATE TABLE users (id INTEGER PRIMARY KEY, email "
          + emailType
          + " NOT NULL, age INTEGER, updated_at TEXT)",
      "CREATE TABLE audit (id INTEGER PRIMARY KEY, user_id INTEGER, note TEXT)",
      TRIGGER,
      AUDIT_CHECK,
      ADULTS,
      ADULT_EMAILS,
      "CREATE VIEW everything AS SELECT * FROM audit"
    };
  }

  @TempDir Path dir;
  Connection d;
  Connection t;

  @BeforeEach
  void open() throws SQLException {
    d = connect(dir.resolve("desired.db"));
    t = connect(dir.resolve("target.db"));
    run(d, schema("VARCHAR(100)"));
  }

  @AfterEach
  void close() throws SQLException {
    d.close();
    t.close();
  }

  @Test
  void readsViewsAndTriggersAsWrittenWithWhatTheyName() throws SQLException {
    Map<String, SchemaObject> objects = byDescription(inspect(d).definedObjects());
    assertThat(objects.keySet())
        .containsExactlyInAnyOrder(
            "view adults",
            "view \"Adult Emails\"",
            "view everything",
            "trigger users_touch",
            "trigger audit_check");
    SchemaObject trigger = objects.get("trigger users_touch");
    assertThat(trigger.create()).containsExactly(TRIGGER);
    assertThat(trigger.drop()).containsExactly("DROP TRIGGER users_touch");
    assertThat(trigger.dependsOn())
        .contains("table:users", "column:users:email", "column:users:updated_at", "table:audit")
        .doesNotContain("column:users:age");
    assertThat(objects.get("view adults").dependsOn())
        .containsExactlyInAnyOrder(
            "table:users", "column:users:id", "column:users:email", "column:users:age");
    assertThat(objects.get("view \"Adult Emails\"").create()).containsExactly(ADULT_EMAILS);
    assertThat(objects.get("view \"Adult Emails\"").dependsOn()).containsExactly("view:adults");
    assertThat(objects.get("view everything").dependsOn()).containsExactly("table:audit");
  }

  @Test
  void anEmptyDatabaseGetsEveryObjectAndTheDowngradeTakesThemAway() throws SQLException {
    List<Op> up = diff(inspect(t), inspect(d));
    assertThat(index(up, "create table users")).isLessThan(index(up, "create view adults"));
    assertThat(index(up, "create view adults"))
        .isLessThan(index(up, "create view \"Adult Emails\""));
    assertThat(index(up, "create table audit")).isLessThan(index(up, "create trigger users_touch"));
    apply(t, up);
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    assertThat(inspect(t)).isEqualTo(inspect(d));

    apply(t, reversed(up));
    assertThat(inspect(t).definedObjects()).isEmpty();
    assertThat(inspect(t).tables()).isEmpty();
  }

  @Test
  void aColumnTypeChangeRebuildsTheTableWithItsViewsAndTriggerOutOfTheWay() throws SQLException {
    apply(t, diff(inspect(t), inspect(d)));
    run(t, "INSERT INTO users (email, age) VALUES ('a@x', 30), ('b@x', 12)");
    Connection changed = connect(dir.resolve("changed.db"));
    try {
      run(changed, schema("TEXT"));
      List<Op> change = diff(inspect(t), inspect(changed));
      int alter = indexOf(change, op -> op instanceof AlterColumn);
      assertThat(alter).isNotNegative();
      assertThat(index(change, "drop trigger users_touch")).isLessThan(alter);
      assertThat(index(change, "drop view \"Adult Emails\""))
          .isLessThan(index(change, "drop view adults"));
      assertThat(index(change, "drop view adults")).isLessThan(alter);
      assertThat(alter).isLessThan(index(change, "create view adults"));
      assertThat(index(change, "create view adults"))
          .isLessThan(index(change, "create view \"Adult Emails\""));
      assertThat(alter).isLessThan(index(change, "create trigger users_touch"));
      // a view over audit alone is not in the way; the rebuild moves a trigger on audit itself
      assertThat(change)
          .noneMatch(op -> op.describe().endsWith("view everything"))
          .noneMatch(op -> op.describe().endsWith("trigger audit_check"));

      apply(t, change);
      assertThat(diff(inspect(t), inspect(changed))).isEmpty();
      assertThat(pragma(t, "SELECT email FROM \"Adult Emails\"")).containsExactly("a@x");
      run(t, "UPDATE users SET email = 'c@x' WHERE id = 2");
      assertThat(pragma(t, "SELECT note FROM audit")).containsExactly("email; changed");

      apply(t, reversed(change));
      assertThat(diff(inspect(t), inspect(d))).isEmpty();
      assertThat(pragma(t, "SELECT type FROM pragma_table_info('users') WHERE name = 'email'"))
          .containsExactly("VARCHAR(100)");
    } finally {
      changed.close();
    }
  }

  @Test
  void aRebuildForAnotherChangeRecreatesTheObjectsItselfAndTheyStayAsTheyWere()
      throws SQLException {
    apply(t, diff(inspect(t), inspect(d)));
    // NOT NULL on age: a rebuild, but no column any object depends on changes its type
    run(
        d,
        "DROP VIEW \"Adult Emails\"",
        "DROP VIEW adults",
        "DROP TABLE users",
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL,"
            + " age INTEGER NOT NULL DEFAULT 0, updated_at TEXT)",
        TRIGGER,
        ADULTS,
        ADULT_EMAILS);
    List<Op> change = diff(inspect(t), inspect(d));
    assertThat(change).singleElement().isInstanceOf(AlterColumn.class);
    apply(t, change);
    assertThat(inspect(t)).isEqualTo(inspect(d));
  }

  @Test
  void aSourceThatDoesNotSayKeepsTheDatabasesObjects() throws SQLException {
    apply(t, diff(inspect(t), inspect(d)));
    List<Op> change = diff(inspect(t), new Schema(inspect(d).tables()));
    assertThat(change).isEmpty();
  }

  @Test
  void aScratchCopyCompilesEachViewAndTriggerAsItIsCreated() {
    assertThatThrownBy(
            () ->
                scratch(
                    "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)",
                    "CREATE VIEW v AS SELECT nope FROM users",
                    "CREATE TABLE later (id INTEGER)"))
        .isInstanceOf(SQLException.class)
        .hasMessage("view v does not compile: no such column: nope");
    assertThatThrownBy(
            () ->
                scratch(
                    "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)",
                    "CREATE TRIGGER t AFTER INSERT ON users BEGIN"
                        + " UPDATE users SET nope = 1 WHERE id = new.id; END"))
        .isInstanceOf(SQLException.class)
        .hasMessage("trigger t does not compile: no such column: nope");
    assertThatThrownBy(() -> scratch("CREATE VIEW v AS SELECT id FROM never"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "the desired schema does not apply: view v does not compile: no such table: main.never");
  }

  @Test
  void aScratchCopyReachesNoOtherFile() throws SQLException {
    Path live = dir.resolve("live.db");
    try (Connection c = connect(live)) {
      run(c, "CREATE TABLE users (id INTEGER PRIMARY KEY)", "INSERT INTO users VALUES (1)");
    }
    String attach = "ATTACH DATABASE '" + live.toString().replace("'", "''") + "' AS live";
    assertThatThrownBy(() -> scratch(attach, "DROP TABLE live.users"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("ATTACH");
    Path copy = dir.resolve("copy.db");
    assertThatThrownBy(
            () ->
                scratch(
                    "CREATE TABLE a (id INTEGER)",
                    "/* keep */ VACUUM INTO '" + copy.toString().replace("'", "''") + "'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("VACUUM INTO");
    assertThat(copy).doesNotExist();
    try (Connection c = connect(live);
        Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM users")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void aScratchCopyLetsAViewComeBeforeItsTableAndUseTheApplicationsFunctions() throws SQLException {
    Schema s =
        scratch(
            "CREATE VIEW v AS SELECT id, app_hash(email) AS h FROM users",
            "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)");
    assertThat(s.definedObjects()).extracting(SchemaObject::describe).containsExactly("view v");
  }

  @Test
  void anIndexKeyWithItsOwnCollationKeepsIt() throws SQLException {
    run(
        d,
        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE, email TEXT)",
        "CREATE INDEX people_email ON people (email COLLATE nocase)",
        "CREATE UNIQUE INDEX people_name ON people (name COLLATE RTRIM DESC)",
        "CREATE INDEX people_name_plain ON people (name)");
    Table people = inspect(d).table(QualifiedName.of("people")).orElseThrow();
    Map<String, List<IndexPart>> keys =
        people.indexes().stream().collect(Collectors.toMap(Index::name, Index::parts));
    assertThat(keys.get("people_email"))
        .containsExactly(IndexPart.expression("email COLLATE NOCASE"));
    assertThat(keys.get("people_name"))
        .containsExactly(IndexPart.expression("name COLLATE RTRIM").desc());
    // the column's own collation is no collation of the key's
    assertThat(keys.get("people_name_plain")).containsExactly(IndexPart.column("name"));

    apply(t, diff(inspect(t), inspect(d)));
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    try (Statement st = t.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT x.cid, x.coll FROM pragma_index_xinfo('people_email') x WHERE x.key = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).as("a column key, not an expression").isEqualTo(2);
      assertThat(rs.getString(2)).isEqualTo("NOCASE");
    }
    run(t, "INSERT INTO people (name) VALUES ('Ann')");
    assertThatThrownBy(() -> run(t, "INSERT INTO people (name) VALUES ('Ann  ')"))
        .hasMessageContaining("UNIQUE");
  }

  private static Schema scratch(String... statements) throws SQLException {
    return SQLITE.inspectScratch(null, c -> run(c, statements));
  }

  private static Schema inspect(Connection c) throws SQLException {
    return SQLITE.inspector().inspect(c, InspectOptions.excluding());
  }

  private static List<Op> diff(Schema from, Schema to) {
    return new Differ().diff(from, to, DiffOptions.defaults(), SQLITE.normalizer()).ops();
  }

  private static void apply(Connection c, List<Op> ops) throws SQLException {
    for (Op op : ops) {
      step(c, op);
    }
  }

  private static List<Op> reversed(List<Op> ops) {
    List<Op> down = new ArrayList<>();
    for (int i = ops.size() - 1; i >= 0; i--) {
      down.add(ops.get(i).reverse());
    }
    return down;
  }

  private static void run(Connection c, String... statements) throws SQLException {
    for (String sql : statements) {
      try (Statement st = c.createStatement()) {
        st.execute(sql);
      }
    }
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
