package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.QualifiedName;

/**
 * Checks the existing rows against a constraint that was added {@code NOT VALID}, and marks it
 * valid. On a large table this is the second half of adding a constraint without a long lock:
 * {@code VALIDATE CONSTRAINT} takes only a SHARE UPDATE EXCLUSIVE lock, so writes go on while it
 * scans (PostgreSQL manual, "ALTER TABLE", Notes).
 */
public record ValidateConstraint(QualifiedName table, String name) implements Op {
  public ValidateConstraint {
    requireNonNull(table, "table");
    requireNonNull(name, "name");
  }

  /**
   * Always throws: a validated constraint cannot be marked not valid again, and there is nothing to
   * undo, since validation changes no data. A downgrade should simply leave this op out.
   */
  @Override
  public Op reverse() {
    throw new IrreversibleOperationException(
        describe()
            + " cannot be reversed: validation cannot "
            + "be undone and changes nothing to undo; leave it out of the downgrade");
  }

  @Override
  public String describe() {
    return "validate constraint " + name + " on " + table;
  }
}
