package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One column of a table.
 *
 * <p>{@code autoIncrement} and {@code identity} say the same thing at two levels of detail and are
 * kept consistent: an auto-increment column without a stated identity kind is {@link
 * Identity#BY_DEFAULT}, and a column with an identity kind is auto-increment.
 *
 * @param name the column name
 * @param type its type
 * @param nullable whether it accepts NULL
 * @param defaultValue the server default, if any
 * @param autoIncrement whether the database generates its values (identity, serial, AUTOINCREMENT)
 * @param comment the column comment, if any
 * @param collation the collation of a text column, if not the database default ({@code "C"}, {@code
 *     "en-x-icu"} on PostgreSQL; {@code NOCASE}, {@code RTRIM} on SQLite)
 * @param identity how values are generated
 * @param onUpdate what MySQL and MariaDB set the column to when its row is updated, as SQL ({@code
 *     ON UPDATE CURRENT_TIMESTAMP}); no other database has it
 */
public record Column(
    String name,
    ColumnType type,
    boolean nullable,
    Optional<DefaultValue> defaultValue,
    boolean autoIncrement,
    Optional<String> comment,
    Optional<String> collation,
    Identity identity,
    Optional<String> onUpdate) {

  public Column {
    requireNonNull(onUpdate, "onUpdate");
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(defaultValue, "defaultValue");
    requireNonNull(comment, "comment");
    requireNonNull(collation, "collation");
    requireNonNull(identity, "identity");
    if (autoIncrement && identity == Identity.NONE) {
      identity = Identity.BY_DEFAULT;
    }
    autoIncrement = identity != Identity.NONE;
  }

  /** A column that keeps its value when its row is updated: every column outside MySQL. */
  public Column(
      String name,
      ColumnType type,
      boolean nullable,
      Optional<DefaultValue> defaultValue,
      boolean autoIncrement,
      Optional<String> comment,
      Optional<String> collation,
      Identity identity) {
    this(
        name,
        type,
        nullable,
        defaultValue,
        autoIncrement,
        comment,
        collation,
        identity,
        Optional.empty());
  }

  /**
   * A column as this record was first written: no collation, identity from {@code autoIncrement}.
   */
  public Column(
      String name,
      ColumnType type,
      boolean nullable,
      Optional<DefaultValue> defaultValue,
      boolean autoIncrement,
      Optional<String> comment) {
    this(
        name,
        type,
        nullable,
        defaultValue,
        autoIncrement,
        comment,
        Optional.empty(),
        autoIncrement ? Identity.BY_DEFAULT : Identity.NONE);
  }

  /** A nullable column with no default. */
  public static Column of(String name, ColumnType type) {
    return new Column(name, type, true, Optional.empty(), false, Optional.empty());
  }

  public Column withName(String n) {
    return new Column(
        n, type, nullable, defaultValue, autoIncrement, comment, collation, identity, onUpdate);
  }

  public Column withType(ColumnType t) {
    return new Column(
        name, t, nullable, defaultValue, autoIncrement, comment, collation, identity, onUpdate);
  }

  public Column withNullable(boolean n) {
    return new Column(
        name, type, n, defaultValue, autoIncrement, comment, collation, identity, onUpdate);
  }

  public Column withDefault(Optional<DefaultValue> d) {
    return new Column(
        name, type, nullable, d, autoIncrement, comment, collation, identity, onUpdate);
  }

  /** Turns generation on ({@link Identity#BY_DEFAULT} unless already ALWAYS) or off. */
  public Column withAutoIncrement(boolean a) {
    return withIdentity(
        !a ? Identity.NONE : identity == Identity.NONE ? Identity.BY_DEFAULT : identity);
  }

  public Column withComment(Optional<String> c) {
    return new Column(
        name, type, nullable, defaultValue, autoIncrement, c, collation, identity, onUpdate);
  }

  public Column withCollation(Optional<String> c) {
    return new Column(
        name, type, nullable, defaultValue, autoIncrement, comment, c, identity, onUpdate);
  }

  public Column withOnUpdate(Optional<String> u) {
    return new Column(
        name, type, nullable, defaultValue, autoIncrement, comment, collation, identity, u);
  }

  public Column withIdentity(Identity i) {
    return new Column(
        name, type, nullable, defaultValue, i != Identity.NONE, comment, collation, i, onUpdate);
  }
}
