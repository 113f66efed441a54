package dev.retort.ops;

import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/**
 * Describes a column change for {@link Operations#alterColumn}. Give the existing values of what
 * changes, so that the downgrade can restore them:
 *
 * <pre>{@code
 * op.alterColumn("users", "password", c -> c.existingType(varchar(128)).type(varchar(255))
 *     .existingNullable(false));
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

  AlterColumn build(QualifiedName table, String column) {
    return new AlterColumn(table, column, newName, existingType, newType, existingNullable,
        newNullable, changesDefault, existingDefault, newDefault);
  }
}
