package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.Constraint;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/** Drops a constraint by name; with its definition, the drop can be reversed. */
public record DropConstraint(QualifiedName table, String name, Optional<Constraint> definition)
    implements Op {
  public DropConstraint {
    requireNonNull(table, "table");
    requireNonNull(name, "name");
    requireNonNull(definition, "definition");
  }

  @Override
  public AddConstraint reverse() {
    return new AddConstraint(table, definition.orElseThrow(() -> new IrreversibleOperationException(
        describe() + " cannot be reversed: it does not carry the constraint's definition")));
  }

  @Override
  public String describe() {
    return "drop constraint " + name + " on " + table;
  }
}
