package dev.retort.dsl;

import dev.retort.diff.DiffOptions;
import dev.retort.ops.TableBuilder;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects the tables of a {@link SchemaDefinition}, with the rename hints that tell autogenerate
 * a table or column was renamed rather than dropped and added.
 */
public final class SchemaBuilder {
  private final String dialect;
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, String> tableRenames = new HashMap<>();
  private final Map<String, String> columnRenames = new HashMap<>();

  /** A builder for a schema meant for the named dialect ({@code postgresql}, {@code sqlite}, {@code mysql}). */
  public SchemaBuilder(String dialect) {
    this.dialect = dialect;
  }

  /** The dialect the schema is being built for, for the few types that must differ. */
  public String dialect() {
    return dialect;
  }

  /** Whether the schema is being built for SQLite (JSON as text, for instance). */
  public boolean isSqlite() {
    return dialect.equals("sqlite");
  }

  /** Whether the schema is being built for PostgreSQL. */
  public boolean isPostgres() {
    return dialect.equals("postgresql");
  }

  /** Declares a table, described as {@code createTable} describes one. */
  public TableHints table(String name, Consumer<TableBuilder> spec) {
    if (tables.containsKey(name)) {
      throw new IllegalArgumentException("table " + name + " is declared twice");
    }
    tables.put(name, TableBuilder.table(name, spec));
    return new TableHints(name);
  }

  /** Rename hints for one declared table. */
  public final class TableHints {
    private final String table;

    TableHints(String table) {
      this.table = table;
    }

    /** The table was called {@code oldName} in the database: rename it, keeping its rows. */
    public TableHints renamedFrom(String oldName) {
      tableRenames.put(oldName, table);
      return this;
    }

    /** Column {@code column} was called {@code oldName}: rename it, keeping its values. */
    public TableHints columnRenamedFrom(String column, String oldName) {
      columnRenames.put(table + "." + oldName, column);
      return this;
    }
  }

  /** The declared schema. */
  public Schema schema() {
    return new Schema(new ArrayList<>(tables.values()));
  }

  /**
   * The rename hints as diff options. Column hints are keyed by the table's current name, as the
   * differ compares columns after renaming tables.
   */
  public DiffOptions hints() {
    return new DiffOptions(tableRenames, columnRenames);
  }

  /** The tables declared so far, in order. */
  List<Table> tables() {
    return List.copyOf(tables.values());
  }
}
