package dev.retort;

import dev.retort.runtime.Repair;
import dev.retort.script.RevisionGraph;
import java.util.List;

/**
 * What {@link Retort#repair} did.
 *
 * @param rerecorded applied migrations whose file changed since: their checksums as the files are
 *     now are recorded, so that runs accept them from here on
 * @param cleared dirty migrations whose file was fixed since: no longer dirty, and not applied; the
 *     next upgrade runs each from its first statement
 * @param stillDirty dirty migrations whose file is as it failed: left dirty
 */
public record RepairResult(
    List<RevisionInfo> rerecorded, List<DirtyMigration> cleared, List<DirtyMigration> stillDirty) {
  public RepairResult {
    rerecorded = List.copyOf(rerecorded);
    cleared = List.copyOf(cleared);
    stillDirty = List.copyOf(stillDirty);
  }

  static RepairResult from(RevisionGraph graph, Repair r) {
    return new RepairResult(
        r.changed().keySet().stream().map(id -> RevisionInfo.from(graph, graph.get(id))).toList(),
        r.cleared().stream().map(DirtyMigration::from).toList(),
        r.stillDirty().stream().map(DirtyMigration::from).toList());
  }

  /** Whether there was nothing to repair. */
  public boolean isEmpty() {
    return rerecorded.isEmpty() && cleared.isEmpty();
  }
}
