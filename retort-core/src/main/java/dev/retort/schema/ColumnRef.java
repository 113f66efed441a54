package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/**
 * One column of one table, as a sequence's owner names it.
 *
 * @param table the table
 * @param column the column's name
 */
public record ColumnRef(QualifiedName table, String column) {
  public ColumnRef {
    requireNonNull(table, "table");
    requireNonNull(column, "column");
  }

  @Override
  public String toString() {
    return table + "." + column;
  }
}
