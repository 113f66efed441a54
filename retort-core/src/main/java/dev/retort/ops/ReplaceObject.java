package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.SchemaObject;

/**
 * Replaces a schema object's definition in place ({@code CREATE OR REPLACE FUNCTION}, a new comment
 * or setting): runs {@code to}'s statements; the way back runs {@code from}'s.
 */
public record ReplaceObject(SchemaObject from, SchemaObject to) implements Op {
  public ReplaceObject {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (from.kind() != to.kind() || !from.identity().equals(to.identity())) {
      throw new IllegalArgumentException(
          "a replacement keeps the object: " + from.describe() + " is not " + to.describe());
    }
  }

  @Override
  public ReplaceObject reverse() {
    return new ReplaceObject(to, from);
  }

  @Override
  public String describe() {
    return "replace " + to.describe();
  }
}
