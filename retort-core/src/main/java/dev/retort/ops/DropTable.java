package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.util.Optional;

/** Drops a table; with its definition, the drop can be reversed. */
public record DropTable(QualifiedName name, Optional<Table> definition) implements Op {
  public DropTable {
    requireNonNull(name, "name");
    requireNonNull(definition, "definition");
  }

  @Override
  public CreateTable reverse() {
    return new CreateTable(definition.orElseThrow(() -> new IrreversibleOperationException(
        describe() + " cannot be reversed: it does not carry the table's definition")));
  }

  @Override
  public String describe() {
    return "drop table " + name;
  }
}
