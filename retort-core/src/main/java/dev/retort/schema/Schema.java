package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * A database schema as Retort models it: what an inspector reads from a live database and what a
 * schema source (the Java DSL, a desired-state SQL file) declares, so that the two can be diffed.
 *
 * @param tables the tables, each with its columns, keys, constraints and indexes
 * @param enums the enum types (PostgreSQL)
 * @param domains the domains (PostgreSQL)
 */
public record Schema(List<Table> tables, List<EnumType> enums, List<Domain> domains) {
  public Schema {
    tables = List.copyOf(tables);
    enums = List.copyOf(enums);
    domains = List.copyOf(domains);
  }

  /** A schema of tables only. */
  public Schema(List<Table> tables) {
    this(tables, List.of(), List.of());
  }

  /** A schema of tables and enum types. */
  public Schema(List<Table> tables, List<EnumType> enums) {
    this(tables, enums, List.of());
  }

  /** The same schema with other tables, everything else kept. */
  public Schema withTables(List<Table> t) {
    return new Schema(t, enums, domains);
  }

  /** The table with this name, if the schema has it. */
  public Optional<Table> table(QualifiedName name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
