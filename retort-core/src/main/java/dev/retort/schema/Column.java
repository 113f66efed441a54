package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One column of a table.
 *
 * @param name the column name
 * @param type its type
 * @param nullable whether it accepts NULL
 * @param defaultValue the server default, if any
 * @param autoIncrement whether the database generates its values (identity, serial, AUTOINCREMENT)
 * @param comment the column comment, if any
 */
public record Column(
    String name,
    ColumnType type,
    boolean nullable,
    Optional<DefaultValue> defaultValue,
    boolean autoIncrement,
    Optional<String> comment) {

  public Column {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(defaultValue, "defaultValue");
    requireNonNull(comment, "comment");
  }

  /** A nullable column with no default. */
  public static Column of(String name, ColumnType type) {
    return new Column(name, type, true, Optional.empty(), false, Optional.empty());
  }

  public Column withName(String n) {
    return new Column(n, type, nullable, defaultValue, autoIncrement, comment);
  }

  public Column withType(ColumnType t) {
    return new Column(name, t, nullable, defaultValue, autoIncrement, comment);
  }

  public Column withNullable(boolean n) {
    return new Column(name, type, n, defaultValue, autoIncrement, comment);
  }

  public Column withDefault(Optional<DefaultValue> d) {
    return new Column(name, type, nullable, d, autoIncrement, comment);
  }

  public Column withAutoIncrement(boolean a) {
    return new Column(name, type, nullable, defaultValue, a, comment);
  }

  public Column withComment(Optional<String> c) {
    return new Column(name, type, nullable, defaultValue, autoIncrement, c);
  }
}
