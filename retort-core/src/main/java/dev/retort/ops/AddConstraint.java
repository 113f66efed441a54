package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.Constraint;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/** Adds a named constraint (foreign key, unique, check, primary key) to an existing table. */
public record AddConstraint(QualifiedName table, Constraint constraint) implements Op {
  public AddConstraint {
    requireNonNull(table, "table");
    requireNonNull(constraint, "constraint");
  }

  @Override
  public DropConstraint reverse() {
    String name = constraint.name().orElseThrow(() -> new IrreversibleOperationException(
        describe() + " cannot be reversed: the constraint has no name to drop it by"));
    return new DropConstraint(table, name, Optional.of(constraint));
  }

  @Override
  public String describe() {
    String kind = constraint.getClass().getSimpleName();
    return "add " + kind + constraint.name().map(n -> " " + n).orElse("") + " on " + table;
  }
}
