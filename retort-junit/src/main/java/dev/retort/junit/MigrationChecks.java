package dev.retort.junit;

import dev.retort.CompareOptions;
import dev.retort.Retort;
import dev.retort.RevisionInfo;
import dev.retort.RunResult;
import dev.retort.SchemaDiff;
import dev.retort.error.RetortException;
import dev.retort.schema.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The kit's checks of a project's migrations, pytest-alembic's and more. Each starts from an empty
 * database ({@link RetortRunner#reset()}) and fails with an {@link AssertionError} that names the
 * revision, what was run and what the database said.
 *
 * <pre>{@code
 * @Test
 * void migrations(MigrationChecks checks) {
 *   checks.singleHead();
 *   checks.upgradeFromEmpty();
 *   checks.modelMatchesDatabase();
 *   checks.upDownConsistency();
 *   checks.downgradeLeavesNoTrace();
 * }
 * }</pre>
 */
public final class MigrationChecks {
  private final RetortRunner runner;

  MigrationChecks(RetortRunner runner) {
    this.runner = runner;
  }

  /**
   * One head: two heads mean the history diverged (two revisions written on one parent, often by
   * two branches of the code merged), and {@code upgrade head} would refuse to choose.
   */
  public void singleHead() {
    List<RevisionInfo> heads = retort(() -> runner.retort().heads(), "reading the migrations");
    if (heads.isEmpty()) {
      Assertions.fail("no migrations: " + where() + " holds no revision");
    }
    if (heads.size() > 1) {
      Assertions.fail(
          heads.size()
              + " heads: "
              + String.join(
                  "; ", heads.stream().map(h -> h.id() + " (" + h.message() + ")").toList())
              + ". The history diverged: join "
              + "them with 'retort merge heads -m \"merge\"', or rebase one on the other");
    }
  }

  /**
   * Every migration upgrades, from an empty database to the heads. With {@link BeforeRevision} or
   * {@link AfterRevision} methods, one revision at a time with the hooks around each.
   */
  public void upgradeFromEmpty() {
    reset();
    Retort retort = runner.retort();
    if (runner.hooks().any()) {
      for (RevisionInfo r : runner.revisions()) {
        runner.hooks().before(r.id());
        upgradeExactly(r, "upgrading from empty");
        runner.hooks().after(r.id());
      }
    } else {
      retort(() -> retort.upgrade("heads"), "upgrading from empty to the heads");
    }
    Set<String> heads = new TreeSet<>();
    retort.heads().forEach(h -> heads.add(h.id()));
    Assertions.assertEquals(
        heads,
        new TreeSet<>(retort.current()),
        "after upgrading from empty, the database should be at the heads");
  }

  /**
   * After upgrading to the heads, the database matches the desired schema (the project's {@code
   * schema} setting, or {@link RetortTest#schema()}): nothing for {@code revision --autogenerate}
   * to write. Aborted (skipped) when no desired schema is configured.
   */
  public void modelMatchesDatabase() {
    Retort retort = runner.retort();
    Assumptions.assumeTrue(
        retort.config().schema().isPresent(),
        "no desired schema to compare "
            + "with: set schema in retort.properties, or @RetortTest(schema = ...)");
    reset();
    retort = runner.retort();
    Retort r = retort;
    retort(() -> r.upgrade("heads"), "upgrading from empty to the heads");
    SchemaDiff d =
        retort(
            () -> r.diff(CompareOptions.defaults()),
            "comparing the database with " + r.config().schema().orElseThrow().describe());
    if (!d.isEmpty()) {
      StringBuilder b =
          new StringBuilder(
              "after upgrading to the heads, the database differs from "
                  + r.config().schema().orElseThrow().describe()
                  + "; the migration that is missing ("
                  + "'retort revision --autogenerate' writes it) would:");
      for (SchemaDiff.Step s : d.upgrade()) {
        b.append("\n  ").append(s.description());
        s.statements().forEach(sql -> b.append("\n      ").append(sql).append(';'));
      }
      d.renameWarnings().forEach(w -> b.append("\n  note: ").append(w));
      Assertions.fail(b.toString());
    }
  }

  /**
   * Each revision's downgrade leaves the schema exactly as it was before its upgrade: walking the
   * history from empty, each revision is upgraded, downgraded, the schema compared with the one
   * before (by inspection, as {@code check} compares), and upgraded again. Revisions in {@link
   * RetortTest#skipRevisions()}, and the minimum downgrade revision and those below it, are
   * upgraded but not downgraded. Data hooks run around each first upgrade.
   */
  public void upDownConsistency() {
    reset();
    Retort retort = runner.retort();
    List<RevisionInfo> order = runner.revisions();
    Set<String> notDown = notDowngraded(retort, order);
    for (RevisionInfo r : order) {
      runner.hooks().before(r.id());
      Schema before = notDown.contains(r.id()) ? null : retort.inspect();
      upgradeExactly(r, "walking up");
      runner.hooks().after(r.id());
      if (before == null) {
        continue;
      }
      downgradeExactly(retort, r);
      Schema after = retort.inspect();
      SchemaDiff back = retort.compare(after, before);
      if (!back.isEmpty()) {
        Assertions.fail(
            "revision "
                + label(r)
                + ": its downgrade does not leave the schema as it"
                + " was before its upgrade; to get back there it would take:"
                + steps(back)
                + "\nFix the downgrade, or name the revision in @RetortTest(skipRevisions = ...) if"
                + " that is meant");
      }
      upgradeExactly(r, "upgrading again after its downgrade");
    }
  }

  /**
   * Upgrading to the heads and downgrading to base (or to {@link
   * RetortTest#minimumDowngradeRevision()}) leaves the database as it was there: no table, column,
   * index, constraint, type or sequence left behind, no version row.
   */
  public void downgradeLeavesNoTrace() {
    reset();
    Retort retort = runner.retort();
    String floor = runner.minimumDowngradeRevision().map(m -> retort.show(m).id()).orElse("base");
    if (!floor.equals("base")) {
      retort(() -> retort.upgrade(floor), "upgrading to the minimum downgrade revision " + floor);
    }
    Set<String> rows = new TreeSet<>(retort.current());
    Schema start = retort.inspect();
    retort(() -> retort.upgrade("heads"), "upgrading to the heads");
    retort(() -> retort.downgrade(floor), "downgrading from the heads to " + floor);
    SchemaDiff left = retort.compare(retort.inspect(), start);
    if (!left.isEmpty()) {
      Assertions.fail(
          "upgrading to the heads and downgrading to "
              + floor
              + " leaves traces; "
              + "to remove them it would take:"
              + steps(left));
    }
    Assertions.assertEquals(
        rows,
        new TreeSet<>(retort.current()),
        "after downgrading to " + floor + ", the version table should be as before");
  }

  private Set<String> notDowngraded(Retort retort, List<RevisionInfo> order) {
    Set<String> ids = new HashSet<>();
    for (String skip : runner.settings().skipRevisions()) {
      ids.add(retort(() -> retort.show(skip), "reading @RetortTest(skipRevisions)").id());
    }
    runner
        .minimumDowngradeRevision()
        .ifPresent(
            min ->
                ids.addAll(
                    Walk.atOrBelow(
                        order,
                        retort(
                                () -> retort.show(min),
                                "reading @RetortTest(minimumDowngradeRevision)")
                            .id())));
    return ids;
  }

  /** Upgrades to {@code r}, which must be the one revision missing below it. */
  private void upgradeExactly(RevisionInfo r, String while_) {
    RunResult result =
        retort(() -> runner.retort().upgrade(r.id()), while_ + ", the upgrade to " + label(r));
    List<String> ran = result.steps().stream().map(RunResult.Step::revision).toList();
    if (!ran.equals(List.of(r.id()))) {
      Assertions.fail(
          "the kit expected upgrading to "
              + r.id()
              + " to run that revision alone, "
              + "but it ran "
              + ran
              + ": a revision below it was not applied before");
    }
  }

  /**
   * Downgrades {@code r} alone: {@code R@-1}, one step down on the branch {@code r} heads, which is
   * checked to plan exactly {@code r} before it runs.
   */
  private void downgradeExactly(Retort retort, RevisionInfo r) {
    String target = r.id() + "@-1";
    List<String> plan = retort.downgradePlan(target).stream().map(RevisionInfo::id).toList();
    if (!plan.equals(List.of(r.id()))) {
      Assertions.fail(
          "the kit cannot downgrade revision "
              + r.id()
              + " alone: 'downgrade "
              + target
              + "' would take down "
              + plan);
    }
    retort(() -> retort.downgrade(target), "walking up, the downgrade of " + label(r));
  }

  private void reset() {
    retort(
        () -> {
          runner.reset();
          return null;
        },
        "emptying the test database");
  }

  private static String label(RevisionInfo r) {
    return r.id() + (r.message().isEmpty() ? "" : " (" + r.message() + ")");
  }

  private static String steps(SchemaDiff d) {
    StringBuilder b = new StringBuilder();
    for (SchemaDiff.Step s : d.upgrade()) {
      b.append("\n  ").append(s.description());
      s.statements().forEach(sql -> b.append("\n      ").append(sql).append(';'));
    }
    return b.toString();
  }

  private String where() {
    return runner
        .retort()
        .config()
        .migrationsOnClasspath()
        .map(l -> "classpath:" + l)
        .orElse(runner.retort().config().migrations().toString());
  }

  /** Runs {@code work}; what Retort refuses fails the check with its message and the run so far. */
  private <T> T retort(Supplier<T> work, String doing) {
    int seen = runner.progress().size();
    try {
      return work.get();
    } catch (RetortException e) {
      List<String> ran = runner.progress().subList(seen, runner.progress().size());
      throw new AssertionError(
          doing
              + " failed"
              + (ran.isEmpty() ? "" : " (after: " + String.join("; ", ran) + ")")
              + ":\n"
              + e.getMessage(),
          e);
    }
  }
}
