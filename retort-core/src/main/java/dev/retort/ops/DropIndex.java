package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/** Drops an index by name; with its definition, the drop can be reversed. */
public record DropIndex(QualifiedName table, String name, Optional<Index> definition) implements Op {
  public DropIndex {
    requireNonNull(table, "table");
    requireNonNull(name, "name");
    requireNonNull(definition, "definition");
  }

  @Override
  public CreateIndex reverse() {
    return new CreateIndex(definition.orElseThrow(() -> new IrreversibleOperationException(
        describe() + " cannot be reversed: it does not carry the index definition")));
  }

  @Override
  public String describe() {
    return "drop index " + name + " on " + table;
  }
}
