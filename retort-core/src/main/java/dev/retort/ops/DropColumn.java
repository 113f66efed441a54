package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/** Drops a column; with its definition, the drop can be reversed (the data cannot). */
public record DropColumn(QualifiedName table, String column, Optional<Column> definition)
    implements Op {
  public DropColumn {
    requireNonNull(table, "table");
    requireNonNull(column, "column");
    requireNonNull(definition, "definition");
  }

  @Override
  public AddColumn reverse() {
    return new AddColumn(
        table,
        definition.orElseThrow(
            () ->
                new IrreversibleOperationException(
                    describe()
                        + " cannot be reversed: it does not carry the column's definition")));
  }

  @Override
  public String describe() {
    return "drop column " + table + "." + column;
  }
}
