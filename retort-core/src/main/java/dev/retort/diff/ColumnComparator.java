package dev.retort.diff;

import dev.retort.ops.AlterColumn;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/**
 * Compares one column on both sides. Type, nullability and default are compared; identity and
 * comments wait until {@link AlterColumn} can carry them (issue 3 extends it, issue 4 uses it).
 */
final class ColumnComparator {
  private ColumnComparator() {}

  /** The change from {@code from} to {@code to}, or empty when they match. */
  static Optional<AlterColumn> compare(QualifiedName table, Column from, Column to) {
    boolean type = !from.type().equals(to.type());
    boolean nullable = from.nullable() != to.nullable();
    boolean dflt = !from.defaultValue().equals(to.defaultValue());
    if (!type && !nullable && !dflt) {
      return Optional.empty();
    }
    // every existing value is given, so that the op reverses exactly and MySQL can restate the column
    return Optional.of(new AlterColumn(table, from.name(), Optional.empty(),
        Optional.of(from.type()), type ? Optional.of(to.type()) : Optional.empty(),
        Optional.of(from.nullable()), nullable ? Optional.of(to.nullable()) : Optional.empty(),
        dflt, from.defaultValue(), dflt ? to.defaultValue() : Optional.empty()));
  }
}
