package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;

/**
 * Drops a schema. Without {@code cascade} the database refuses to drop a schema that still holds
 * objects, so the drop is reversed by recreating it empty; with {@code cascade} everything in it
 * goes too, and nothing records what that was.
 */
public record DropSchema(String name, boolean ifExists, boolean cascade) implements Op {
  public DropSchema {
    requireNonNull(name, "name");
  }

  @Override
  public CreateSchema reverse() {
    if (cascade) {
      throw new IrreversibleOperationException(
          describe()
              + " cannot be reversed: CASCADE drops "
              + "every object in the schema and Retort does not know what they were; recreate them "
              + "in the downgrade");
    }
    return new CreateSchema(name, ifExists);
  }

  @Override
  public String describe() {
    return "drop schema " + name + (cascade ? " cascade" : "");
  }
}
