package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * An index on a table.
 *
 * @param name the index name
 * @param table the indexed table
 * @param columns the indexed columns, in order
 * @param unique whether the index enforces uniqueness
 * @param where the predicate of a partial index, as SQL, if any
 */
public record Index(
    String name, QualifiedName table, List<String> columns, boolean unique, Optional<String> where) {
  public Index {
    requireNonNull(name, "name");
    requireNonNull(table, "table");
    requireNonNull(where, "where");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " needs at least one column");
    }
  }

  /** The same index on a renamed table. */
  public Index withTable(QualifiedName t) {
    return new Index(name, t, columns, unique, where);
  }
}
