package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input a careless user gives (or an attacker plants) gets a clear message and exit 2, never a
 * hang, a silent skip, a wrong exit code or a change to the database.
 */
class CarelessInputIT {
  @TempDir Path dir;
  private final Databases.Fresh dbs = new Databases.Fresh();

  @AfterEach
  void drop() throws SQLException {
    dbs.close();
  }

  private Project project() throws Exception {
    Project p = new Project(dir.resolve("p"), "jdbc:sqlite:app.db");
    p.sql("a1", "", "CREATE TABLE t1 (id integer);", "DROP TABLE t1;");
    p.sql("a2", "a1", "CREATE TABLE t2 (id integer);", "DROP TABLE t2;");
    p.sql("a3", "a2", "CREATE TABLE t3 (id integer);", "DROP TABLE t3;");
    return p;
  }

  /** Exit 2, the fragments in the message, and no database file made. */
  private org.assertj.core.api.AbstractStringAssert<?> refused(
      Project p, Cli.Result r, String... fragments) {
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains(fragments).doesNotContain("looks like a bug");
    assertThat(p.dir.resolve("app.db")).doesNotExist();
    assertThat(p.dir.resolve("app.db.retort-lock")).doesNotExist();
    return assertThat(r.err());
  }

  @Test
  void anythingNamedLikeAMigrationThatIsNoRegularFileIsRefusedByName() throws Exception {
    Project p = project();
    Path m = p.dir.resolve("migrations");
    Path fifo = m.resolve("b1_pipe.sql");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Cli.Result r =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> p.run("upgrade", "head"));
    refused(p, r, "b1_pipe.sql", "not a regular file");
    Files.delete(fifo);

    Files.createSymbolicLink(m.resolve("b2_zero.sql"), Path.of("/dev/zero"));
    r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> p.run("upgrade", "head"));
    refused(p, r, "b2_zero.sql", "not a regular file");
    Files.delete(m.resolve("b2_zero.sql"));

    Files.createDirectory(m.resolve("b3_dir.java"));
    refused(p, p.run("history"), "b3_dir.java", "is a directory");
    Files.delete(m.resolve("b3_dir.java"));

    Files.createSymbolicLink(m.resolve("b4_gone.sql"), m.resolve("nowhere.sql"));
    refused(p, p.run("upgrade", "head"), "b4_gone.sql", "symbolic link to nothing");
  }

  /**
   * A directive written slightly wrong would be a comment, and the downgrade would run as upgrade.
   */
  @Test
  void aMarkerThatAlmostIsADirectiveIsRefusedBeforeAnythingRuns() throws Exception {
    Project p = project();
    Path f = p.dir.resolve("migrations/a4_m.sql");
    for (String marker :
        List.of(
            "-- RETORT:downgrade",
            "-- Retort:downgrade",
            "-- retort :downgrade",
            "/* retort:downgrade */",
            "-- re\ttort:downgrade")) {
      Files.writeString(
          f,
          "-- retort:revision a4\n-- retort:revises a3\n-- retort:upgrade\n"
              + "CREATE TABLE t4 (id integer);\n"
              + marker
              + "\nDROP TABLE t1;\n");
      refused(p, p.run("upgrade", "head"), f + ":5", "looks like a Retort directive");
    }
    Files.writeString(
        f, "-- retort:revision a4\n-- RETORT:REVISES a3\n-- retort:upgrade\nSELECT 1;\n");
    refused(p, p.run("upgrade", "heads"), f + ":2");
  }

  @Test
  void anOfflineRangeThatGoesBackwardsIsRefused() throws Exception {
    Project p = project();
    refused(p, p.run("upgrade", "--sql", "a3:a1"), "goes the wrong way", "downgrade --sql a3:a1");
    refused(p, p.run("downgrade", "--sql", "a1:a3"), "a3");
    assertThat(p.run("upgrade", "--sql", "a1:a3").exit()).isZero();
    assertThat(p.run("upgrade", "--sql", "a3:a3").exit()).isZero();
  }

  @Test
  void badTableSettingsAndLockTimeoutsAreUsageErrors() throws Exception {
    Project p = project();
    for (String setting :
        List.of(
            "version-table=a.b.c",
            "history-table=x;y",
            "version-table=1abc",
            "history-table=retort_version",
            "lock-timeout=-1")) {
      Files.writeString(
          p.dir.resolve("retort.properties"), "url=jdbc:sqlite:app.db\n" + setting + "\n");
      refused(p, p.run("upgrade", "head"), setting.substring(0, setting.indexOf('=')));
    }
  }

  @Test
  void targetWordsAreNoRevisionIds() throws Exception {
    Project p = project();
    for (String id : List.of("head", "heads", "base", "current", "HEAD", "a-b", "a b")) {
      refused(p, p.run("revision", "-m", "x", "--rev-id", id), "is not a valid revision id");
    }
    Path f = p.dir.resolve("migrations/b1_base.sql");
    Files.writeString(
        f, "-- retort:revision base\n-- retort:revises a3\n-- retort:upgrade\nSELECT 1;\n");
    refused(p, p.run("upgrade", "head"), f + ":1", "target words");
  }

  @Test
  void aConfigurationFileThatIsNotUtf8SaysWhichFileAndLine() throws Exception {
    Project p = project();
    Files.write(
        p.dir.resolve("retort.properties"),
        "url=jdbc:sqlite:app.db\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    refused(p, p.run("current"), "retort.properties:2", "not valid UTF-8")
        .doesNotContain("Input length");
    Files.writeString(p.dir.resolve("retort.properties"), "url=jdbc:sqlite:app.db\n");
    Files.write(
        p.dir.resolve(".env"),
        "A=1\nB=2\nRETORT_USER=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    refused(p, p.run("current"), ".env:3", "not valid UTF-8").doesNotContain("Input length");
  }

  @Test
  void aRunRefusedAfterConnectingLeavesNoSqliteFileBehind() throws Exception {
    Project p = project();
    refused(p, p.run("upgrade", "+7"), "+7");
    Cli.Result r = p.run("current");
    assertThat(r.exit()).isZero();
    assertThat(p.dir.resolve("app.db")).doesNotExist();
    assertThat(p.run("upgrade", "head").exit()).isZero();
    assertThat(p.dir.resolve("app.db")).exists();
  }

  @Test
  void theMariaDbDriverDoesNotLogBeforeRetortsOwnError() throws Exception {
    String url = dbs.url("mariadb", null);
    Project p = new Project(dir.resolve("m"), url);
    p.sql("a1", "", "INSERT INTO nope VALUES (1);", "");
    Path log = dir.resolve("run.log");
    Cli.Result r = Cli.await(Cli.start(p.dir, log, "upgrade", "head"), log, 60);
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.out()).contains("nope").doesNotContain("[ WARN]").doesNotContain("WARN");
  }
}
