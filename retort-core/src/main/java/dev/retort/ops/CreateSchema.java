package dev.retort.ops;

import static java.util.Objects.requireNonNull;

/**
 * Creates a schema (namespace). With {@code ifNotExists}, an existing schema is left alone, and the
 * reverse drops it only if it exists and is empty: a schema that was there before the migration and
 * still holds objects survives the downgrade.
 */
public record CreateSchema(String name, boolean ifNotExists) implements Op {
  public CreateSchema {
    requireNonNull(name, "name");
  }

  @Override
  public DropSchema reverse() {
    return new DropSchema(name, ifNotExists, false);
  }

  @Override
  public String describe() {
    return "create schema " + name;
  }
}
