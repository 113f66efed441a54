package dev.retort.runtime;

import static java.util.Objects.requireNonNull;

import dev.retort.script.Revision;
import java.util.Set;

/**
 * One migration to run in one direction, with the version rows before and after it.
 *
 * @param revision the migration
 * @param direction up or down
 * @param rowsBefore the version table before the step
 * @param rowsAfter the version table after the step
 */
public record Step(
    Revision revision, Direction direction, Set<String> rowsBefore, Set<String> rowsAfter) {
  public Step {
    requireNonNull(revision, "revision");
    requireNonNull(direction, "direction");
    rowsBefore = Step.ordered(rowsBefore);
    rowsAfter = Step.ordered(rowsAfter);
  }

  /** Alembic-style description: {@code upgrade 1a2b -> bc31, message}. */
  public String describe() {
    Revision r = revision;
    String parents = String.join(", ", r.parents());
    String arrow =
        direction == Direction.UP
            ? parents + " -> " + r.id()
            : r.id() + " -> " + (parents.isEmpty() ? "base" : parents);
    return (direction == Direction.UP ? "upgrade " : "downgrade ")
        + arrow.strip()
        + (r.message().isEmpty() ? "" : ", " + r.message());
  }

  /**
   * An unmodifiable copy in the given order. Not {@code Set.copyOf}, whose iteration order changes
   * from one JVM to the next: the version rows are written in this order, and an offline script
   * must come out the same every time.
   */
  static Set<String> ordered(Set<String> rows) {
    return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(rows));
  }
}
