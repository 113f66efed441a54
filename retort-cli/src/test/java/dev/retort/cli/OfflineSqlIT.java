package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upgrade --sql} writes a complete script: run through psql, it leaves the same schema and
 * version table as the online run.
 */
class OfflineSqlIT {
  @TempDir Path dir;

  @Test
  void offlineScriptThroughPsqlMatchesTheOnlineRun() throws Exception {
    Databases.requirePostgres();
    Cli.copyTree(Cli.example("aim-for-the-stars"), dir);
    try (Databases.Pg online = new Databases.Pg();
        Databases.Pg offline = new Databases.Pg()) {
      Cli.Result script = Cli.run(dir, "--url", offline.url(), "upgrade", "--sql", "head");
      assertThat(script.exit()).as(script.toString()).isZero();
      assertThat(script.out())
          .contains("CREATE TABLE IF NOT EXISTS retort_version")
          .contains("BEGIN;")
          .contains("COMMIT;")
          .contains("INSERT INTO retort_version");
      assertThat(offline.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
          .as("--sql touches no database")
          .containsExactly("0");
      Path file = dir.resolve("upgrade.sql");
      Files.writeString(file, script.out());
      run("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString(), psqlUrl(offline));

      Cli.Result r = Cli.run(dir, "--url", online.url(), "upgrade", "head");
      assertThat(r.exit()).as(r.toString()).isZero();

      assertThat(dump(offline)).isEqualTo(dump(online));
      assertThat(offline.query("SELECT version_num FROM retort_version"))
          .isEqualTo(online.query("SELECT version_num FROM retort_version"))
          .containsExactly("033faf89f4e5");

      // and the offline downgrade back to base leaves nothing but the version tables
      Cli.Result down = Cli.run(dir, "--url", offline.url(), "downgrade", "--sql", "head:base");
      assertThat(down.exit()).as(down.toString()).isZero();
      Files.writeString(file, down.out());
      run("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString(), psqlUrl(offline));
      assertThat(
              offline.query(
                  "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
          .containsExactly("retort_history", "retort_version");
      assertThat(offline.query("SELECT count(*) FROM retort_version")).containsExactly("0");
    }
  }

  @Test
  void offlineDowngradeNeedsARange() throws Exception {
    Cli.copyTree(Cli.example("aim-for-the-stars"), dir);
    Cli.Result r = Cli.run(dir, "downgrade", "--sql", "base");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("FROM:TO");
  }

  private static String psqlUrl(Databases.Pg pg) {
    return "postgresql://postgres@127.0.0.1:5432/" + pg.name;
  }

  /** pg_dump's schema, without the lines pg_dump itself varies from run to run. */
  private static String dump(Databases.Pg pg) throws Exception {
    String out =
        run("pg_dump", "--schema-only", "--no-owner", "--exclude-table-data=*", psqlUrl(pg));
    return String.join(
        "\n",
        out.lines()
            .filter(l -> !l.startsWith("\\restrict") && !l.startsWith("\\unrestrict"))
            .filter(l -> !l.startsWith("-- Dumped"))
            .toList());
  }

  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    return out;
  }

  /** The version rows a merge's downgrade restores come in its parents' order, every run. */
  @Test
  void aMergesDowngradeScriptIsTheSameEveryTime() throws Exception {
    Project p = new Project(dir.resolve("merge"), "jdbc:sqlite:merge.db");
    p.sql("a1", "", "CREATE TABLE a (id integer);", "DROP TABLE a;");
    p.sql("b1", "a1", "CREATE TABLE b (id integer);", "DROP TABLE b;");
    p.sql("c1", "a1", "CREATE TABLE c (id integer);", "DROP TABLE c;");
    p.sql("m1", "c1, b1", "", "");
    Cli.Result r = p.run("downgrade", "--sql", "m1:a1");
    assertThat(r.exit()).as(r.toString()).isZero();
    String script = r.out();
    int c1 = script.indexOf("INSERT INTO retort_version (version_num) VALUES ('c1')");
    int b1 = script.indexOf("INSERT INTO retort_version (version_num) VALUES ('b1')");
    assertThat(c1).as(script).isPositive().isLessThan(b1);
  }
}
