package dev.retort.ops;

import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Identity;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/**
 * Describes a column change for {@link Operations#alterColumn}. Give the existing values of what
 * changes, so that the downgrade can restore them:
 *
 * <pre>{@code
 * op.alterColumn("users", "password", c -> c.existingType(varchar(128)).type(varchar(255))
 *     .existingNullable(false));
 * op.alterColumn("users", "code", c -> c.existingType(varchar(10)).type(integer())
 *     .using("nullif(code, '')::integer").reverseUsing("code::text"));
 * op.alterColumn("users", "email", c -> c.existingType(text()).collation("C"));
 * op.alterColumn("users", "id", c -> c.identity(Identity.ALWAYS));
 * op.alterColumn("users", "email", c -> c.existingComment("login").comment("login, lower case"));
 * }</pre>
 */
public final class AlterColumnBuilder {
  private Optional<String> newName = Optional.empty();
  private Optional<ColumnType> existingType = Optional.empty();
  private Optional<ColumnType> newType = Optional.empty();
  private Optional<Boolean> existingNullable = Optional.empty();
  private Optional<Boolean> newNullable = Optional.empty();
  private boolean changesDefault;
  private Optional<DefaultValue> existingDefault = Optional.empty();
  private Optional<DefaultValue> newDefault = Optional.empty();
  private Optional<String> using = Optional.empty();
  private Optional<String> reverseUsing = Optional.empty();
  private Optional<String> existingCollation = Optional.empty();
  private Optional<String> newCollation = Optional.empty();
  private Optional<Identity> existingIdentity = Optional.empty();
  private Optional<Identity> newIdentity = Optional.empty();
  private boolean changesComment;
  private Optional<String> existingComment = Optional.empty();
  private Optional<String> newComment = Optional.empty();

  AlterColumnBuilder() {}

  /** Renames the column. */
  public AlterColumnBuilder rename(String name) {
    newName = Optional.of(name);
    return this;
  }

  /** The type the column has now. */
  public AlterColumnBuilder existingType(ColumnType type) {
    existingType = Optional.of(type);
    return this;
  }

  /** The new type. */
  public AlterColumnBuilder type(ColumnType type) {
    newType = Optional.of(type);
    return this;
  }

  /** Whether the column accepts NULL now. */
  public AlterColumnBuilder existingNullable(boolean nullable) {
    existingNullable = Optional.of(nullable);
    return this;
  }

  /** Whether the column will accept NULL. */
  public AlterColumnBuilder nullable(boolean nullable) {
    newNullable = Optional.of(nullable);
    return this;
  }

  /** The literal default the column has now (say it when changing the default). */
  public AlterColumnBuilder existingDefault(Object value) {
    existingDefault = Optional.of(DefaultValue.literal(value));
    return this;
  }

  /** The expression default the column has now. */
  public AlterColumnBuilder existingDefaultExpr(String sql) {
    existingDefault = Optional.of(DefaultValue.expression(sql));
    return this;
  }

  /** A new literal default. */
  public AlterColumnBuilder defaultValue(Object value) {
    changesDefault = true;
    newDefault = Optional.of(DefaultValue.literal(value));
    return this;
  }

  /** A new expression default. */
  public AlterColumnBuilder defaultExpr(String sql) {
    changesDefault = true;
    newDefault = Optional.of(DefaultValue.expression(sql));
    return this;
  }

  /** Removes the default. */
  public AlterColumnBuilder dropDefault() {
    changesDefault = true;
    newDefault = Optional.empty();
    return this;
  }

  /**
   * How PostgreSQL computes the new value on a type change (its {@code USING} clause), instead of
   * Retort's cast; the expression names the column by its final name. SQLite copies the rows
   * through it.
   */
  public AlterColumnBuilder using(String sql) {
    using = Optional.of(sql);
    return this;
  }

  /**
   * The {@code USING} expression of the downgrade. Without it the downgrade uses Retort's own cast
   * rule, as it cannot invert {@link #using}.
   */
  public AlterColumnBuilder reverseUsing(String sql) {
    reverseUsing = Optional.of(sql);
    return this;
  }

  /** The collation the column has now (the database default when not said). */
  public AlterColumnBuilder existingCollation(String collation) {
    existingCollation = Optional.of(collation);
    return this;
  }

  /**
   * A new collation ({@code "default"} for the database's). PostgreSQL restates the type to change
   * it, so give {@link #existingType} too.
   */
  public AlterColumnBuilder collation(String collation) {
    newCollation = Optional.of(collation);
    return this;
  }

  /** How values are generated now; say it when dropping an identity, to keep the downgrade. */
  public AlterColumnBuilder existingIdentity(Identity identity) {
    existingIdentity = Optional.of(identity);
    return this;
  }

  /**
   * Adds ({@code BY_DEFAULT}, {@code ALWAYS}), changes or drops ({@code NONE}) the identity.
   * PostgreSQL adds an identity only to a NOT NULL column.
   */
  public AlterColumnBuilder identity(Identity identity) {
    newIdentity = Optional.of(identity);
    return this;
  }

  /** The comment the column has now. */
  public AlterColumnBuilder existingComment(String text) {
    existingComment = Optional.of(text);
    return this;
  }

  /** A new column comment (ignored on SQLite, which keeps none). */
  public AlterColumnBuilder comment(String text) {
    changesComment = true;
    newComment = Optional.of(text);
    return this;
  }

  /** Removes the column comment. */
  public AlterColumnBuilder dropComment() {
    changesComment = true;
    newComment = Optional.empty();
    return this;
  }

  AlterColumn build(QualifiedName table, String column) {
    java.util.Set<ColumnChange> changes = java.util.EnumSet.noneOf(ColumnChange.class);
    newName.ifPresent(n -> changes.add(ColumnChange.NAME));
    newType.ifPresent(t -> changes.add(ColumnChange.TYPE));
    newNullable.ifPresent(n -> changes.add(ColumnChange.NULLABILITY));
    if (changesDefault) {
      changes.add(ColumnChange.DEFAULT);
    }
    newCollation.ifPresent(c -> changes.add(ColumnChange.COLLATION));
    newIdentity.ifPresent(i -> changes.add(ColumnChange.IDENTITY));
    if (changesComment) {
      changes.add(ColumnChange.COMMENT);
    }
    ColumnState from =
        new ColumnState(
            column,
            existingType,
            existingNullable,
            existingDefault,
            existingCollation,
            existingIdentity,
            existingComment);
    ColumnState to =
        new ColumnState(
            newName.orElse(column),
            newType,
            newNullable,
            changesDefault ? newDefault : Optional.empty(),
            newCollation,
            newIdentity,
            changesComment ? newComment : Optional.empty());
    return new AlterColumn(table, from, to, changes, using, reverseUsing);
  }
}
