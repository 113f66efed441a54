package dev.retort.diff;

import dev.retort.ops.AlterColumn;
import dev.retort.ops.SetColumnComment;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/**
 * Compares one column on both sides: type, nullability, default and collation in one {@link
 * AlterColumn}, and the comment apart, as its own op. Identity is not compared yet.
 */
final class ColumnComparator {
  private ColumnComparator() {}

  /** The change from {@code from} to {@code to}, or empty when they match. */
  static Optional<AlterColumn> compare(QualifiedName table, Column from, Column to) {
    boolean type = !from.type().equals(to.type());
    boolean nullable = from.nullable() != to.nullable();
    boolean dflt = !from.defaultValue().equals(to.defaultValue());
    boolean collation = !from.collation().equals(to.collation());
    if (!type && !nullable && !dflt && !collation) {
      return Optional.empty();
    }
    // every existing value is given, so that the op reverses exactly and MySQL can restate the
    // column; an absent collation is the type's default, which PostgreSQL names "default"
    return Optional.of(new AlterColumn(table, from.name(), Optional.empty(),
        Optional.of(from.type()), type ? Optional.of(to.type()) : Optional.empty(),
        Optional.of(from.nullable()), nullable ? Optional.of(to.nullable()) : Optional.empty(),
        dflt, from.defaultValue(), dflt ? to.defaultValue() : Optional.empty(),
        Optional.empty(), Optional.empty(),
        collation ? Optional.of(from.collation().orElse("default")) : Optional.empty(),
        collation ? Optional.of(to.collation().orElse("default")) : Optional.empty(),
        Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty()));
  }

  /**
   * The comment change from {@code from} to {@code to}, or empty when they match. It is an op of
   * its own rather than part of the {@link AlterColumn}, so that a comment alone is a plain
   * COMMENT ON on PostgreSQL and the reverse puts back the old text.
   */
  static Optional<SetColumnComment> comment(QualifiedName table, Column from, Column to) {
    if (from.comment().equals(to.comment())) {
      return Optional.empty();
    }
    return Optional.of(new SetColumnComment(table, to.name(), from.comment(), to.comment()));
  }
}
