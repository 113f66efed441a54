package dev.retort.runtime;

import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code repair} finds: applied migrations whose file changed since it was applied (their new
 * checksums get recorded, so the change is accepted from now on, which {@code --allow-changed} does
 * for one run only), and dirty revisions whose file was fixed (their dirty state is cleared, so
 * that the next run applies the migration from its first statement: for when the partial changes
 * were repaired by hand).
 *
 * @param changed revision id → the checksum recorded before; each gets the file's checksum now
 * @param cleared the dirty revisions whose file changed since the run that left them dirty
 * @param stillDirty the dirty revisions whose file is as it was: left dirty, as a rerun would fail
 *     the same way
 */
public record Repair(
    Map<String, String> changed, List<DirtyRevision> cleared, List<DirtyRevision> stillDirty) {

  static Repair find(RevisionGraph graph, Set<String> rows, VersionTable.History history) {
    Map<String, String> changed = new java.util.TreeMap<>();
    for (String id : new TreeSet<>(graph.applied(rows))) {
      String sum = history.checksums().get(id);
      Revision r = graph.get(id);
      if (sum != null && !r.checksum().isEmpty() && !sum.equals(r.checksum())) {
        changed.put(id, sum);
      }
    }
    List<DirtyRevision> cleared = new ArrayList<>();
    List<DirtyRevision> still = new ArrayList<>();
    for (DirtyRevision d : history.dirty().values()) {
      boolean fixed =
          graph.find(d.revision()).map(r -> !r.checksum().equals(d.checksum())).orElse(false);
      (fixed ? cleared : still).add(d);
    }
    return new Repair(changed, cleared, still);
  }

  /** Whether there was nothing to repair. */
  public boolean isEmpty() {
    return changed.isEmpty() && cleared.isEmpty();
  }
}
