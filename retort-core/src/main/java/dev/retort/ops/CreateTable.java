package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Table;
import java.util.Optional;

/** Creates a table with its columns, keys and constraints (indexes listed in the table too). */
public record CreateTable(Table table) implements Op {
  public CreateTable {
    requireNonNull(table, "table");
  }

  @Override
  public DropTable reverse() {
    return new DropTable(table.name(), Optional.of(table));
  }

  @Override
  public String describe() {
    return "create table " + table.name();
  }
}
