package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Removes an extension. The {@code schema} it lived in is not needed to drop it, only to put it
 * back there on reverse.
 */
public record DropExtension(String name, Optional<String> schema, boolean ifExists) implements Op {
  public DropExtension {
    requireNonNull(name, "name");
    requireNonNull(schema, "schema");
  }

  @Override
  public CreateExtension reverse() {
    return new CreateExtension(name, schema, ifExists);
  }

  @Override
  public String describe() {
    return "drop extension " + name;
  }
}
