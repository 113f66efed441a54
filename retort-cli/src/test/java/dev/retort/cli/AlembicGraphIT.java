package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alembic's revision-graph behaviour through the command line on SQLite: which migrations run, in
 * which order, and what the version table holds afterwards. The graphs are those of Alembic's own
 * traversal tests, rebuilt here as SQL migrations that each create one table.
 */
class AlembicGraphIT {
  @TempDir Path dir;
  private Project p;
  private String url;

  private void project() throws Exception {
    url = "jdbc:sqlite:" + dir.resolve("graph.db");
    p = new Project(dir, url);
  }

  /** A migration creating table {@code t_<id>}, with optional extra header lines. */
  private void rev(String id, String revises, String extraHeader) throws Exception {
    p.sql(
        id,
        revises,
        "CREATE TABLE t_" + id + " (id integer);",
        "DROP TABLE t_" + id + ";",
        extraHeader);
  }

  private void rev(String id, String revises) throws Exception {
    rev(id, revises, "");
  }

  private static String label(String l) {
    return "-- retort:branch-labels " + l + "\n";
  }

  private static String dependsOn(String d) {
    return "-- retort:depends-on " + d + "\n";
  }

  /** a -> b -> c1 (c1branch) -> d1, b -> c2 (c2branch) -> d2: Alembic's BranchedPathTest. */
  private void branched() throws Exception {
    project();
    rev("a", "");
    rev("b", "a");
    rev("c1", "b", label("c1branch"));
    rev("d1", "c1");
    rev("c2", "b", label("c2branch"));
    rev("d2", "c2");
  }

  /** Runs a command that must succeed and returns the migrations it ran, in order. */
  private List<String> ran(String... args) {
    Cli.Result r = p.run(args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r).isZero();
    return r.out()
        .lines()
        .filter(l -> l.startsWith("Running "))
        .map(l -> l.substring("Running ".length()).replaceAll(", migration \\w+$", ""))
        .toList();
  }

  private TreeSet<String> versionRows() throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      return new TreeSet<>(Databases.query(c, "SELECT version_num FROM retort_version"));
    }
  }

  private TreeSet<String> tables() throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      TreeSet<String> out =
          new TreeSet<>(
              Databases.query(
                  c,
                  "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%' ESCAPE '\\'"));
      return out;
    }
  }

  // ---- 1: a downgrade removes what lies above the target, not what merely depends on it ----

  @Test
  void downgradeKeepsDependentsThatAreNotAboveTheTarget() throws Exception {
    project();
    rev("a", "");
    rev("b", "a");
    rev("c1", "b");
    rev("d1", "c1");
    rev("c2", "b", dependsOn("c1"));
    assertThat(ran("upgrade", "heads"))
        .containsExactly(
            "upgrade -> a",
            "upgrade a -> b",
            "upgrade b -> c1",
            "upgrade b -> c2",
            "upgrade c1 -> d1");
    assertThat(versionRows()).containsExactly("c2", "d1");

    assertThat(ran("downgrade", "c1")).containsExactly("downgrade d1 -> c1");
    assertThat(versionRows()).containsExactly("c2");
    assertThat(tables()).contains("t_c1", "t_c2").doesNotContain("t_d1");
  }

  // ---- 2: the version table ignores revisions that a depends-on already implies ----

  @Test
  void versionTableHoldsOnlyTheDependentAndRelativeStepsWork() throws Exception {
    project();
    rev("a1", "");
    rev("b1", "", dependsOn("a1"));
    rev("b2", "b1");
    assertThat(ran("upgrade", "b1")).containsExactly("upgrade -> a1", "upgrade -> b1");
    assertThat(versionRows()).containsExactly("b1");

    assertThat(ran("upgrade", "+1")).containsExactly("upgrade b1 -> b2");
    assertThat(versionRows()).containsExactly("b2");
    assertThat(ran("downgrade", "-1")).containsExactly("downgrade b2 -> b1");
    assertThat(versionRows()).containsExactly("b1");
    assertThat(ran("downgrade", "-1")).containsExactly("downgrade b1 -> base");
    assertThat(versionRows()).containsExactly("a1");
    assertThat(tables()).containsExactly("t_a1");
  }

  // ---- 3: a branch label covers its unbranched ancestors; +N counts from where we stand ----

  @Test
  void branchLabelCoversUnbranchedAncestors() throws Exception {
    project();
    rev("d", "");
    rev("e", "d", label("ebranch"));
    rev("someothername", "e");
    rev("f", "someothername");
    assertThat(ran("upgrade", "ebranch@+2")).containsExactly("upgrade -> d", "upgrade d -> e");
    assertThat(ran("upgrade", "ebranch@+1")).containsExactly("upgrade e -> someothername");
    assertThat(ran("downgrade", "ebranch@base"))
        .containsExactly("downgrade someothername -> e", "downgrade e -> d", "downgrade d -> base");
    assertThat(tables()).isEmpty();
  }

  // ---- 4: targets Alembic takes ----

  @Test
  void branchAtRevisionTakesOneBranchDownToItsBranchPoint() throws Exception {
    branched();
    ran("upgrade", "heads");
    assertThat(ran("downgrade", "c2branch@b"))
        .containsExactly("downgrade d2 -> c2", "downgrade c2 -> b");
    assertThat(versionRows()).containsExactly("d1");
    assertThat(ran("upgrade", "heads")).containsExactly("upgrade b -> c2", "upgrade c2 -> d2");
    // a revision on the branch names it as well as its label does
    assertThat(ran("downgrade", "d1@b")).containsExactly("downgrade d1 -> c1", "downgrade c1 -> b");
    assertThat(versionRows()).containsExactly("d2");
  }

  @Test
  void revisionMinusNUpgradesAndRevisionPlusNDowngrades() throws Exception {
    branched();
    assertThat(ran("upgrade", "d1-1"))
        .containsExactly("upgrade -> a", "upgrade a -> b", "upgrade b -> c1");
    assertThat(ran("upgrade", "c1+1")).containsExactly("upgrade c1 -> d1");
    assertThat(ran("downgrade", "a+1")).containsExactly("downgrade d1 -> c1", "downgrade c1 -> b");
    assertThat(versionRows()).containsExactly("b");
  }

  @Test
  void branchHeadMinusOneAndBasePlusOne() throws Exception {
    branched();
    assertThat(ran("upgrade", "base+1")).containsExactly("upgrade -> a");
    assertThat(ran("upgrade", "c2branch@head-1"))
        .containsExactly("upgrade a -> b", "upgrade b -> c2");
    assertThat(ran("upgrade", "heads"))
        .containsExactly("upgrade b -> c1", "upgrade c1 -> d1", "upgrade c2 -> d2");
    assertThat(ran("downgrade", "c1branch@head-1")).containsExactly("downgrade d1 -> c1");
    assertThat(versionRows()).containsExactly("c1", "d2");
  }

  @Test
  void revisionAtBaseTakesDownThatRevisionsRootOnly() throws Exception {
    project();
    rev("x1", "");
    rev("x2", "x1");
    rev("y1", "");
    rev("y2", "y1");
    ran("upgrade", "heads");
    assertThat(ran("downgrade", "x2@base"))
        .containsExactly("downgrade x2 -> x1", "downgrade x1 -> base");
    assertThat(versionRows()).containsExactly("y2");
  }

  @Test
  void dependsOnMayNameABranchLabel() throws Exception {
    branched();
    rev("e2", "d2", dependsOn("c1branch"));
    assertThat(ran("upgrade", "e2"))
        .containsExactly(
            "upgrade -> a",
            "upgrade a -> b",
            "upgrade b -> c1",
            "upgrade b -> c2",
            "upgrade c2 -> d2",
            "upgrade d2 -> e2");
    assertThat(versionRows()).containsExactly("e2");
  }

  // ---- 5: stamp sets the table to the target, as Alembic does ----

  @Test
  void stampAcrossAMergeReplacesTheMerge() throws Exception {
    branched();
    rev("e", "d1,d2");
    ran("upgrade", "head");
    assertThat(versionRows()).containsExactly("e");
    Cli.Result r = p.run("stamp", "c2");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(versionRows()).containsExactly("c2");
    // the database now says c2 alone: going back to b un-applies c2 and nothing of c1's line
    assertThat(ran("downgrade", "b")).containsExactly("downgrade c2 -> b");
  }

  @Test
  void stampPurgeReportsWhatTheTableHeld() throws Exception {
    branched();
    ran("upgrade", "d1");
    Cli.Result r = p.run("stamp", "--purge", "d2");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("the database is at d2 (was d1)");
    assertThat(versionRows()).containsExactly("d2");
  }

  // ---- 6: history ranges ----

  @Test
  void historyRangeThatIsNotAncestralIsAnError() throws Exception {
    branched();
    Cli.Result r = p.run("history", "-r", "c1:d2");
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("not an ancestor").contains("c1").contains("d2");
  }

  @Test
  void historyRelativeAndCurrentRanges() throws Exception {
    project();
    rev("a", "");
    rev("b", "a");
    rev("c", "b");
    rev("d", "c");
    assertThat(historyIds("-r", "-2:")).containsExactly("d", "c", "b");
    assertThat(historyIds("-r", "base:b+1")).containsExactly("c", "b", "a");
    rev("x", "");
    assertThat(historyIds("-r", "d-2:")).containsExactly("d", "c", "b");
    ran("upgrade", "b");
    ran("upgrade", "x");
    assertThat(historyIds("-r", "current:")).containsExactly("x", "d", "c", "b");
  }

  // ---- 7: one grammar for every command that takes a revision ----

  @Test
  void everyCommandTakesTheSameTargets() throws Exception {
    branched();
    Cli.Result r = p.run("show", "c2branch@head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Rev: d2");
    r =
        p.run(
            "merge",
            "c1branch@head",
            "c2branch@head",
            "-m",
            "join",
            "--rev-id",
            "m1",
            "--format",
            "sql");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(historyIds("-r", "c1branch:")).containsExactly("m1", "d1", "c1");
  }

  private List<String> historyIds(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "history";
    System.arraycopy(args, 0, all, 1, args.length);
    Cli.Result r = p.run(all);
    assertThat(r.exit()).as(r.toString()).isZero();
    return r.out().lines().map(l -> l.replaceAll(".*?-> ([^ ,]+).*", "$1")).toList();
  }
}
