package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets one line naming the file or revision, exit 2 (3 when the database cannot be
 * reached), and leaves the database untouched: no version table appears.
 */
class BadInputIT {
  @TempDir Path dir;

  private Project project() throws Exception {
    return new Project(dir, "jdbc:sqlite:" + dir.resolve("bad.db"));
  }

  private void assertOneLineError(Cli.Result r, int exit, String... fragments) throws Exception {
    assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
    assertThat(r.err().strip().lines().count()).as("a one-line message:\n" + r.err()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains(fragments).doesNotContain("Exception");
    assertUntouched();
  }

  private void assertUntouched() throws Exception {
    Path db = dir.resolve("bad.db");
    if (Files.exists(db)) {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
        assertThat(Databases.query(c, "SELECT name FROM sqlite_master"))
            .as("database untouched")
            .isEmpty();
      }
    }
  }

  @Test
  void malformedHeaderNamesFileAndLine() throws Exception {
    Project p = project();
    Path f = p.dir.resolve("migrations/a1_bad.sql");
    Files.writeString(
        f, "-- retort:revision a1\n-- retort:revison a0\n-- retort:upgrade\nSELECT 1;\n");
    assertOneLineError(p.run("upgrade", "head"), 2, f + ":2", "revison");
  }

  @Test
  void cycleIsNamed() throws Exception {
    Project p = project();
    p.sql("a1", "a2", "SELECT 1;", "");
    p.sql("a2", "a1", "SELECT 1;", "");
    assertOneLineError(p.run("upgrade", "heads"), 2, "cycle", "a1", "a2");
  }

  @Test
  void missingParentIsNamed() throws Exception {
    Project p = project();
    p.sql("a1", "", "SELECT 1;", "");
    Path f = p.sql("a2", "zzz999", "SELECT 1;", "");
    assertOneLineError(p.run("upgrade", "heads"), 2, "zzz999", f.getFileName().toString());
  }

  @Test
  void duplicateIdNamesBothFiles() throws Exception {
    Project p = project();
    p.sql("a1", "", "SELECT 1;", "");
    Files.writeString(
        p.dir.resolve("migrations/other.sql"),
        "-- retort:revision a1\n-- retort:upgrade\nSELECT 2;\n");
    assertOneLineError(p.run("upgrade", "heads"), 2, "a1_m.sql", "other.sql");
  }

  @Test
  void unknownTargetChangesNothing() throws Exception {
    Project p = project();
    p.sql("a1", "", "CREATE TABLE t (id integer);", "DROP TABLE t;");
    assertOneLineError(p.run("upgrade", "deadbeef"), 2, "deadbeef");
    assertOneLineError(p.run("downgrade", "deadbeef"), 2, "deadbeef");
  }

  @Test
  void ambiguousPrefixListsCandidates() throws Exception {
    Project p = project();
    p.sql("ab1", "", "SELECT 1;", "");
    p.sql("ab2", "ab1", "SELECT 1;", "");
    assertOneLineError(p.run("upgrade", "ab"), 2, "ab1", "ab2");
  }

  @Test
  void unknownUrlKindListsDialects() throws Exception {
    Project p = project();
    p.sql("a1", "", "SELECT 1;", "");
    assertOneLineError(
        p.run("--url", "jdbc:nosuchdb://host/db?password=hunter2", "upgrade", "head"),
        2,
        "jdbc:nosuchdb");
    assertThat(p.run("--url", "jdbc:nosuchdb://host/db?password=hunter2", "upgrade").err())
        .doesNotContain("hunter2");
    assertOneLineError(p.run("--url", "not a url", "upgrade", "head"), 2, "not a database URL");
  }

  @Test
  void databaseDownIsExitThreeWithoutThePassword() throws Exception {
    Project p = project();
    p.sql("a1", "", "SELECT 1;", "");
    Cli.Result r = p.run("--url", "postgresql://app:s3cret@127.0.0.1:1/app", "upgrade", "head");
    assertOneLineError(r, 3, "cannot connect", "127.0.0.1:1");
    assertThat(r.err()).doesNotContain("s3cret");
  }

  @Test
  void missingMigrationsDirectorySaysInit() throws Exception {
    Files.writeString(dir.resolve("retort.properties"), "url=jdbc:sqlite:bad.db\n");
    assertOneLineError(Cli.run(dir, "heads"), 2, "migrations", "init creates it");
  }

  @Test
  void unknownConfigurationKeyIsNamedInAWarning() throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve("retort.properties"), "url=jdbc:sqlite:bad.db\nmigration=x\n");
    Cli.Result r = Cli.run(dir, "heads");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err())
        .startsWith("warning: ")
        .contains("retort.properties")
        .contains("unknown key 'migration'")
        .contains("did you mean 'migrations'");
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd :
        new String[] {
          "init",
          "revision",
          "upgrade",
          "downgrade",
          "current",
          "heads",
          "branches",
          "history",
          "show",
          "stamp",
          "merge"
        }) {
      Cli.Result r = Cli.run(dir, cmd, "--help");
      assertThat(r.exit()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).startsWith("Usage: retort " + cmd);
    }
    Cli.Result r = Cli.run(dir, "--help");
    assertThat(r.out()).contains("upgrade").contains("Exit codes");
    assertThat(Cli.run(dir, "frobnicate").exit()).isEqualTo(2);
  }
}
