package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.Constraint;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/**
 * Drops a constraint by name; with its definition, the drop can be reversed.
 *
 * @param restoreNotValid whether the reverse adds the constraint back {@code NOT VALID} (without
 *     checking existing rows), as the {@link AddConstraint} this drop undoes did; the drop itself
 *     does not depend on it
 */
public record DropConstraint(
    QualifiedName table, String name, Optional<Constraint> definition, boolean restoreNotValid)
    implements Op {
  public DropConstraint {
    requireNonNull(table, "table");
    requireNonNull(name, "name");
    requireNonNull(definition, "definition");
  }

  /** A drop whose reverse checks the existing rows: the original form of this record. */
  public DropConstraint(QualifiedName table, String name, Optional<Constraint> definition) {
    this(table, name, definition, false);
  }

  @Override
  public AddConstraint reverse() {
    return new AddConstraint(
        table,
        definition.orElseThrow(
            () ->
                new IrreversibleOperationException(
                    describe()
                        + " cannot be reversed: it does not carry the constraint's definition")),
        restoreNotValid);
  }

  @Override
  public String describe() {
    return "drop constraint " + name + " on " + table;
  }
}
