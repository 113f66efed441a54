package dev.retort.runtime;

import dev.retort.error.UsageException;
import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a run may do when the history says a revision was left dirty. */
final class DirtyRevisions {
  private DirtyRevisions() {}

  /**
   * Where a dirty revision's step resumes.
   *
   * @param skip how many statements ran before the earlier run stopped
   * @param expected their sums, as that run recorded them; empty when it recorded none
   * @param interrupted whether that run was cut off rather than refused
   */
  record Resume(int skip, Optional<List<String>> expected, boolean interrupted) {
    static final Resume NONE = new Resume(0, Optional.empty(), false);
  }

  /**
   * Refuses to run over a dirty revision whose file is unchanged after a refused statement
   * (rerunning would fail the same way), resumes a fixed one at the statement that failed, and a
   * run that was cut off at the statement that was running.
   */
  static Map<String, Resume> resumePoints(
      RevisionGraph graph, Map<String, DirtyRevision> dirty, Plan plan) {
    Map<String, Resume> resume = new HashMap<>();
    for (DirtyRevision d : dirty.values()) {
      Revision r = graph.find(d.revision()).orElse(null);
      String how =
          "Fix the migration and run again to resume at statement "
              + d.failedStatement()
              + ", or repair the database by hand and stamp the revision it then matches, which declares"
              + " where it stands.";
      String verb = d.direction() == Direction.DOWN ? "downgrade" : "upgrade";
      if (r == null) {
        throw new UsageException(
            "revision "
                + d.revision()
                + " is dirty (a run stopped at statement "
                + d.failedStatement()
                + " outside a transaction) and its file is gone; repair the "
                + "database by hand, then stamp the revision it matches.");
      }
      if (!d.interrupted() && r.checksum().equals(d.checksum())) {
        throw new UsageException(
            r.origin()
                + ": revision "
                + r.id()
                + " is dirty: its "
                + verb
                + " failed at statement "
                + d.failedStatement()
                + " outside a transaction, so the "
                + "statements before it stay applied ("
                + d.message().lines().findFirst().orElse("")
                + "). "
                + how);
      }
      boolean planned =
          plan.steps().stream()
              .anyMatch(s -> s.revision().id().equals(r.id()) && s.direction() == d.direction());
      if (!planned) {
        throw new UsageException(
            "revision "
                + r.id()
                + " is dirty ("
                + (d.interrupted()
                    ? "a run was cut off at statement "
                    : "a run failed at statement ")
                + d.failedStatement()
                + ") and this run would not resume it; "
                + verb
                + " to "
                + r.id()
                + " first, or repair the database by hand and stamp the revision it then"
                + " matches.");
      }
      resume.put(r.id(), new Resume(d.failedStatement() - 1, d.applied(), d.interrupted()));
    }
    return resume;
  }
}
