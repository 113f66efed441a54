package dev.retort.runtime;

import dev.retort.error.UsageException;
import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import java.util.HashMap;
import java.util.Map;

/** What a run may do when the history says a revision was left dirty. */
final class DirtyRevisions {
  private DirtyRevisions() {}

  /**
   * Refuses to run over a dirty revision whose file is unchanged (rerunning would repeat the
   * statements that did run), and resumes a fixed one at the statement that failed.
   */
  static Map<String, Integer> resumePoints(RevisionGraph graph, Map<String, DirtyRevision> dirty,
      Plan plan) {
    Map<String, Integer> resume = new HashMap<>();
    for (DirtyRevision d : dirty.values()) {
      Revision r = graph.find(d.revision()).orElse(null);
      String how = "Fix the migration and run again to resume at statement " + d.failedStatement()
          + ", or repair the database by hand and run 'retort stamp <revision>' to declare where it"
          + " stands.";
      if (r == null) {
        throw new UsageException("revision " + d.revision() + " is dirty (a run failed at statement "
            + d.failedStatement() + " outside a transaction) and its file is gone; repair the "
            + "database by hand, then 'retort stamp <revision>'.");
      }
      if (r.checksum().equals(d.checksum())) {
        throw new UsageException(r.origin() + ": revision " + r.id() + " is dirty: its "
            + ("down".equals(d.direction()) ? "downgrade" : "upgrade") + " failed at statement "
            + d.failedStatement() + " outside a transaction, so the statements before it stay "
            + "applied (" + d.message().lines().findFirst().orElse("") + "). " + how);
      }
      boolean planned = plan.steps().stream().anyMatch(s -> s.revision().id().equals(r.id())
          && s.direction().word().equals(d.direction()));
      if (!planned) {
        throw new UsageException("revision " + r.id() + " is dirty and this run would not resume it; "
            + "run '" + ("down".equals(d.direction()) ? "retort downgrade" : "retort upgrade") + " "
            + r.id() + "' first. " + how);
      }
      resume.put(r.id(), d.failedStatement() - 1);
    }
    return resume;
  }

}
