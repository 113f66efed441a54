package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 004 as a user runs it: revisions made with the command line, a branch and its merge, branch
 * labels, history, heads, current, stamp, and the URL from a .env file.
 */
class GraphCommandsIT {
  @TempDir Path dir;
  private Databases.Pg pg;
  private String url;

  /** Points the test at a fresh database of the given kind. */
  private void use(String kind) {
    if (kind.equals("postgresql")) {
      Databases.requirePostgres();
      pg = new Databases.Pg();
      url = pg.url();
    } else {
      url = "jdbc:sqlite:" + dir.resolve("graph.db");
    }
  }

  @AfterEach
  void drop() throws SQLException {
    if (pg != null) {
      pg.close();
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void branchAndMerge(String kind) throws Exception {
    use(kind);
    Files.writeString(dir.resolve(".env"), "RETORT_URL=" + url + "\n");
    assertThat(Cli.run(dir, "init").exit()).isZero();
    Files.writeString(dir.resolve("retort.properties"), "migrations=migrations\n");

    assertThat(run("revision", "-m", "create base", "--rev-id", "aaa111", "--format", "sql").out())
        .contains("migrations/aaa111_create_base.sql");
    writeUpgrade("aaa111", "CREATE TABLE base_t (id integer);", "DROP TABLE base_t;");
    run("revision", "-m", "feature a", "--rev-id", "bbb222", "--format", "sql");
    writeUpgrade("bbb222", "CREATE TABLE a_t (id integer);", "DROP TABLE a_t;");
    run("revision", "-m", "feature b", "--rev-id", "ccc333", "--head", "aaa111", "--format", "sql");
    writeUpgrade("ccc333", "CREATE TABLE b_t (id integer);", "DROP TABLE b_t;");

    assertThat(run("heads").out()).contains("bbb222").contains("ccc333");
    assertThat(run("branches").out())
        .contains("aaa111")
        .contains("-> bbb222")
        .contains("-> ccc333");

    Cli.Result r = Cli.run(dir, "upgrade", "head");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bbb222").contains("ccc333").contains("merge");
    assertThat(tables()).doesNotContain("retort_version");

    r = Cli.run(dir, "revision", "-m", "another");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("several heads");

    assertThat(run("upgrade", "heads").out()).contains("Done: 3 migrations");
    assertThat(run("current").out()).contains("bbb222").contains("ccc333");

    assertThat(
            run("merge", "heads", "-m", "join features", "--rev-id", "ddd444", "--format", "sql")
                .out())
        .contains("ddd444_join_features.sql");
    assertThat(run("heads").out().strip())
        .startsWith("bbb222, ccc333 -> ddd444 (head) (mergepoint)");
    assertThat(run("upgrade").out())
        .contains("Running upgrade bbb222, ccc333 -> ddd444, join features");
    assertThat(run("current").out().strip()).startsWith("ddd444 (head)");

    r = run("history");
    assertThat(r.out().strip().lines().toList())
        .containsExactly(
            "bbb222, ccc333 -> ddd444 (head) (mergepoint), join features",
            "aaa111 -> ccc333, feature b",
            "aaa111 -> bbb222, feature a",
            "<base> -> aaa111 (branchpoint), create base");
    assertThat(run("history", "-r", "bbb222:").out().strip().lines()).hasSize(2);

    run("downgrade", "-1");
    assertThat(run("current").out()).contains("bbb222").contains("ccc333");
    run("downgrade", "bbb222");
    assertThat(run("current").out()).contains("bbb222").contains("ccc333");
    run("downgrade", "aaa111");
    assertThat(run("current").out().strip()).startsWith("aaa111");
    assertThat(tables()).contains("base_t").doesNotContain("a_t").doesNotContain("b_t");
    run("upgrade", "bbb222");
    assertThat(tables()).contains("a_t").doesNotContain("b_t");

    // a second root with a branch label, then its head by label
    run(
        "revision",
        "-m",
        "auth root",
        "--head",
        "base",
        "--branch-label",
        "auth",
        "--rev-id",
        "eee555",
        "--format",
        "sql");
    writeUpgrade("eee555", "CREATE TABLE auth_t (id integer);", "DROP TABLE auth_t;");
    run("revision", "-m", "auth two", "--head", "eee555", "--rev-id", "fff666", "--format", "sql");
    writeUpgrade(
        "fff666",
        "ALTER TABLE auth_t ADD COLUMN name text;",
        "ALTER TABLE auth_t DROP COLUMN name;");
    assertThat(run("upgrade", "auth@head").out())
        .contains("eee555")
        .contains("fff666")
        .doesNotContain("ccc333");
    assertThat(run("current").out()).contains("bbb222").contains("fff666");
    run("downgrade", "auth@base");
    assertThat(tables()).doesNotContain("auth_t").contains("a_t");
    assertThat(run("show", "eee").out()).contains("Rev: eee555").contains("Branch names: auth");

    // a revision on the auth branch by label, and one that depends on auth without descending from
    // it
    assertThat(
            run(
                    "revision",
                    "-m",
                    "auth three",
                    "--head",
                    "auth@head",
                    "--rev-id",
                    "ab0003",
                    "--format",
                    "sql")
                .out())
        .contains("ab0003");
    assertThat(run("show", "ab0003").out()).contains("Parent: fff666");
    run(
        "revision",
        "-m",
        "needs auth",
        "--head",
        "bbb222",
        "--depends-on",
        "eee555",
        "--rev-id",
        "ggg777",
        "--format",
        "sql");
    assertThat(Files.readString(dir.resolve("migrations/ggg777_needs_auth.sql")))
        .contains("-- retort:depends-on eee555");
    Cli.Result up = run("upgrade", "ggg777");
    assertThat(up.out()).contains("-> eee555").contains("-> ggg777").doesNotContain("fff666");
    // ggg777 depends on eee555, which so needs no version row of its own (as in Alembic)
    assertThat(run("current").out()).contains("ggg777").doesNotContain("eee555");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void stampSetsTheVersionWithoutRunning(String kind) throws Exception {
    use(kind);
    Project p = new Project(dir, url);
    p.sql("a1", "", "CREATE TABLE t1 (id integer);", "DROP TABLE t1;");
    p.sql("a2", "a1", "CREATE TABLE t2 (id integer);", "DROP TABLE t2;");

    Cli.Result r = p.run("stamp", "a1");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("the database is at a1");
    assertThat(tables()).doesNotContain("t1");
    assertThat(p.run("upgrade", "head").out()).contains("-> a2").doesNotContain("-> a1,");
    assertThat(tables()).contains("t2").doesNotContain("t1");

    assertThat(p.run("stamp", "base").out()).contains("at base");
    assertThat(p.run("current").out()).contains("base");

    try (Connection c = connect()) {
      c.createStatement().execute("INSERT INTO retort_version VALUES ('gone99')");
    }
    r = p.run("current");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("gone99").contains("--purge");
    r = p.run("stamp", "a2");
    assertThat(r.exit()).isEqualTo(2);
    r = p.run("stamp", "--purge", "a2");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(p.run("current").out().strip()).startsWith("a2 (head)");
    assertThat(queryHistory()).contains("a2|stamp");
  }

  private Cli.Result run(String... args) {
    Cli.Result r = Cli.run(dir, args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r).isZero();
    return r;
  }

  private void writeUpgrade(String id, String up, String down) throws Exception {
    try (var files = Files.list(dir.resolve("migrations"))) {
      Path f =
          files.filter(p -> p.getFileName().toString().startsWith(id)).findFirst().orElseThrow();
      String text =
          Files.readString(f)
              .replace("-- retort:upgrade\n", "-- retort:upgrade\n" + up + "\n")
              .replace("-- retort:downgrade\n", "-- retort:downgrade\n" + down + "\n");
      Files.writeString(f, text);
    }
  }

  private List<String> tables() throws Exception {
    try (Connection c = connect()) {
      return c.getMetaData().getDatabaseProductName().equals("SQLite")
          ? Databases.query(c, "SELECT name FROM sqlite_master WHERE type = 'table'")
          : Databases.query(c, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    }
  }

  private String queryHistory() throws Exception {
    try (Connection c = connect()) {
      return String.join(",", Databases.query(c, "SELECT revision, direction FROM retort_history"));
    }
  }
}
