package dev.retort.diff;

import dev.retort.ops.Op;
import java.util.List;

/**
 * What brings one schema to another.
 *
 * @param ops the changes, in an order where dependencies hold (tables before their foreign keys,
 *     drops in reverse); their reverses, in reverse order, undo them
 * @param renameCandidates drops and adds that may be renames
 */
public record DiffResult(List<Op> ops, List<RenameCandidate> renameCandidates) {
  public DiffResult {
    ops = List.copyOf(ops);
    renameCandidates = List.copyOf(renameCandidates);
  }

  public boolean isEmpty() {
    return ops.isEmpty();
  }
}
