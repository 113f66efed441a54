package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A foreign key from {@code columns} of its table to {@code referencedColumns} of {@code
 * referencedTable}.
 *
 * @param deferrable whether a transaction may postpone the check ({@code SET CONSTRAINTS ...
 *     DEFERRED}); PostgreSQL checks a non-deferrable key after each statement
 * @param initiallyDeferred whether the check waits for COMMIT unless a transaction says otherwise;
 *     only a deferrable key can be (PostgreSQL refuses INITIALLY DEFERRED without DEFERRABLE)
 * @param matchFull whether a key of several columns must be all NULL or all set ({@code MATCH
 *     FULL}); otherwise ({@code MATCH SIMPLE}, the default) one NULL column exempts the row. Only
 *     PostgreSQL keeps it: MySQL, MariaDB and SQLite parse the clause and ignore it
 */
public record ForeignKey(
    Optional<String> name,
    List<String> columns,
    QualifiedName referencedTable,
    List<String> referencedColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate,
    boolean deferrable,
    boolean initiallyDeferred,
    boolean matchFull)
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
              + columns
              + " -> "
              + referencedColumns);
    }
    if (initiallyDeferred && !deferrable) {
      throw new IllegalArgumentException(
          "foreign key "
              + name.orElse(columns.toString())
              + " is initially deferred, so it must be deferrable");
    }
  }

  /** A key that matches simply ({@code MATCH SIMPLE}, every database's default). */
  public ForeignKey(
      Optional<String> name,
      List<String> columns,
      QualifiedName referencedTable,
      List<String> referencedColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate,
      boolean deferrable,
      boolean initiallyDeferred) {
    this(
        name,
        columns,
        referencedTable,
        referencedColumns,
        onDelete,
        onUpdate,
        deferrable,
        initiallyDeferred,
        false);
  }

  /** A key checked immediately: the original form of this record. */
  public ForeignKey(
      Optional<String> name,
      List<String> columns,
      QualifiedName referencedTable,
      List<String> referencedColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate) {
    this(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, false, false);
  }

  /** The same key pointing at a renamed table. */
  public ForeignKey withReferencedTable(QualifiedName table) {
    return new ForeignKey(
        name,
        columns,
        table,
        referencedColumns,
        onDelete,
        onUpdate,
        deferrable,
        initiallyDeferred,
        matchFull);
  }

  /** The same key on other columns of its table (after a rename). */
  public ForeignKey withColumns(List<String> c) {
    return new ForeignKey(
        name,
        c,
        referencedTable,
        referencedColumns,
        onDelete,
        onUpdate,
        deferrable,
        initiallyDeferred,
        matchFull);
  }

  /** The same key matching simply: where a database has no {@code MATCH FULL}. */
  public ForeignKey withoutMatchFull() {
    return new ForeignKey(
        name,
        columns,
        referencedTable,
        referencedColumns,
        onDelete,
        onUpdate,
        deferrable,
        initiallyDeferred,
        false);
  }
}
