package dev.retort.diff;

import dev.retort.ops.Op;
import java.util.List;

/**
 * What brings one schema to another.
 *
 * @param ops the changes, in an order where dependencies hold (tables before their foreign keys,
 *     drops in reverse); their reverses, in reverse order, undo them
 * @param renameCandidates drops and adds that may be renames
 * @param unmodelled what the desired side holds that Retort does not model and so left out of the
 *     ops (see {@link dev.retort.schema.Schema#unmodelled()}), to be reported
 */
public record DiffResult(
    List<Op> ops, List<RenameCandidate> renameCandidates, List<String> unmodelled) {
  public DiffResult {
    ops = List.copyOf(ops);
    renameCandidates = List.copyOf(renameCandidates);
    unmodelled = List.copyOf(unmodelled);
  }

  /** A result with nothing left out. */
  public DiffResult(List<Op> ops, List<RenameCandidate> renameCandidates) {
    this(ops, renameCandidates, List.of());
  }

  /**
   * One line for the user about what was left out, such as "schema.sql holds 2 objects Retort does
   * not model, left out: function f(integer), trigger t on users"; empty when nothing was.
   */
  public java.util.Optional<String> unmodelledNote(String source) {
    if (unmodelled.isEmpty()) {
      return java.util.Optional.empty();
    }
    int n = unmodelled.size();
    return java.util.Optional.of(
        source
            + " holds "
            + n
            + (n == 1 ? " object" : " objects")
            + " Retort does not model, which migrations leave out: "
            + String.join(", ", unmodelled));
  }

  public boolean isEmpty() {
    return ops.isEmpty();
  }
}
