package dev.retort.diff;

import dev.retort.ops.AlterColumn;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.ColumnState;
import dev.retort.ops.SetColumnComment;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Compares one column on both sides: type, nullability, default, collation and MySQL's {@code ON
 * UPDATE} in one {@link AlterColumn}, and the comment apart, as its own op. Identity is not
 * compared yet.
 */
final class ColumnComparator {
  private ColumnComparator() {}

  /** The change from {@code from} to {@code to}, or empty when they match. */
  static Optional<AlterColumn> compare(QualifiedName table, Column from, Column to) {
    boolean type = !from.type().equals(to.type());
    boolean nullable = from.nullable() != to.nullable();
    boolean dflt = !from.defaultValue().equals(to.defaultValue());
    boolean collation = !from.collation().equals(to.collation());
    boolean onUpdate = !from.onUpdate().equals(to.onUpdate());
    if (!type && !nullable && !dflt && !collation && !onUpdate) {
      return Optional.empty();
    }
    // every existing value is given, so that the op reverses exactly and MySQL can restate the
    // column; an absent collation is the type's default, which PostgreSQL names "default"
    Set<ColumnChange> changes = EnumSet.noneOf(ColumnChange.class);
    if (type) {
      changes.add(ColumnChange.TYPE);
    }
    if (nullable) {
      changes.add(ColumnChange.NULLABILITY);
    }
    if (dflt) {
      changes.add(ColumnChange.DEFAULT);
    }
    if (collation) {
      changes.add(ColumnChange.COLLATION);
    }
    if (onUpdate) {
      changes.add(ColumnChange.ON_UPDATE);
    }
    return Optional.of(
        new AlterColumn(
            table,
            state(from, collation),
            state(to, collation),
            changes,
            Optional.empty(),
            Optional.empty()));
  }

  /** What the op says of {@code c}: all but the comment (an op of its own) and the identity. */
  private static ColumnState state(Column c, boolean collation) {
    return new ColumnState(
        c.name(),
        Optional.of(c.type()),
        Optional.of(c.nullable()),
        c.defaultValue(),
        collation ? Optional.of(c.collation().orElse("default")) : Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        c.onUpdate());
  }

  /**
   * The comment change from {@code from} to {@code to}, or empty when they match. It is an op of
   * its own rather than part of the {@link AlterColumn}, so that a comment alone is a plain COMMENT
   * ON on PostgreSQL and the reverse puts back the old text.
   */
  static Optional<SetColumnComment> comment(QualifiedName table, Column from, Column to) {
    if (from.comment().equals(to.comment())) {
      return Optional.empty();
    }
    return Optional.of(new SetColumnComment(table, to.name(), from.comment(), to.comment()));
  }
}
