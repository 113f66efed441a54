package dev.retort.ops;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Describes a table for {@link Operations#createTable}:
 *
 * <pre>{@code
 * op.createTable("goal", t -> {
 *   t.column("id", integer()).primaryKey().autoIncrement();
 *   t.column("user_id", integer()).notNull().references("user", "id").onDelete(CASCADE);
 *   t.column("title", varchar(200)).notNull();
 *   t.column("done", bool()).notNull().defaultValue(false);
 *   t.index("ix_goal_user_id", "user_id");
 * });
 * }</pre>
 */
public final class TableBuilder {
  private final QualifiedName name;
  private final List<ColumnBuilder> columns = new ArrayList<>();
  private final List<ForeignKeyBuilder> foreignKeys = new ArrayList<>();
  private final List<UniqueConstraint> uniques = new ArrayList<>();
  private final List<CheckConstraint> checks = new ArrayList<>();
  private final List<Index> indexes = new ArrayList<>();
  private PrimaryKey primaryKey;
  private String comment;
  private final java.util.Map<String, String> options = new java.util.TreeMap<>();

  TableBuilder(QualifiedName name) {
    this.name = name;
  }

  /**
   * A table described the same way {@code createTable} describes one, for schema definitions:
   * {@code TableBuilder.table("users", t -> t.column("id", integer()).primaryKey())}.
   */
  public static Table table(String name, java.util.function.Consumer<TableBuilder> spec) {
    TableBuilder b = new TableBuilder(QualifiedName.parse(name));
    spec.accept(b);
    return b.build();
  }

  String tableName() {
    return name.name();
  }

  /** Adds a column; refine it with the returned builder. */
  public ColumnBuilder column(String columnName, ColumnType type) {
    ColumnBuilder c = new ColumnBuilder(this, columnName, type);
    columns.add(c);
    return c;
  }

  /** A primary key over several columns (for one column, {@link ColumnBuilder#primaryKey()}). */
  public TableBuilder primaryKey(String... keyColumns) {
    primaryKey = PrimaryKey.of(keyColumns);
    return this;
  }

  /**
   * A primary key with a name of its own (where the database's default name will not do): {@code
   * t.namedPrimaryKey("pk_memberships", "user_id", "group_id")}.
   */
  public TableBuilder namedPrimaryKey(String constraintName, String... keyColumns) {
    primaryKey = new PrimaryKey(Optional.of(constraintName), List.of(keyColumns));
    return this;
  }

  /**
   * A named foreign key over {@code keyColumns}; say what it references on the returned builder.
   */
  public ForeignKeyBuilder foreignKey(String constraintName, String... keyColumns) {
    ForeignKeyBuilder fk = new ForeignKeyBuilder(constraintName, List.of(keyColumns));
    foreignKeys.add(fk);
    return fk;
  }

  /** A named unique constraint. */
  public TableBuilder unique(String constraintName, String... uniqueColumns) {
    uniques.add(new UniqueConstraint(Optional.of(constraintName), List.of(uniqueColumns)));
    return this;
  }

  /** A named check constraint; {@code expression} is SQL. */
  public TableBuilder check(String constraintName, String expression) {
    checks.add(new CheckConstraint(Optional.of(constraintName), expression));
    return this;
  }

  /** An index created with the table. */
  public TableBuilder index(String indexName, String... indexColumns) {
    indexes.add(new Index(indexName, name, List.of(indexColumns), false, Optional.empty()));
    return this;
  }

  /**
   * An index created with the table, described by {@code spec} (keys, order, method, predicate);
   * {@link IndexBuilder#concurrently()} is refused here, as the table is new.
   */
  public TableBuilder index(String indexName, Consumer<IndexBuilder> spec) {
    IndexBuilder b = new IndexBuilder();
    spec.accept(b);
    if (b.isConcurrently()) {
      throw new IllegalArgumentException(
          "index "
              + indexName
              + ": concurrently() does not apply "
              + "to an index created with its table");
    }
    indexes.add(b.build(indexName, name));
    return this;
  }

  /** A unique index created with the table. */
  public TableBuilder uniqueIndex(String indexName, String... indexColumns) {
    indexes.add(new Index(indexName, name, List.of(indexColumns), true, Optional.empty()));
    return this;
  }

  /** A table comment. */
  public TableBuilder comment(String text) {
    comment = text;
    return this;
  }

  /**
   * A table option of MySQL and MariaDB, such as {@code option("ENGINE", "InnoDB")} or {@code
   * option("ROW_FORMAT", "DYNAMIC")} ({@link dev.retort.schema.TableOptions}); on PostgreSQL,
   * {@code option("PARTITION_BY", "RANGE (created_at)")} makes a partitioned table (its partitions
   * are {@code op.createObject(PARTITION, ...)}). SQLite has none and leaves it out.
   */
  public TableBuilder option(String name, String value) {
    options.put(name, value);
    return this;
  }

  Table build() {
    List<Column> cols = new ArrayList<>();
    List<String> pkColumns = new ArrayList<>();
    List<UniqueConstraint> allUniques = new ArrayList<>();
    for (ColumnBuilder c : columns) {
      Column col = c.build();
      cols.add(col);
      if (c.isPrimaryKey()) {
        pkColumns.add(col.name());
      }
      if (c.isUnique()) {
        allUniques.add(
            new UniqueConstraint(
                Optional.of(name.name() + "_" + col.name() + "_key"), List.of(col.name())));
      }
    }
    allUniques.addAll(uniques);
    Optional<PrimaryKey> pk = Optional.ofNullable(primaryKey);
    if (!pkColumns.isEmpty()) {
      if (pk.isPresent()) {
        throw new IllegalStateException(
            "table "
                + name
                + " declares its primary key twice: on columns "
                + pkColumns
                + " and "
                + pk.get().columns());
      }
      pk = Optional.of(new PrimaryKey(Optional.empty(), pkColumns));
    }
    for (ForeignKeyBuilder fk : foreignKeys) {
      if (fk.isNotValid()) {
        throw new IllegalArgumentException(
            "table "
                + name
                + ": notValid() applies to a foreign "
                + "key added to an existing table (createForeignKey), not to one in createTable");
      }
    }
    List<ForeignKey> fks = foreignKeys.stream().map(ForeignKeyBuilder::build).toList();
    return new Table(
        name, cols, pk, fks, allUniques, checks, indexes, Optional.ofNullable(comment), options);
  }
}
