package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL a transactional step's statements go to the server as one batch with its version
 * and history rows. What must not change: data code sees every statement before it, statements that
 * return rows or bind parameters still run, and a failure names its statement exactly.
 */
class BatchedStepIT {
  @TempDir Path dir;

  @Test
  void dataCodeAndRowReturningStatementsSeeTheStatementsBeforeThem() throws Exception {
    Databases.requirePostgres();
    try (Databases.Pg pg = new Databases.Pg()) {
      Project p = new Project(dir.resolve("proj"), pg.url());
      p.sql(
          "a1",
          "",
          """
          CREATE TABLE t (id integer PRIMARY KEY, n integer);
          INSERT INTO t VALUES (1, 10);
          CREATE TABLE s (id serial PRIMARY KEY);
          SELECT setval(pg_get_serial_sequence('s', 'id'), (SELECT max(n) FROM t));
          INSERT INTO t SELECT id + 1, n + 1 FROM t RETURNING id;""",
          "DROP TABLE s, t;");
      Files.writeString(
          p.dir.resolve("migrations/a2_java.java"),
          """
          import dev.retort.migration.Migration;
          import dev.retort.migration.Revision;
          import dev.retort.ops.Operations;

          @Revision(id = "a2", revises = "a1", message = "data code between statements")
          final class DataCode implements Migration {
            public void upgrade(Operations op) throws Exception {
              op.execute("CREATE TABLE u (id integer)");
              op.execute("INSERT INTO u VALUES (1)");
              try (var st = op.connection().createStatement()) {
                st.execute("INSERT INTO u SELECT count(*) + 1 FROM u");
              }
              op.execute("INSERT INTO u VALUES (?)", 3);
              op.execute("INSERT INTO u SELECT max(id) + 1 FROM u");
            }

            public void downgrade(Operations op) {
              op.execute("DROP TABLE u");
            }
          }
          """);
      Cli.Result r = p.run("upgrade", "head");
      assertThat(r.exit()).as(r.toString()).isZero();
      try (Connection c = pg.connect()) {
        assertThat(Databases.query(c, "SELECT id || ':' || n FROM t ORDER BY id"))
            .containsExactly("1:10", "2:11");
        assertThat(Databases.query(c, "SELECT last_value FROM s_id_seq")).containsExactly("10");
        assertThat(Databases.query(c, "SELECT id FROM u ORDER BY id"))
            .containsExactly("1", "2", "3", "4");
        assertThat(Databases.query(c, "SELECT version_num FROM retort_version"))
            .containsExactly("a2");
        assertThat(
                Databases.query(
                    c, "SELECT revision || '|' || success FROM retort_history ORDER BY id"))
            .containsExactly("a1|true", "a2|true");
      }
    }
  }

  @Test
  void aFailureInTheMiddleOfABatchNamesItsStatementAndLeavesOneFailureRow() throws Exception {
    Databases.requirePostgres();
    try (Databases.Pg pg = new Databases.Pg()) {
      Project p = new Project(dir.resolve("proj"), pg.url());
      p.sql("a1", "", "CREATE TABLE t1 (id integer);", "DROP TABLE t1;");
      Path a2 =
          p.sql(
              "a2",
              "a1",
              """
          CREATE TABLE t2 (id integer UNIQUE);
          INSERT INTO t2 VALUES (1);
          INSERT INTO t2 VALUES (1);
          CREATE TABLE t3 (id integer);""",
              "DROP TABLE t3, t2;");
      Cli.Result r = p.run("upgrade", "head");
      assertThat(r.exit()).as(r.toString()).isEqualTo(3);
      assertThat(r.err())
          .contains("upgrade a1 -> a2")
          .contains(a2 + ":7")
          .contains("statement: INSERT INTO t2 VALUES (1)")
          .contains("duplicate key value")
          .doesNotContain("CREATE TABLE t3")
          .doesNotContain("Batch entry")
          .contains("rolled back")
          .contains("stays at a1");
      try (Connection c = pg.connect()) {
        assertThat(Databases.query(c, "SELECT version_num FROM retort_version"))
            .containsExactly("a1");
        assertThat(Databases.query(c, "SELECT to_regclass('t2') IS NULL")).containsExactly("true");
        assertThat(
                Databases.query(
                    c, "SELECT revision || '|' || success FROM retort_history ORDER BY id"))
            .containsExactly("a1|true", "a2|false");
      }
    }
  }

  /**
   * The batch ends with the step's COMMIT. A deferred constraint fails at that COMMIT, after every
   * statement ran: the step must still fail as a whole, with the constraint named, and the steps
   * before it stay committed.
   */
  @Test
  void aFailureAtTheBatchedCommitFailsTheStepAndKeepsTheStepsBefore() throws Exception {
    Databases.requirePostgres();
    try (Databases.Pg pg = new Databases.Pg()) {
      Project p = new Project(dir.resolve("proj"), pg.url());
      p.sql("c1", "", "CREATE TABLE parent (id integer PRIMARY KEY);", "DROP TABLE parent;");
      p.sql(
          "c2",
          "c1",
          """
          CREATE TABLE child (id integer, parent_id integer
            REFERENCES parent DEFERRABLE INITIALLY DEFERRED);
          INSERT INTO child VALUES (1, 42);""",
          "DROP TABLE child;");
      Cli.Result r = p.run("upgrade", "head");
      assertThat(r.exit()).as(r.toString()).isEqualTo(3);
      assertThat(r.err())
          .contains("upgrade c1 -> c2")
          .contains("child_parent_id_fkey")
          .contains("stays at c1");
      try (Connection c = pg.connect()) {
        assertThat(Databases.query(c, "SELECT version_num FROM retort_version"))
            .containsExactly("c1");
        assertThat(
                Databases.query(
                    c, "SELECT to_regclass('parent') IS NOT NULL, to_regclass('child') IS NULL"))
            .containsExactly("true|true");
        assertThat(
                Databases.query(
                    c, "SELECT revision || '|' || success FROM retort_history ORDER BY id"))
            .containsExactly("c1|true", "c2|false");
      }
      // after the fix the same command completes, and the connection ended with no open transaction
      p.sql(
          "c2",
          "c1",
          """
          CREATE TABLE child (id integer, parent_id integer
            REFERENCES parent DEFERRABLE INITIALLY DEFERRED);
          INSERT INTO parent VALUES (42);
          INSERT INTO child VALUES (1, 42);""",
          "DROP TABLE child;");
      Cli.Result fixed = p.run("upgrade", "head");
      assertThat(fixed.exit()).as(fixed.toString()).isZero();
      try (Connection c = pg.connect()) {
        assertThat(Databases.query(c, "SELECT version_num FROM retort_version"))
            .containsExactly("c2");
        assertThat(Databases.query(c, "SELECT count(*) FROM child")).containsExactly("1");
      }
    }
  }

  /** A batched step's statements run after its history row is rendered: the server times them. */
  @Test
  void theHistoryRowOfABatchedStepHoldsHowLongItsStatementsTook() throws Exception {
    Databases.requirePostgres();
    try (Databases.Pg pg = new Databases.Pg()) {
      Project p = slowThenQuick(pg);
      Cli.Result r = p.run("upgrade", "head");
      assertThat(r.exit()).as(r.toString()).isZero();
      try (Connection c = pg.connect()) {
        assertTheSlowStepTookItsPause(c);
      }
    }
  }

  /** An offline script's history rows are timed by the server too, for steps in a transaction. */
  @Test
  void anOfflineScriptRecordsHowLongEachStepTook() throws Exception {
    Databases.requirePostgres();
    try (Databases.Pg pg = new Databases.Pg()) {
      Project p = slowThenQuick(pg);
      Cli.Result script = p.run("upgrade", "--sql", "head");
      assertThat(script.exit()).as(script.toString()).isZero();
      try (Connection c = pg.connect();
          var s = c.createStatement()) {
        s.execute(script.out());
        assertTheSlowStepTookItsPause(c);
      }
    }
  }

  /** Two migrations: d1 pauses 0.4 s between its statements, d2 does not. */
  private Project slowThenQuick(Databases.Pg pg) throws Exception {
    Project p = new Project(dir.resolve("proj"), pg.url());
    p.sql(
        "d1",
        "",
        """
        CREATE TABLE slow (id integer);
        DO $$ BEGIN PERFORM pg_sleep(0.4); END $$;
        INSERT INTO slow VALUES (1);""",
        "DROP TABLE slow;");
    p.sql("d2", "d1", "CREATE TABLE quick (id integer);", "DROP TABLE quick;");
    return p;
  }

  private static void assertTheSlowStepTookItsPause(Connection c) throws Exception {
    List<String> ms = Databases.query(c, "SELECT duration_ms FROM retort_history ORDER BY id");
    assertThat(Long.parseLong(ms.get(0))).isBetween(400L, 30_000L);
    assertThat(Long.parseLong(ms.get(1))).isLessThan(400L);
  }

  /** A failed batch is run again statement by statement, so only SQL files are batched. */
  @Test
  void aFailingJavaMigrationRunsItsCodeOnce() throws Exception {
    Databases.requirePostgres();
    try (Databases.Pg pg = new Databases.Pg()) {
      Project p = new Project(dir.resolve("proj"), pg.url());
      Path marker = dir.resolve("ran.txt");
      Files.writeString(
          p.dir.resolve("migrations/b1_java.java"),
          """
          import dev.retort.migration.Migration;
          import dev.retort.migration.Revision;
          import dev.retort.ops.Operations;
          import java.nio.file.Files;
          import java.nio.file.Path;
          import java.nio.file.StandardOpenOption;

          @Revision(id = "b1", message = "writes outside the database, then fails")
          final class Fails implements Migration {
            public void upgrade(Operations op) throws Exception {
              op.connection(); // past the dry run, which stops here
              Files.writeString(Path.of("%s"), "ran\\n", StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND);
              op.execute("CREATE TABLE v (id integer UNIQUE)");
              op.execute("INSERT INTO v VALUES (1)");
              op.execute("INSERT INTO v VALUES (1)");
            }

            public void downgrade(Operations op) {
              op.execute("DROP TABLE v");
            }
          }
          """
              .formatted(marker.toString().replace("\\", "/")));
      Cli.Result r = p.run("upgrade", "head");
      assertThat(r.exit()).as(r.toString()).isEqualTo(3);
      assertThat(r.err()).contains("duplicate key");
      assertThat(Files.readAllLines(marker)).containsExactly("ran");
    }
  }
}
