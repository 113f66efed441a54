package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.SchemaObject;

/**
 * Drops a schema object with its kind's statements; the object's definition, which it carries,
 * creates it again on the way back.
 */
public record DropObject(SchemaObject object) implements Op {
  public DropObject {
    requireNonNull(object, "object");
    if (object.drop().isEmpty()) {
      throw new IllegalArgumentException(
          "drop " + object.describe() + ": give the statements that remove it (withDrop)");
    }
  }

  @Override
  public CreateObject reverse() {
    return new CreateObject(object);
  }

  @Override
  public String describe() {
    return "drop " + object.describe();
  }
}
