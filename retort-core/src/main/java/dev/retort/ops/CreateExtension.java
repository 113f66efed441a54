package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Loads an extension into the database (PostgreSQL "CREATE EXTENSION"), optionally into a given
 * schema. With {@code ifNotExists}, the reverse drops it only if it is there.
 */
public record CreateExtension(String name, Optional<String> schema, boolean ifNotExists)
    implements Op {
  public CreateExtension {
    requireNonNull(name, "name");
    requireNonNull(schema, "schema");
  }

  @Override
  public DropExtension reverse() {
    return new DropExtension(name, schema, ifNotExists);
  }

  @Override
  public String describe() {
    return "create extension " + name;
  }
}
