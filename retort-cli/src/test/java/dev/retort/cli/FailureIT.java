package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration that fails half-way: the transaction rolls back, exit 3, earlier revisions stay
 * committed, and a rerun after the fix completes. Also: an edited applied file is caught.
 */
class FailureIT {
  @TempDir Path dir;

  @Test
  void failingMigrationRollsBackOnPostgres() throws Exception {
    Databases.requirePostgres();
    try (Databases.Pg pg = new Databases.Pg()) {
      failingMigrationRollsBack(pg.url(), pg::connect, "relation \"nope\" does not exist");
    }
  }

  @Test
  void failingMigrationRollsBackOnSqlite() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("f.db");
    failingMigrationRollsBack(url, () -> DriverManager.getConnection(url), "no such table: nope");
  }

  interface Db {
    Connection connect() throws SQLException;
  }

  private void failingMigrationRollsBack(String url, Db db, String dbMessage) throws Exception {
    Project p = new Project(dir.resolve("proj"), url);
    p.sql("a1", "", "CREATE TABLE t1 (id integer);", "DROP TABLE t1;");
    p.sql(
        "a2", "a1", "CREATE TABLE t2 (id integer);\nINSERT INTO t2 VALUES (1);", "DROP TABLE t2;");
    Path a3 =
        p.sql(
            "a3",
            "a2",
            "CREATE TABLE t3 (id integer);\nINSERT INTO t3 VALUES (7);\n"
                + "INSERT INTO nope VALUES (1);",
            "DROP TABLE t3;");

    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .contains("upgrade a2 -> a3")
        .contains(a3 + ":7")
        .contains("INSERT INTO nope VALUES (1)")
        .contains(dbMessage)
        .contains("rolled back")
        .contains("stays at a2");

    try (Connection c = db.connect()) {
      assertThat(Databases.query(c, "SELECT version_num FROM retort_version"))
          .containsExactly("a2");
      assertThat(Databases.query(c, "SELECT count(*) FROM t2")).containsExactly("1");
      assertThat(tableExists(c, "t3")).as("t3 rolled back").isFalse();
      assertThat(Databases.query(c, "SELECT revision, direction FROM retort_history ORDER BY id"))
          .containsExactly("a1|up", "a2|up", "a3|up");
      assertThat(
              Databases.query(
                  c,
                  "SELECT count(*) FROM retort_history WHERE revision = 'a3' AND "
                      + "success = "
                      + (url.contains("sqlite") ? "0" : "false")))
          .containsExactly("1");
    }

    Files.writeString(a3, Files.readString(a3).replace("INSERT INTO nope", "INSERT INTO t3"));
    r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    try (Connection c = db.connect()) {
      assertThat(Databases.query(c, "SELECT version_num FROM retort_version"))
          .containsExactly("a3");
      assertThat(Databases.query(c, "SELECT count(*) FROM t3")).containsExactly("2");
    }
  }

  @Test
  void editedAppliedFileIsAnError() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("c.db");
    Project p = new Project(dir.resolve("proj"), url);
    Path a1 = p.sql("a1", "", "CREATE TABLE t1 (id integer);", "DROP TABLE t1;");
    assertThat(p.run("upgrade", "head").exit()).isZero();
    p.sql("a2", "a1", "CREATE TABLE t2 (id integer);", "DROP TABLE t2;");
    Files.writeString(a1, Files.readString(a1).replace("(id integer)", "(id bigint)"));

    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains(a1.toString()).contains("a1").contains("--allow-changed");
    assertThat(r.err().strip().lines().count()).as("one line").isEqualTo(1);
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(tableExists(c, "t2")).as("nothing ran").isFalse();
    }

    r = p.run("upgrade", "head", "--allow-changed");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(p.run("current").out()).startsWith("a2");
  }

  @Test
  void manyEditedFilesAreCountedNotAllListed() throws Exception {
    Project p = new Project(dir.resolve("proj"), "jdbc:sqlite:" + dir.resolve("many.db"));
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= 13; i++) {
      files.add(
          p.sql(
              String.format("a%02d", i),
              i == 1 ? "" : String.format("a%02d", i - 1),
              "CREATE TABLE t" + i + " (id integer);",
              "DROP TABLE t" + i + ";"));
    }
    assertThat(p.run("upgrade", "head").exit()).isZero();
    for (Path f : files) {
      Files.writeString(f, Files.readString(f).replace("(id integer)", "(id bigint)"));
    }
    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains("13 applied migrations were changed")
        .contains(files.get(9).toString())
        .doesNotContain(files.get(10).toString())
        .contains("and 3 more")
        .contains("--allow-changed");
  }

  @Test
  void lineEndingsDoNotCountAsAChange() throws Exception {
    Project p = new Project(dir.resolve("proj"), "jdbc:sqlite:" + dir.resolve("e.db"));
    Path a1 = p.sql("a1", "", "CREATE TABLE t1 (id integer);", "DROP TABLE t1;");
    assertThat(p.run("upgrade", "head").exit()).isZero();
    Files.writeString(a1, Files.readString(a1).replace("\n", "\r\n"));
    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
  }

  @Test
  void historyTableOfAnOlderRetortIsUpgraded() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("old.db");
    Project p = new Project(dir.resolve("proj"), url);
    p.sql("a1", "", "CREATE TABLE t1 (id integer);", "DROP TABLE t1;");
    p.sql("a2", "a1", "CREATE TABLE t2 (id integer);", "DROP TABLE t2;");
    try (Connection c = DriverManager.getConnection(url);
        var s = c.createStatement()) {
      s.execute("CREATE TABLE t1 (id integer)");
      s.execute("CREATE TABLE retort_version (version_num VARCHAR(64) NOT NULL PRIMARY KEY)");
      s.execute(
          "CREATE TABLE retort_history (id INTEGER PRIMARY KEY AUTOINCREMENT, revision VARCHAR(64) "
              + "NOT NULL, direction VARCHAR(8) NOT NULL, checksum VARCHAR(64), started_at TEXT NOT NULL, "
              + "duration_ms BIGINT NOT NULL, who VARCHAR(255) NOT NULL, success BOOLEAN NOT NULL, message TEXT)");
      s.execute("INSERT INTO retort_version VALUES ('a1')");
    }
    assertThat(p.run("current").out()).startsWith("a1");
    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(Databases.query(c, "SELECT revision, failed_statement FROM retort_history"))
          .containsExactly("a2|null");
    }
  }

  static boolean tableExists(Connection c, String name) throws SQLException {
    try (var rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
      return rs.next();
    }
  }

  static List<String> lines(String s) {
    return s.strip().lines().toList();
  }
}
