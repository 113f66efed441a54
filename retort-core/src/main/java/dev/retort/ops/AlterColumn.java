package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Identity;
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
 * @param using how PostgreSQL computes the new value from the old one on a type change ({@code
 *     USING}, see ALTER TABLE in the manual), overriding Retort's own choice of a cast; it names
 *     the column by its final name, because a rename is made first. SQLite copies the table
 *     through it instead.
 * @param reverseUsing the {@code USING} expression of the reverse type change. An expression
 *     cannot be inverted mechanically, so without it the reverse falls back to Retort's own cast
 *     rule (as a type change written without {@code using} does)
 * @param existingCollation the current collation, when the collation changes ({@code "default"},
 *     the database's, when not given)
 * @param newCollation the new collation, when changed; {@code "default"} goes back to the
 *     database's. PostgreSQL changes a collation only together with the type ({@code ALTER COLUMN
 *     .. TYPE .. COLLATE}), so the type must be known: {@code existingType} or {@code newType}
 * @param existingIdentity how values are generated now ({@link Identity#NONE} when an identity is
 *     added and this is not given); needed to reverse the drop of an identity
 * @param newIdentity how values will be generated, when changed
 * @param changesComment whether the column comment changes (PostgreSQL {@code COMMENT ON COLUMN};
 *     SQLite keeps no comments and ignores it)
 * @param existingComment the current comment (empty: none), meaningful when {@code changesComment}
 * @param newComment the new comment (empty: remove it), meaningful when {@code changesComment}
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
    Optional<DefaultValue> newDefault,
    Optional<String> using,
    Optional<String> reverseUsing,
    Optional<String> existingCollation,
    Optional<String> newCollation,
    Optional<Identity> existingIdentity,
    Optional<Identity> newIdentity,
    boolean changesComment,
    Optional<String> existingComment,
    Optional<String> newComment)
    implements Op {

  /** PostgreSQL's name for the database's default collation ("Collation Support" in the manual). */
  public static final String DEFAULT_COLLATION = "default";

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
    requireNonNull(using, "using");
    requireNonNull(reverseUsing, "reverseUsing");
    requireNonNull(existingCollation, "existingCollation");
    requireNonNull(newCollation, "newCollation");
    requireNonNull(existingIdentity, "existingIdentity");
    requireNonNull(newIdentity, "newIdentity");
    requireNonNull(existingComment, "existingComment");
    requireNonNull(newComment, "newComment");
    String what = "alterColumn " + table + "." + column;
    if ((using.isPresent() || reverseUsing.isPresent()) && newType.isEmpty()) {
      throw new IllegalArgumentException(what + ": using(...) applies to a type change; give the "
          + "new type");
    }
    if (newName.isEmpty() && newType.isEmpty() && newNullable.isEmpty() && !changesDefault
        && newCollation.isEmpty() && newIdentity.isEmpty() && !changesComment) {
      throw new IllegalArgumentException(what + " changes nothing: give a new type, "
          + "nullability, default, collation, identity, comment or name");
    }
    if (newCollation.isPresent() && newType.isEmpty() && existingType.isEmpty()) {
      throw new IllegalArgumentException(what + ": a collation is changed together with the type "
          + "(PostgreSQL ALTER COLUMN .. TYPE .. COLLATE); give existingType");
    }
    if (newCollation.isPresent() && existingCollation.isEmpty()) {
      existingCollation = Optional.of(DEFAULT_COLLATION);
    }
    if (newIdentity.filter(i -> i != Identity.NONE).isPresent() && existingIdentity.isEmpty()) {
      existingIdentity = Optional.of(Identity.NONE);
    }
  }

  /** A change of name, type, nullability or default: the original form of this record. */
  public AlterColumn(QualifiedName table, String column, Optional<String> newName,
      Optional<ColumnType> existingType, Optional<ColumnType> newType,
      Optional<Boolean> existingNullable, Optional<Boolean> newNullable, boolean changesDefault,
      Optional<DefaultValue> existingDefault, Optional<DefaultValue> newDefault) {
    this(table, column, newName, existingType, newType, existingNullable, newNullable,
        changesDefault, existingDefault, newDefault, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
        Optional.empty(), Optional.empty());
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

  /** The column's collation after this op, when known ({@code "default"}: the database's). */
  public Optional<String> finalCollation() {
    return newCollation.or(() -> existingCollation);
  }

  /** The column's identity after this op, when known. */
  public Optional<Identity> finalIdentity() {
    return newIdentity.or(() -> existingIdentity);
  }

  @Override
  public AlterColumn reverse() {
    if (newType.isPresent() && existingType.isEmpty()) {
      throw new IrreversibleOperationException(describe()
          + " cannot be reversed: the type change does not say the existing type (existingType)");
    }
    if (newIdentity.isPresent() && existingIdentity.isEmpty()) {
      throw new IrreversibleOperationException(describe()
          + " cannot be reversed: dropping the identity does not say which it was "
          + "(existingIdentity BY_DEFAULT or ALWAYS)");
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
        // an unchanged default stays what it is: the reverse restates the same column
        changesDefault ? newDefault : existingDefault,
        changesDefault ? existingDefault : newDefault,
        reverseUsing,
        using,
        finalCollation(),
        newCollation.isPresent() ? existingCollation : Optional.empty(),
        finalIdentity(),
        newIdentity.isPresent() ? existingIdentity : Optional.empty(),
        changesComment,
        newComment,
        existingComment);
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
    using.ifPresent(u -> what.add("using " + u));
    newCollation.ifPresent(c -> what.add("collate " + c));
    newIdentity.ifPresent(i -> what.add(i == Identity.NONE ? "drop identity" : "identity " + i));
    if (changesComment) {
      what.add(newComment.isPresent() ? "set comment" : "drop comment");
    }
    return "alter column " + table + "." + column + " (" + String.join(", ", what) + ")";
  }
}
