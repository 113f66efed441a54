package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs as separate processes against one PostgreSQL database: concurrent runs wait for each other
 * and apply each migration exactly once; a non-transactional CREATE INDEX CONCURRENTLY survives the
 * waiters; a runner killed with SIGKILL leaves no lock behind.
 */
class PostgresConcurrencyIT {
  // this database's only: other work on the server (another test, a benchmark) holds its own
  private static final String ADVISORY_LOCKS_HERE =
      "SELECT count(*) FROM pg_locks WHERE locktype = "
          + "'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

  @TempDir Path dir;

  @BeforeEach
  void server() {
    Databases.requirePostgres();
  }

  @Test
  void eightConcurrentUpgradesApplyEachMigrationOnce() throws Exception {
    try (Databases.Pg pg = new Databases.Pg()) {
      Project p = new Project(dir, pg.url());
      p.sql(
          "c1",
          "",
          "CREATE TABLE applied (rev text NOT NULL);\nINSERT INTO applied VALUES ('c1');",
          "DROP TABLE applied;");
      p.sql("c2", "c1", "SELECT pg_sleep(0.3);\nINSERT INTO applied VALUES ('c2');", "");
      p.sql(
          "c3",
          "c2",
          "CREATE TABLE t3 (id integer);\nINSERT INTO applied VALUES ('c3');",
          "DROP TABLE t3;");

      List<Cli.Result> results = runConcurrently(p, 8, "upgrade", "head");
      for (Cli.Result r : results) {
        assertThat(r.exit()).as(r.toString()).isZero();
      }
      assertThat(pg.query("SELECT rev FROM applied ORDER BY rev"))
          .containsExactly("c1", "c2", "c3");
      assertThat(pg.query("SELECT revision FROM retort_history WHERE direction = 'up' ORDER BY id"))
          .containsExactly("c1", "c2", "c3");
      assertThat(pg.query("SELECT version_num FROM retort_version")).containsExactly("c3");
      assertThat(pg.query(ADVISORY_LOCKS_HERE)).containsExactly("0");
    }
  }

  @Test
  void concurrentIndexBuildWithWaitersLeavesNoInvalidIndex() throws Exception {
    try (Databases.Pg pg = new Databases.Pg()) {
      Project p = new Project(dir, pg.url());
      p.sql(
          "i1",
          "",
          "CREATE TABLE big (id integer PRIMARY KEY, v integer);\n"
              + "INSERT INTO big SELECT g, g % 97 FROM generate_series(1, 200000) g;",
          "DROP TABLE big;");
      p.sql(
          "i2",
          "i1",
          "CREATE INDEX CONCURRENTLY ix_big_v ON big (v);",
          "DROP INDEX CONCURRENTLY ix_big_v;",
          "-- retort:transactional false\n");

      List<Cli.Result> results = runConcurrently(p, 8, "upgrade", "head");
      for (Cli.Result r : results) {
        assertThat(r.exit()).as(r.toString()).isZero();
      }
      assertThat(pg.query("SELECT count(*) FROM pg_index WHERE NOT indisvalid"))
          .containsExactly("0");
      assertThat(pg.query("SELECT indexname FROM pg_indexes WHERE tablename = 'big' ORDER BY 1"))
          .containsExactly("big_pkey", "ix_big_v");
      assertThat(pg.query("SELECT version_num FROM retort_version")).containsExactly("i2");
    }
  }

  @Test
  void killedRunnerLeavesNoLockAndARerunCompletes() throws Exception {
    try (Databases.Pg pg = new Databases.Pg()) {
      Project p = new Project(dir, pg.url());
      p.sql("k1", "", "CREATE TABLE k (id integer);", "DROP TABLE k;");
      p.sql("k2", "k1", "CREATE TABLE slow (id integer);\nSELECT pg_sleep(3);", "DROP TABLE slow;");

      Path log = dir.resolve("killed.log");
      Process victim = Cli.start(p.dir, log, "upgrade", "head");
      long deadline = System.currentTimeMillis() + 60_000;
      while (pg.query(
              "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(3)%'")
          .equals(List.of("0"))) {
        assertThat(System.currentTimeMillis())
            .as("the runner reached the slow migration")
            .isLessThan(deadline);
        Thread.sleep(50);
      }
      victim.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the server
      victim.waitFor();

      Cli.Result r = Cli.run(p.dir, "upgrade", "head");
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(pg.query("SELECT version_num FROM retort_version")).containsExactly("k2");
      assertThat(pg.query("SELECT count(*) FROM retort_history WHERE revision = 'k2' AND success"))
          .containsExactly("1");
      assertThat(pg.query(ADVISORY_LOCKS_HERE)).containsExactly("0");
    }
  }

  private List<Cli.Result> runConcurrently(Project p, int n, String... args) throws Exception {
    List<Process> procs = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path log = dir.resolve("run" + i + ".log");
      logs.add(log);
      procs.add(Cli.start(p.dir, log, args));
    }
    List<Cli.Result> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(Cli.await(procs.get(i), logs.get(i), 180));
    }
    return results;
  }
}
