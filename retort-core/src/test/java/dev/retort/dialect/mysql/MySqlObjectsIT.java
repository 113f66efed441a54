package dev.retort.dialect.mysql;

import static dev.retort.dialect.mysql.MySqlTestDatabase.execute;
import static dev.retort.dialect.mysql.MySqlTestDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Sql;
import dev.retort.diff.DiffOptions;
import dev.retort.diff.Differ;
import dev.retort.inspect.InspectOptions;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.Op;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaObject;
import dev.retort.script.SqlSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Views, triggers, stored functions and procedures read from information_schema, diffed, applied to
 * an empty database and taken away again; and a scratch copy in another database reads the same.
 */
@Tag("mysql")
class MySqlObjectsIT {
  private static final MySqlDialect MY = new MySqlDialect();

  /** schema.sql as a user writes it: no DELIMITER, bodies with semicolons, a DEFINER. */
  private static final String SCHEMA =
      """
      CREATE TABLE users (id integer PRIMARY KEY, email varchar(100) NOT NULL, age integer,
        updated_at datetime);
      CREATE TABLE audit (id integer AUTO_INCREMENT PRIMARY KEY, user_id integer, note text);
      CREATE FUNCTION add_one(x integer) RETURNS integer DETERMINISTIC
        COMMENT 'adds; one, it''s a \\\\ sure thing' RETURN x + 1;
      CREATE DEFINER=CURRENT_USER PROCEDURE log_note(IN uid integer, OUT n integer)
        MODIFIES SQL DATA SQL SECURITY INVOKER
      BEGIN
        -- a comment; with a semicolon
        IF uid IS NOT NULL THEN
          INSERT INTO audit (user_id, note) VALUES (uid, 'noted; once');
        END IF;
        SELECT count(*) INTO n FROM audit;
      END;
      CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW SET NEW.updated_at = now();
      CREATE TRIGGER users_log AFTER UPDATE ON users FOR EACH ROW
      BEGIN
        CALL log_note(NEW.id, @n);
      END;
      CREATE TRIGGER users_first BEFORE UPDATE ON users FOR EACH ROW PRECEDES users_touch
        SET NEW.age = add_one(NEW.age) - 1;
      CREATE ALGORITHM=MERGE DEFINER=CURRENT_USER SQL SECURITY INVOKER VIEW adults AS
        SELECT id, email FROM users WHERE age >= 18 AND email <> 'x;y' WITH CHECK OPTION;
      CREATE VIEW adult_emails AS SELECT email, add_one(id) AS n FROM adults;
      """;

  private MySqlTestDatabase desired;
  private MySqlTestDatabase target;
  Connection d;
  Connection t;

  @BeforeEach
  void databases() throws SQLException {
    desired = MySqlTestDatabase.create();
    target = MySqlTestDatabase.create();
    d = desired.connect();
    t = target.connect();
    run(d, SCHEMA);
  }

  @AfterEach
  void drop() throws SQLException {
    d.close();
    t.close();
    desired.close();
    target.close();
  }

  @Test
  void readsEveryKindWithoutTheDefinerOrTheDatabasesName() throws SQLException {
    Map<String, SchemaObject> objects = byDescription(inspect(d).definedObjects());
    assertThat(objects.keySet())
        .containsExactlyInAnyOrder(
            "function add_one",
            "procedure log_note",
            "trigger users_first",
            "trigger users_touch",
            "trigger users_log",
            "view adults",
            "view adult_emails");
    SchemaObject adults = objects.get("view adults");
    assertThat(adults.create())
        .containsExactly(
            "CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW adults AS select `users`.`id` AS"
                + " `id`,`users`.`email` AS `email` from `users` where `users`.`age` >= 18 and"
                + " `users`.`email` <> 'x;y' WITH CASCADED CHECK OPTION");
    assertThat(adults.dependsOn())
        .containsExactlyInAnyOrder(
            "table:users", "column:users:id", "column:users:email", "column:users:age");
    assertThat(objects.get("view adult_emails").dependsOn())
        .contains("view:adults", "function:add_one");
    assertThat(objects.get("view adult_emails").create().get(0))
        .doesNotContain(desired.name)
        .doesNotContain("DEFINER");
    assertThat(objects.get("trigger users_first").create())
        .containsExactly(
            "CREATE TRIGGER users_first BEFORE UPDATE ON users FOR EACH ROW"
                + " SET NEW.age = add_one(NEW.age) - 1");
    assertThat(objects.get("trigger users_touch").create().get(0))
        .startsWith(
            "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW FOLLOWS users_first SET");
    assertThat(objects.get("trigger users_touch").dependsOn())
        .containsExactlyInAnyOrder("table:users", "trigger:users_first");
    assertThat(objects.get("function add_one").create().get(0))
        .startsWith("CREATE FUNCTION add_one(x int")
        .contains(" DETERMINISTIC COMMENT 'adds; one, it''s a \\\\ sure thing'\nRETURN x + 1");
    SchemaObject logNote = objects.get("procedure log_note");
    assertThat(logNote.create().get(0))
        .startsWith("CREATE PROCEDURE log_note(IN uid int")
        .contains(", OUT n int")
        .contains(") MODIFIES SQL DATA SQL SECURITY INVOKER\nBEGIN\n  -- a comment; with a")
        .doesNotContain("DEFINER");
    assertThat(logNote.drop()).containsExactly("DROP PROCEDURE log_note");
  }

  @Test
  void anEmptyDatabaseGetsEveryObjectAndTheDowngradeTakesThemAway() throws SQLException {
    List<Op> up = diff(inspect(t), inspect(d));
    assertThat(index(up, "create function add_one")).isLessThan(index(up, "create table users"));
    assertThat(index(up, "create table users")).isLessThan(index(up, "create view adults"));
    assertThat(index(up, "create view adults")).isLessThan(index(up, "create view adult_emails"));
    assertThat(index(up, "create trigger users_first"))
        .isLessThan(index(up, "create trigger users_touch"));
    apply(t, up);
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    assertThat(inspect(t)).isEqualTo(inspect(d));
    execute(t, "INSERT INTO users (id, email, age) VALUES (1, 'a@x', 30)");
    execute(t, "UPDATE users SET email = 'b@x' WHERE id = 1");
    assertThat(rows(t, "SELECT user_id, note FROM audit")).containsExactly("1|noted; once");
    assertThat(rows(t, "SELECT email, n FROM adult_emails")).containsExactly("b@x|2");
    assertThat(
            rows(
                t,
                "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA = DATABASE() AND ACTION_TIMING = 'BEFORE'"
                    + " ORDER BY ACTION_ORDER"))
        .containsExactly("users_first", "users_touch");

    apply(t, reversed(up));
    assertThat(inspect(t).definedObjects()).isEmpty();
    assertThat(inspect(t).tables()).isEmpty();
  }

  @Test
  void aColumnChangeMovesTheViewsOverItAndLeavesTheTriggers() throws SQLException {
    apply(t, diff(inspect(t), inspect(d)));
    execute(d, "ALTER TABLE users MODIFY email varchar(200) NOT NULL");
    List<Op> change = diff(inspect(t), inspect(d));
    int alter = indexOf(change, op -> op instanceof AlterColumn);
    assertThat(alter).isNotNegative();
    assertThat(index(change, "drop view adult_emails"))
        .isLessThan(index(change, "drop view adults"));
    assertThat(index(change, "drop view adults")).isLessThan(alter);
    assertThat(alter).isLessThan(index(change, "create view adults"));
    assertThat(change).noneMatch(op -> op.describe().contains("trigger"));
    apply(t, change);
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    apply(t, reversed(change));
    assertThat(
            rows(
                t,
                "SELECT COLUMN_TYPE FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'email' AND TABLE_NAME = 'users'"))
        .containsExactly("varchar(100)");
  }

  @Test
  void aScratchCopyInAnotherDatabaseReadsTheSame() throws SQLException {
    Schema scratch = MY.inspectScratch(t, c -> run(c, SCHEMA));
    assertThat(scratch.definedObjects()).isEqualTo(inspect(d).definedObjects());
    assertThat(diff(inspect(d), scratch)).isEmpty();
  }

  @Test
  void eventsAreReportedAsNotModelled() throws SQLException {
    execute(d, "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM audit");
    assertThat(inspect(d).unmodelled()).containsExactly("event nightly");
  }

  private static void run(Connection c, String script) throws SQLException {
    for (String s : SqlSplitter.split(script)) {
      execute(c, s);
    }
  }

  private static Schema inspect(Connection c) throws SQLException {
    return MY.inspector().inspect(c, InspectOptions.excluding());
  }

  private static List<Op> diff(Schema from, Schema to) {
    return new Differ().diff(from, to, DiffOptions.defaults(), MY.normalizer()).ops();
  }

  private static void apply(Connection c, List<Op> ops) throws SQLException {
    for (Op op : ops) {
      for (Sql sql : MY.renderer(MY.catalog(c)).render(op)) {
        execute(c, sql.text());
      }
    }
  }

  private static List<Op> reversed(List<Op> ops) {
    List<Op> down = new ArrayList<>();
    for (int i = ops.size() - 1; i >= 0; i--) {
      down.add(ops.get(i).reverse());
    }
    return down;
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
