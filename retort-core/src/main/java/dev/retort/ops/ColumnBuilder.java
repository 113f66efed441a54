package dev.retort.ops;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Identity;
import dev.retort.schema.ReferentialAction;
import java.util.Optional;

/**
 * Describes one column inside {@link TableBuilder} or {@link Operations#addColumn}. Columns are
 * nullable unless {@link #notNull()} or {@link #primaryKey()} says otherwise.
 */
public final class ColumnBuilder {
  private final TableBuilder table;
  private Column column;
  private boolean primaryKey;
  private boolean unique;
  private ForeignKeyBuilder reference;

  ColumnBuilder(TableBuilder table, String name, ColumnType type) {
    this.table = table;
    this.column = Column.of(name, type);
  }

  /** Refuses NULL. */
  public ColumnBuilder notNull() {
    column = column.withNullable(false);
    return this;
  }

  /** Accepts NULL (the default). */
  public ColumnBuilder nullable() {
    column = column.withNullable(true);
    return this;
  }

  /** Makes the column (part of) the table's primary key; implies NOT NULL. */
  public ColumnBuilder primaryKey() {
    primaryKey = true;
    column = column.withNullable(false);
    return this;
  }

  /** Lets the database generate values: identity on PostgreSQL, AUTOINCREMENT on SQLite. */
  public ColumnBuilder autoIncrement() {
    column = column.withAutoIncrement(true);
    return this;
  }

  /**
   * How the database generates values: {@link Identity#ALWAYS} refuses explicit values on
   * PostgreSQL ({@code GENERATED ALWAYS AS IDENTITY}); SQLite can only do {@code BY_DEFAULT}.
   */
  public ColumnBuilder identity(Identity identity) {
    column = column.withIdentity(identity);
    return this;
  }

  /** The column's collation: {@code "C"} on PostgreSQL, {@code NOCASE} on SQLite. */
  public ColumnBuilder collation(String name) {
    column = column.withCollation(Optional.of(name));
    return this;
  }

  /** Adds a unique constraint named {@code <table>_<column>_key}. */
  public ColumnBuilder unique() {
    unique = true;
    return this;
  }

  /** A literal server default; strings are quoted and escaped by the dialect. */
  public ColumnBuilder defaultValue(Object value) {
    column = column.withDefault(Optional.of(DefaultValue.literal(value)));
    return this;
  }

  /** An SQL expression as server default, e.g. {@code CURRENT_TIMESTAMP}. */
  public ColumnBuilder defaultExpr(String sql) {
    column = column.withDefault(Optional.of(DefaultValue.expression(sql)));
    return this;
  }

  /**
   * What MySQL and MariaDB set the column to whenever its row is updated, as SQL: {@code
   * onUpdateExpr("CURRENT_TIMESTAMP")}. Other databases have no such clause and refuse it.
   */
  public ColumnBuilder onUpdateExpr(String sql) {
    column = column.withOnUpdate(Optional.of(sql));
    return this;
  }

  /** A column comment. */
  public ColumnBuilder comment(String text) {
    column = column.withComment(Optional.of(text));
    return this;
  }

  /** A foreign key named {@code <table>_<column>_fkey} to {@code table(column)}. */
  public ColumnBuilder references(String referencedTable, String referencedColumn) {
    if (table == null) {
      throw new IllegalStateException(
          "references() is only available inside createTable; use createForeignKey on an existing table");
    }
    reference =
        table
            .foreignKey(table.tableName() + "_" + column.name() + "_fkey", column.name())
            .references(referencedTable, referencedColumn);
    return this;
  }

  /** The delete action of the foreign key made by {@link #references}. */
  public ColumnBuilder onDelete(ReferentialAction action) {
    requireReference().onDelete(action);
    return this;
  }

  /** The update action of the foreign key made by {@link #references}. */
  public ColumnBuilder onUpdate(ReferentialAction action) {
    requireReference().onUpdate(action);
    return this;
  }

  private ForeignKeyBuilder requireReference() {
    if (reference == null) {
      throw new IllegalStateException("onDelete/onUpdate follow references(table, column)");
    }
    return reference;
  }

  Column build() {
    return column;
  }

  boolean isPrimaryKey() {
    return primaryKey;
  }

  boolean isUnique() {
    return unique;
  }
}
