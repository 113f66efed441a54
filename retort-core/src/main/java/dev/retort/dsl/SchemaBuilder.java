package dev.retort.dsl;

import dev.retort.diff.DiffOptions;
import dev.retort.ops.SequenceBuilder;
import dev.retort.ops.TableBuilder;
import dev.retort.schema.ColumnType;
import dev.retort.schema.EnumType;
import dev.retort.schema.Extension;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects the tables of a {@link SchemaDefinition}, with the rename hints that tell autogenerate a
 * table or column was renamed rather than dropped and added, and, on PostgreSQL, the extensions,
 * enum types and sequences they use.
 *
 * <pre>{@code
 * s.extension("citext");
 * ColumnType mood = s.enumType("mood", "sad", "ok", "happy");
 * s.sequence("order_no", q -> q.start(1000).increment(10));
 * s.table("orders", t -> {
 *   t.column("no", bigint()).notNull().defaultExpr("nextval('order_no'::regclass)");
 *   t.column("mood", mood);
 *   t.column("email", raw("citext"));
 * });
 * }</pre>
 */
public final class SchemaBuilder {
  private final String dialect;
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, EnumType> enums = new LinkedHashMap<>();
  private final Map<String, Sequence> sequences = new LinkedHashMap<>();
  private final Map<String, Extension> extensions = new LinkedHashMap<>();
  private final Map<String, String> tableRenames = new HashMap<>();
  private final Map<String, String> columnRenames = new HashMap<>();

  /**
   * A builder for a schema meant for the named dialect ({@code postgresql}, {@code sqlite}, {@code
   * mysql}).
   */
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

  /**
   * Declares an enum type whose values sort in the order given, and returns the column type that
   * uses it. PostgreSQL only.
   */
  public ColumnType enumType(String name, String... values) {
    postgresOnly("enum type " + name);
    if (enums.containsKey(name)) {
      throw new IllegalArgumentException("enum type " + name + " is declared twice");
    }
    enums.put(name, new EnumType(QualifiedName.parse(name), List.of(values)));
    return ColumnType.raw(name);
  }

  /** Declares a sequence, described as {@code createSequence} describes one. PostgreSQL only. */
  public void sequence(String name, Consumer<SequenceBuilder> spec) {
    postgresOnly("sequence " + name);
    if (sequences.containsKey(name)) {
      throw new IllegalArgumentException("sequence " + name + " is declared twice");
    }
    sequences.put(name, SequenceBuilder.sequence(name, spec));
  }

  /** Declares a sequence with every option at its default. PostgreSQL only. */
  public void sequence(String name) {
    sequence(name, q -> {});
  }

  /**
   * Declares an extension the schema needs, installed into the current schema. PostgreSQL only; the
   * database user must be allowed to create it.
   */
  public void extension(String name) {
    postgresOnly("extension " + name);
    extensions.put(name, Extension.of(name));
  }

  private void postgresOnly(String what) {
    if (!isPostgres()) {
      throw new IllegalStateException(
          what
              + ": only PostgreSQL has these, and the schema is being "
              + "built for "
              + dialect
              + "; declare it under if (s.isPostgres())");
    }
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
    return new Schema(
        new ArrayList<>(tables.values()),
        new ArrayList<>(enums.values()),
        List.of(),
        new ArrayList<>(sequences.values()),
        new ArrayList<>(extensions.values()));
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
