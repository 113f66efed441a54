package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changes one column. Each aspect is either unchanged (its {@code new*} value empty) or changed,
 * and every changed aspect carries the existing value, so that {@link #reverse()} is a swap.
 *
 * @param table the table
 * @param column the column's current name
 * @param newName the new name, when renamed
 * @param existingType the current type: needed to reverse a type change, and by dialects that
 *     restate the whole column (MySQL)
 * @param newType the new type, when changed
 * @param existingNullable the current nullability, when known
 * @param newNullable the new nullability, when changed
 * @param changesDefault whether the server default changes
 * @param existingDefault the current default (empty: none), meaningful when {@code changesDefault}
 * @param newDefault the new default (empty: drop it), meaningful when {@code changesDefault}
 */
public record AlterColumn(
    QualifiedName table,
    String column,
    Optional<String> newName,
    Optional<ColumnType> existingType,
    Optional<ColumnType> newType,
    Optional<Boolean> existingNullable,
    Optional<Boolean> newNullable,
    boolean changesDefault,
    Optional<DefaultValue> existingDefault,
    Optional<DefaultValue> newDefault)
    implements Op {

  public AlterColumn {
    requireNonNull(table, "table");
    requireNonNull(column, "column");
    requireNonNull(newName, "newName");
    requireNonNull(existingType, "existingType");
    requireNonNull(newType, "newType");
    requireNonNull(existingNullable, "existingNullable");
    requireNonNull(newNullable, "newNullable");
    requireNonNull(existingDefault, "existingDefault");
    requireNonNull(newDefault, "newDefault");
    if (newName.isEmpty() && newType.isEmpty() && newNullable.isEmpty() && !changesDefault) {
      throw new IllegalArgumentException(
          "alterColumn " + table + "." + column + " changes nothing: give a new type, "
              + "nullability, default or name");
    }
  }

  /** The column's name after this op. */
  public String finalName() {
    return newName.orElse(column);
  }

  /** The column's type after this op, when known. */
  public Optional<ColumnType> finalType() {
    return newType.or(() -> existingType);
  }

  /** The column's nullability after this op, when known. */
  public Optional<Boolean> finalNullable() {
    return newNullable.or(() -> existingNullable);
  }

  @Override
  public AlterColumn reverse() {
    if (newType.isPresent() && existingType.isEmpty()) {
      throw new IrreversibleOperationException(describe()
          + " cannot be reversed: the type change does not say the existing type (existingType)");
    }
    Optional<Boolean> undoNullable = newNullable.map(n -> existingNullable.orElse(!n));
    return new AlterColumn(
        table,
        finalName(),
        newName.map(n -> column),
        finalType(),
        newType.isPresent() ? existingType : Optional.empty(),
        finalNullable(),
        undoNullable,
        changesDefault,
        newDefault,
        existingDefault);
  }

  @Override
  public String describe() {
    List<String> what = new ArrayList<>();
    newName.ifPresent(n -> what.add("rename to " + n));
    newType.ifPresent(t -> what.add("type " + t));
    newNullable.ifPresent(n -> what.add(n ? "null" : "not null"));
    if (changesDefault) {
      what.add(newDefault.isPresent() ? "set default" : "drop default");
    }
    return "alter column " + table + "." + column + " (" + String.join(", ", what) + ")";
  }
}
