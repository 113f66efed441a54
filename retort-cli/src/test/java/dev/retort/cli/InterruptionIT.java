package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever cuts a run off, {@code current} tells the truth afterwards: a step inside a transaction
 * leaves nothing, and a step outside one leaves its revision dirty at the statement that was
 * running, from which a rerun resumes.
 */
class InterruptionIT {
  @TempDir Path dir;
  private final Databases.Fresh dbs = new Databases.Fresh();
  private String url;

  @AfterEach
  void drop() throws SQLException {
    dbs.close();
  }

  private Project project(String kind) throws Exception {
    url = dbs.url(kind, "jdbc:sqlite:" + dir.resolve("app.db"));
    return new Project(dir.resolve("p"), url);
  }

  /** Each history row's outcome and the statement it names, in order. */
  private static final String OUTCOMES =
      "SELECT CASE WHEN success THEN 'ok' ELSE 'failed' END,"
          + " failed_statement FROM retort_history ORDER BY id";

  private List<String> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return Databases.query(c, sql);
    }
  }

  private boolean tableExists(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        var rs = c.getMetaData().getTables(c.getCatalog(), null, name, new String[] {"TABLE"})) {
      return rs.next();
    }
  }

  /** Waits until {@code table} exists, so that the run is inside the step. */
  private void awaitTable(String table, Process p, Path log) throws Exception {
    for (int i = 0; i < 300; i++) {
      if (tableExists(table)) {
        return;
      }
      if (!p.isAlive()) {
        throw new AssertionError("retort ended early:\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("table " + table + " never appeared:\n" + Files.readString(log));
  }

  @Test
  void killedDuringAMariaDbStepLeavesItDirtyAndTheRerunResumes() throws Exception {
    Project p = project("mariadb");
    p.sql(
        "a1",
        "",
        "CREATE TABLE x1 (id integer);\nSELECT SLEEP(3);\nCREATE TABLE x2 (id integer);",
        "DROP TABLE x2;\nDROP TABLE x1;");
    Path log = dir.resolve("run.log");
    Process run = Cli.start(p.dir, log, "upgrade", "head");
    awaitTable("x1", run, log);
    // the history row moves on to statement 2 just before the SLEEP: kill inside it
    for (int i = 0;
        i < 200 && !query("SELECT failed_statement FROM retort_history").contains("2");
        i++) {
      Thread.sleep(20);
    }
    run.destroyForcibly().waitFor();

    Cli.Result r = p.run("current");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("a1 (dirty: upgrade cut off at statement 2");
    assertThat(tableExists("x2")).isFalse();

    r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("resuming at statement 2, which was running when an earlier run was cut off");
    assertThat(tableExists("x2")).isTrue();
    assertThat(p.run("current").out()).contains("a1 (head)").doesNotContain("dirty");
    // one row for the cut-off run (still saying so), one for the run that finished it
    assertThat(query(OUTCOMES)).containsExactly("failed|2", "ok|null");
  }

  @Test
  void killedDuringAPostgresTransactionLeavesNothing() throws Exception {
    Project p = project("postgresql");
    p.sql("a1", "", "CREATE TABLE x1 (id integer);\nSELECT pg_sleep(30);", "DROP TABLE x1;");
    Path log = dir.resolve("run.log");
    Process run = Cli.start(p.dir, log, "upgrade", "head");
    // inside the transaction x1 is invisible: wait for the sleep instead
    for (int i = 0;
        i < 300
            && query(
                    "SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%'"
                        + " AND datname = current_database()")
                .isEmpty();
        i++) {
      Thread.sleep(50);
    }
    run.destroyForcibly().waitFor();
    Cli.Result r = p.run("current");
    assertThat(r.out()).contains("(base: no revision applied)").doesNotContain("dirty");
    assertThat(tableExists("x1")).isFalse();
  }

  @Test
  void aTerminatedPostgresBackendOutsideATransactionNamesTheStatementAndLeavesItDirty()
      throws Exception {
    Project p = project("postgresql");
    p.sql(
        "a1",
        "",
        "CREATE TABLE x1 (id integer);\nSELECT pg_sleep(30);\nCREATE TABLE x2 (id integer);",
        "DROP TABLE x2;\nDROP TABLE x1;",
        "-- retort:transactional false\n");
    Path log = dir.resolve("run.log");
    Process run = Cli.start(p.dir, log, "upgrade", "head");
    awaitTable("x1", run, log);
    for (int i = 0; i < 300; i++) {
      List<String> killed =
          query(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                  + " WHERE query LIKE 'SELECT pg_sleep(30)%' AND datname = current_database()");
      if (!killed.isEmpty()) {
        break;
      }
      Thread.sleep(50);
    }
    Cli.Result r = Cli.await(run, log, 60);
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.out())
        .contains("upgrade -> a1")
        .contains("a1_m.sql:6")
        .contains("statement: SELECT pg_sleep(30)")
        .contains("marked dirty");

    r = p.run("current");
    assertThat(r.out()).as(r.toString()).contains("a1 (dirty: upgrade cut off at statement 2");
    Files.writeString(
        p.dir.resolve("migrations/a1_m.sql"),
        Files.readString(p.dir.resolve("migrations/a1_m.sql"))
            .replace("pg_sleep(30)", "pg_sleep(0)"));
    r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("resuming at statement 2");
    assertThat(tableExists("x2")).isTrue();
  }

  private static final String ERROR_MIGRATION =
      """
      import static dev.retort.schema.ColumnType.*;

      import dev.retort.migration.Migration;
      import dev.retort.migration.Revision;
      import dev.retort.ops.Operations;

      @Revision(id = "j1", message = "throws an error")
      final class ThrowsAnError implements Migration {
        @Override
        public void upgrade(Operations op) {
          op.createTable("e1", t -> t.column("id", integer()));
          op.createTable("e2", t -> t.column("id", integer()));
          THROW
        }

        @Override
        public void downgrade(Operations op) {
          op.dropTable("e2");
          op.dropTable("e1");
        }
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "postgresql", "sqlite"})
  void anErrorInAJavaMigrationIsExitThreeWithTheRevisionAndNoTrace(String kind) throws Exception {
    Project p = project(kind);
    Path file = p.dir.resolve("migrations/j1_throws.java");
    Files.writeString(
        file,
        ERROR_MIGRATION.replace("THROW", "throw new AssertionError(\"boom\");"),
        StandardCharsets.UTF_8);
    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .contains("upgrade -> j1, throws an error failed")
        .contains("AssertionError: boom")
        .doesNotContain("\tat ")
        .doesNotContain("looks like a bug");
    boolean transactional = !kind.equals("mariadb");
    r = p.run("current");
    if (transactional) {
      assertThat(r.out()).contains("(base: no revision applied)");
      assertThat(tableExists("e1")).isFalse();
    } else {
      assertThat(r.out()).contains("j1 (dirty: upgrade failed at statement 3");
      assertThat(tableExists("e1")).isTrue();
      Files.writeString(file, ERROR_MIGRATION.replace("THROW", ""), StandardCharsets.UTF_8);
      r = p.run("upgrade", "head");
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.out()).contains("resuming at statement 3");
    }
  }

  @Test
  void aStackOverflowInAJavaMigrationIsReportedToo() throws Exception {
    Project p = project("sqlite");
    Files.writeString(
        p.dir.resolve("migrations/j1_throws.java"),
        ERROR_MIGRATION.replace(
            "THROW", "down(0);\n  }\n\n  static int down(int n) {\n    return down(n + 1) + 1;"),
        StandardCharsets.UTF_8);
    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("StackOverflowError").contains("rolled back");
    assertThat(tableExists("e1")).isFalse();
    assertThat(query(OUTCOMES)).hasSize(1).allMatch(row -> row.startsWith("failed|"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "mariadb"})
  void aMigrationCallingSystemExitEndsWithExitThreeAndARecord(String kind) throws Exception {
    Project p = project(kind);
    Files.writeString(
        p.dir.resolve("migrations/j1_throws.java"),
        ERROR_MIGRATION.replace("THROW", "System.exit(0);"),
        StandardCharsets.UTF_8);
    Path log = dir.resolve("run.log");
    Cli.Result r = Cli.await(Cli.start(p.dir, log, "upgrade", "head"), log, 120);
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.out()).contains("System.exit");
    r = p.run("current");
    if (kind.equals("sqlite")) {
      // a transactional step's code is read before it runs: the exit comes before anything ran
      assertThat(r.out()).contains("(base: no revision applied)");
      assertThat(tableExists("e1")).isFalse();
    } else {
      assertThat(query(OUTCOMES)).containsExactly("failed|3");
      assertThat(r.out()).contains("j1 (dirty: upgrade failed at statement 3");
    }
  }

  /** After statement 3 of 5 failed, an edit above it is refused: the database holds the old one. */
  @Test
  void aResumeRefusesAFileEditedAboveTheFailure() throws Exception {
    Project p = project("mariadb");
    String good =
        "CREATE TABLE s1 (id integer);\nCREATE TABLE s2 (id integer);\n"
            + "INSERT INTO nope VALUES (1);\nCREATE TABLE s4 (id integer);\nCREATE TABLE s5 (id integer);";
    Path file =
        p.sql("a1", "", good, "DROP TABLE s5;\nDROP TABLE s4;\nDROP TABLE s2;\nDROP TABLE s1;");
    assertThat(p.run("upgrade", "head").exit()).isEqualTo(3);
    List<String> history = query("SELECT id, success, failed_statement FROM retort_history");

    String text = Files.readString(file);
    Files.writeString(
        file,
        text.replace("INSERT INTO nope", "INSERT INTO s1")
            .replace("CREATE TABLE s1 (id integer)", "CREATE TABLE s1 (id bigint)"));
    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains("statement 1")
        .contains("is not the statement that ran")
        .contains("stamp");
    assertThat(tableExists("s4")).isFalse();
    assertThat(query("SELECT id, success, failed_statement FROM retort_history"))
        .isEqualTo(history);

    Files.writeString(
        file,
        text.replace("INSERT INTO nope", "INSERT INTO s1")
            .replace(
                "CREATE TABLE s2 (id integer);",
                "CREATE TABLE s0 (id integer);\nCREATE TABLE s2 (id integer);"));
    r = p.run("upgrade", "head");
    assertThat(r.exit()).as("a statement inserted above the failure\n" + r).isEqualTo(2);
    assertThat(r.err()).contains("statement 2");

    Files.writeString(file, text.replace("INSERT INTO nope", "INSERT INTO s1"));
    r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(tableExists("s5")).isTrue();
  }

  @Test
  void aDirtyRevisionWrittenBeforeSumsWereKeptStillResumes() throws Exception {
    Project p = project("mariadb");
    Path file =
        p.sql(
            "a1",
            "",
            "CREATE TABLE s1 (id integer);\nINSERT INTO nope VALUES (1);",
            "DROP TABLE s1;");
    assertThat(p.run("upgrade", "head").exit()).isEqualTo(3);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("UPDATE retort_history SET statement_sums = NULL");
    }
    Files.writeString(file, Files.readString(file).replace("INSERT INTO nope", "INSERT INTO s1"));
    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
  }
}
