package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * A database schema as Retort models it: what an inspector reads from a live database and what a
 * schema source (the Java DSL, a desired-state SQL file) declares, so that the two can be diffed.
 *
 * @param tables the tables, each with its columns, keys, constraints and indexes
 */
public record Schema(List<Table> tables) {
  public Schema {
    tables = List.copyOf(tables);
  }

  /** The table with this name, if the schema has it. */
  public Optional<Table> table(QualifiedName name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
