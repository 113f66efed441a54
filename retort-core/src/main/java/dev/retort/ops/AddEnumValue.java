package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/**
 * Adds a value to an enumerated type: last, or just before or after an existing value.
 *
 * <p>Before PostgreSQL 12, {@code ALTER TYPE ... ADD VALUE} cannot run inside a transaction block;
 * from 12 on it can, but the new value cannot be used until the transaction has committed (manual,
 * "ALTER TYPE", Notes). A migration that adds a value and then inserts rows with it must do the
 * insert in a later migration.
 *
 * @param name the enum
 * @param value the new value
 * @param before the existing value it goes before, if placed
 * @param after the existing value it goes after, if placed (never both)
 */
public record AddEnumValue(
    QualifiedName name, String value, Optional<String> before, Optional<String> after)
    implements Op {
  public AddEnumValue {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    if (before.isPresent() && after.isPresent()) {
      throw new IllegalArgumentException(
          "enum value "
              + value
              + " of "
              + name
              + " can go before "
              + before.get()
              + " or after "
              + after.get()
              + ", not both");
    }
  }

  /**
   * Always throws: PostgreSQL has no statement that removes an enum value (manual, "Enumerated
   * Types": "Existing values cannot be removed from an enum type"); undoing it means creating a new
   * type and converting every column to it, which a downgrade must write by hand.
   */
  @Override
  public Op reverse() {
    throw new IrreversibleOperationException(
        describe()
            + " cannot be reversed: PostgreSQL cannot "
            + "drop a value from an enum; to undo it, create a new enum without the value, convert the "
            + "columns with ALTER COLUMN ... TYPE ... USING, and drop the old type, in the downgrade");
  }

  @Override
  public String describe() {
    return "add value " + value + " to enum " + name;
  }
}
