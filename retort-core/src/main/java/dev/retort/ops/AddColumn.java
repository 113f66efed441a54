package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/** Adds a column to an existing table. */
public record AddColumn(QualifiedName table, Column column) implements Op {
  public AddColumn {
    requireNonNull(table, "table");
    requireNonNull(column, "column");
  }

  @Override
  public DropColumn reverse() {
    return new DropColumn(table, column.name(), Optional.of(column));
  }

  @Override
  public String describe() {
    return "add column " + table + "." + column.name();
  }
}
