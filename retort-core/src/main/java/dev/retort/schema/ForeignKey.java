package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A foreign key from {@code columns} of its table to {@code referencedColumns} of {@code
 * referencedTable}.
 */
public record ForeignKey(
    Optional<String> name,
    List<String> columns,
    QualifiedName referencedTable,
    List<String> referencedColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate)
    implements Constraint {

  public ForeignKey {
    requireNonNull(name, "name");
    requireNonNull(referencedTable, "referencedTable");
    requireNonNull(onDelete, "onDelete");
    requireNonNull(onUpdate, "onUpdate");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException(
          "a foreign key needs as many referenced columns as columns, got "
              + columns + " -> " + referencedColumns);
    }
  }

  /** The same key pointing at a renamed table. */
  public ForeignKey withReferencedTable(QualifiedName table) {
    return new ForeignKey(name, columns, table, referencedColumns, onDelete, onUpdate);
  }
}
