package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.SchemaObject;

/** Creates a schema object (a function, a view, a trigger...) with its own statements. */
public record CreateObject(SchemaObject object) implements Op {
  public CreateObject {
    requireNonNull(object, "object");
  }

  @Override
  public DropObject reverse() {
    if (object.drop().isEmpty()) {
      throw new IrreversibleOperationException(
          describe() + " cannot be reversed: it does not carry the statements that undo it");
    }
    return new DropObject(object);
  }

  @Override
  public String describe() {
    return "create " + object.describe();
  }
}
