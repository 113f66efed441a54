package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table with its columns and constraints. Indexes are listed too, so that a table value can be
 * dropped and recreated exactly.
 *
 * <p>{@code options} are the table options of MySQL and MariaDB ({@code ENGINE}, {@code CHARSET},
 * {@code COLLATE}, {@code ROW_FORMAT}, ...; see {@link TableOptions}), and on PostgreSQL a
 * partitioned table's key ({@code PARTITION_BY}: {@code RANGE (created_at)}) or the tables it
 * inherits from ({@code INHERITS}: {@code base, other}; then {@code columns} are its own only, and
 * may be none); SQLite has none and leaves them out. Indexes and unique constraints are listed in
 * the order the database lists them, which on MySQL is the order they were created in.
 */
public record Table(
    QualifiedName name,
    List<Column> columns,
    Optional<PrimaryKey> primaryKey,
    List<ForeignKey> foreignKeys,
    List<UniqueConstraint> uniques,
    List<CheckConstraint> checks,
    List<Index> indexes,
    Optional<String> comment,
    Map<String, String> options) {

  public Table {
    requireNonNull(name, "name");
    requireNonNull(primaryKey, "primaryKey");
    requireNonNull(comment, "comment");
    options = TableOptions.copy(options);
    columns = List.copyOf(columns);
    foreignKeys = List.copyOf(foreignKeys);
    uniques = List.copyOf(uniques);
    checks = List.copyOf(checks);
    indexes = List.copyOf(indexes);
    if (columns.isEmpty() && !options.containsKey(TableOptions.INHERITS)) {
      throw new IllegalArgumentException("table " + name + " needs at least one column");
    }
  }

  /** A table without options: what the database gives a table that states none. */
  public Table(
      QualifiedName name,
      List<Column> columns,
      Optional<PrimaryKey> primaryKey,
      List<ForeignKey> foreignKeys,
      List<UniqueConstraint> uniques,
      List<CheckConstraint> checks,
      List<Index> indexes,
      Optional<String> comment) {
    this(name, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment, Map.of());
  }

  /** The column with this name, if the table has one. */
  public Optional<Column> column(String columnName) {
    // indexed, not a stream or an iterator: bench/README.md, "Records' equals"
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return Optional.of(columns.get(i));
      }
    }
    return Optional.empty();
  }

  public Table withName(QualifiedName n) {
    return new Table(
        n,
        columns,
        primaryKey,
        foreignKeys,
        uniques,
        checks,
        indexes.stream().map(i -> i.withTable(n)).toList(),
        comment,
        options);
  }

  public Table withColumns(List<Column> c) {
    return new Table(name, c, primaryKey, foreignKeys, uniques, checks, indexes, comment, options);
  }

  public Table withPrimaryKey(Optional<PrimaryKey> pk) {
    return new Table(name, columns, pk, foreignKeys, uniques, checks, indexes, comment, options);
  }

  public Table withForeignKeys(List<ForeignKey> fks) {
    return new Table(name, columns, primaryKey, fks, uniques, checks, indexes, comment, options);
  }

  public Table withUniques(List<UniqueConstraint> u) {
    return new Table(name, columns, primaryKey, foreignKeys, u, checks, indexes, comment, options);
  }

  public Table withChecks(List<CheckConstraint> c) {
    return new Table(name, columns, primaryKey, foreignKeys, uniques, c, indexes, comment, options);
  }

  public Table withIndexes(List<Index> i) {
    return new Table(name, columns, primaryKey, foreignKeys, uniques, checks, i, comment, options);
  }

  public Table withComment(Optional<String> c) {
    return new Table(name, columns, primaryKey, foreignKeys, uniques, checks, indexes, c, options);
  }

  /** The same table with other options ({@link TableOptions}). */
  public Table withOptions(Map<String, String> o) {
    return new Table(name, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment, o);
  }

  /** The same table with one column replaced (matched by {@code oldName}). */
  public Table replaceColumn(String oldName, Column replacement) {
    List<Column> out = new ArrayList<>();
    for (Column c : columns) {
      out.add(c.name().equals(oldName) ? replacement : c);
    }
    return withColumns(out);
  }
}
