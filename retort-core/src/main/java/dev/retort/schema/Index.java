package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An index on a table.
 *
 * @param name the index name
 * @param table the indexed table
 * @param parts the keys, in order: columns or expressions, each with its sort order
 * @param unique whether the index enforces uniqueness
 * @param where the predicate of a partial index, as SQL, if any
 * @param method the access method ({@code btree}, {@code gin}, {@code gist}, {@code hash}, {@code
 *     brin}, ...); empty for the database's default
 * @param include non-key columns stored in the index (PostgreSQL {@code INCLUDE}, for index-only
 *     scans)
 */
public record Index(
    String name,
    QualifiedName table,
    List<IndexPart> parts,
    boolean unique,
    Optional<String> where,
    Optional<String> method,
    List<String> include) {

  /** Method names are rendered as written, so only plain names are accepted. */
  private static final Pattern METHOD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public Index {
    requireNonNull(name, "name");
    requireNonNull(table, "table");
    requireNonNull(where, "where");
    requireNonNull(method, "method");
    parts = List.copyOf(parts);
    include = List.copyOf(include);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " needs at least one column");
    }
    method.ifPresent(
        m -> {
          if (!METHOD.matcher(m).matches()) {
            throw new IllegalArgumentException(
                "index " + name + ": method " + m + " is not a plain name");
          }
        });
  }

  /**
   * A plain index on columns, in the default order and method: the original form of this record.
   */
  public Index(
      String name,
      QualifiedName table,
      List<String> columns,
      boolean unique,
      Optional<String> where) {
    this(
        name,
        table,
        columns.stream().map(IndexPart::column).toList(),
        unique,
        where,
        Optional.empty(),
        List.of());
  }

  /**
   * The names of the key columns, in order; expression keys are left out, so this is the list of
   * columns whose rename or drop concerns the index.
   */
  public List<String> columns() {
    return parts.stream().flatMap(p -> p.columnName().stream()).toList();
  }

  /** Whether any key is an expression. */
  public boolean hasExpressions() {
    return parts.stream().anyMatch(IndexPart::expression);
  }

  /** The same index on a renamed table. */
  public Index withTable(QualifiedName t) {
    return new Index(name, t, parts, unique, where, method, include);
  }

  public Index withParts(List<IndexPart> p) {
    return new Index(name, table, p, unique, where, method, include);
  }

  public Index withWhere(Optional<String> w) {
    return new Index(name, table, parts, unique, w, method, include);
  }
}
