package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/**
 * Adds a named constraint (foreign key, unique, check, primary key) to an existing table.
 *
 * @param notValid add a foreign key or check without checking the rows already there (PostgreSQL
 *     {@code NOT VALID}, see ALTER TABLE in the manual): new rows are checked at once, and a later
 *     {@code ALTER TABLE ... VALIDATE CONSTRAINT} checks the old ones under a weaker lock. Only
 *     foreign keys and checks can be added so; SQLite refuses it.
 */
public record AddConstraint(QualifiedName table, Constraint constraint, boolean notValid)
    implements Op {
  public AddConstraint {
    requireNonNull(table, "table");
    requireNonNull(constraint, "constraint");
    if (notValid && !(constraint instanceof ForeignKey || constraint instanceof CheckConstraint)) {
      throw new IllegalArgumentException(
          "only a foreign key or a check constraint can be added "
              + "NOT VALID, not a "
              + constraint.getClass().getSimpleName());
    }
  }

  /** A constraint checked against the existing rows: the original form of this record. */
  public AddConstraint(QualifiedName table, Constraint constraint) {
    this(table, constraint, false);
  }

  @Override
  public DropConstraint reverse() {
    String name =
        constraint
            .name()
            .orElseThrow(
                () ->
                    new IrreversibleOperationException(
                        describe()
                            + " cannot be reversed: the constraint has no name to drop it by"));
    return new DropConstraint(table, name, Optional.of(constraint), notValid);
  }

  @Override
  public String describe() {
    String kind = constraint.getClass().getSimpleName();
    return "add "
        + kind
        + constraint.name().map(n -> " " + n).orElse("")
        + " on "
        + table
        + (notValid ? " (not valid)" : "");
  }
}
