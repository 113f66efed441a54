package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Identity;
import java.util.Optional;

/**
 * What an {@link AlterColumn} knows of a column on one side of the change: its name, and each
 * aspect that was said. An aspect left empty is not known, except the default and the comment of a
 * side whose {@link ColumnChange#DEFAULT} or {@link ColumnChange#COMMENT} changes, where empty
 * means none.
 *
 * @param name the column's name on this side
 * @param type the type
 * @param nullable whether it accepts NULL
 * @param defaultValue the server default
 * @param collation the collation ({@code "default"}: the database's)
 * @param identity how values are generated
 * @param comment the comment
 * @param onUpdate MySQL's {@code ON UPDATE} expression (when {@link ColumnChange#ON_UPDATE}
 *     changes, empty means none)
 */
public record ColumnState(
    String name,
    Optional<ColumnType> type,
    Optional<Boolean> nullable,
    Optional<DefaultValue> defaultValue,
    Optional<String> collation,
    Optional<Identity> identity,
    Optional<String> comment,
    Optional<String> onUpdate) {

  public ColumnState {
    requireNonNull(onUpdate, "onUpdate");
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(nullable, "nullable");
    requireNonNull(defaultValue, "defaultValue");
    requireNonNull(collation, "collation");
    requireNonNull(identity, "identity");
    requireNonNull(comment, "comment");
  }

  /** A side of a change that does not concern {@code ON UPDATE}. */
  public ColumnState(
      String name,
      Optional<ColumnType> type,
      Optional<Boolean> nullable,
      Optional<DefaultValue> defaultValue,
      Optional<String> collation,
      Optional<Identity> identity,
      Optional<String> comment) {
    this(name, type, nullable, defaultValue, collation, identity, comment, Optional.empty());
  }

  /** A column of which only the name is known. */
  public static ColumnState named(String name) {
    return new ColumnState(
        name,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public ColumnState withName(String n) {
    return new ColumnState(n, type, nullable, defaultValue, collation, identity, comment, onUpdate);
  }

  public ColumnState withType(Optional<ColumnType> t) {
    return new ColumnState(name, t, nullable, defaultValue, collation, identity, comment, onUpdate);
  }

  public ColumnState withNullable(Optional<Boolean> n) {
    return new ColumnState(name, type, n, defaultValue, collation, identity, comment, onUpdate);
  }

  public ColumnState withDefault(Optional<DefaultValue> d) {
    return new ColumnState(name, type, nullable, d, collation, identity, comment, onUpdate);
  }

  public ColumnState withCollation(Optional<String> c) {
    return new ColumnState(name, type, nullable, defaultValue, c, identity, comment, onUpdate);
  }

  public ColumnState withIdentity(Optional<Identity> i) {
    return new ColumnState(name, type, nullable, defaultValue, collation, i, comment, onUpdate);
  }

  public ColumnState withOnUpdate(Optional<String> u) {
    return new ColumnState(name, type, nullable, defaultValue, collation, identity, comment, u);
  }

  public ColumnState withComment(Optional<String> c) {
    return new ColumnState(name, type, nullable, defaultValue, collation, identity, c, onUpdate);
  }
}
