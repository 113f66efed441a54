package dev.retort.ops;

/** An aspect of a column that an {@link AlterColumn} changes. */
public enum ColumnChange {
  NAME,
  TYPE,
  NULLABILITY,
  DEFAULT,
  COLLATION,
  IDENTITY,
  COMMENT,
  /** MySQL's {@code ON UPDATE}: what the column is set to when its row is updated. */
  ON_UPDATE
}
