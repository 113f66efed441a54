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
 * @param sequences the sequences created on their own (PostgreSQL); those behind identity and
 *     serial columns belong to their column and are not listed
 * @param extensions the installed extensions (PostgreSQL), except the built-in {@code plpgsql}
 * @param unmodelled what the source holds that this model leaves out, one line each such as {@code
 *     base type complex}, so that it can be reported rather than silently dropped; empty where the
 *     source cannot tell
 * @param objects the functions, views, triggers, policies, comments and settings the schema defines
 *     ({@link SchemaObject}); empty when the source does not say (a Java schema definition, JPA
 *     entities), and then a comparison leaves the database's own as they are
 */
public record Schema(
    List<Table> tables,
    List<EnumType> enums,
    List<Domain> domains,
    List<Sequence> sequences,
    List<Extension> extensions,
    List<String> unmodelled,
    Optional<List<SchemaObject>> objects) {
  public Schema {
    tables = List.copyOf(tables);
    enums = List.copyOf(enums);
    domains = List.copyOf(domains);
    sequences = List.copyOf(sequences);
    extensions = List.copyOf(extensions);
    unmodelled = List.copyOf(unmodelled);
    objects = objects.map(List::copyOf);
  }

  /** A schema that does not say which objects it has. */
  public Schema(
      List<Table> tables,
      List<EnumType> enums,
      List<Domain> domains,
      List<Sequence> sequences,
      List<Extension> extensions,
      List<String> unmodelled) {
    this(tables, enums, domains, sequences, extensions, unmodelled, Optional.empty());
  }

  /** A schema with nothing left out. */
  public Schema(
      List<Table> tables,
      List<EnumType> enums,
      List<Domain> domains,
      List<Sequence> sequences,
      List<Extension> extensions) {
    this(tables, enums, domains, sequences, extensions, List.of());
  }

  /** A schema of tables only. */
  public Schema(List<Table> tables) {
    this(tables, List.of(), List.of());
  }

  /** A schema of tables and enum types. */
  public Schema(List<Table> tables, List<EnumType> enums) {
    this(tables, enums, List.of());
  }

  /** A schema of tables, enum types and domains. */
  public Schema(List<Table> tables, List<EnumType> enums, List<Domain> domains) {
    this(tables, enums, domains, List.of(), List.of());
  }

  /** The table with this name, if the schema has it. */
  public Optional<Table> table(QualifiedName name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** A copy with these tables, everything else kept. */
  public Schema withTables(List<Table> tables) {
    return new Schema(tables, enums, domains, sequences, extensions, unmodelled, objects);
  }

  /** A copy that reports {@code objects} as left out. */
  public Schema withUnmodelled(List<String> objects) {
    return new Schema(tables, enums, domains, sequences, extensions, objects, this.objects);
  }

  /** A copy that defines exactly {@code defined}. */
  public Schema withObjects(List<SchemaObject> defined) {
    return new Schema(
        tables, enums, domains, sequences, extensions, unmodelled, Optional.of(defined));
  }

  /** The objects it defines, none when it does not say. */
  public List<SchemaObject> definedObjects() {
    return objects.orElse(List.of());
  }
}
