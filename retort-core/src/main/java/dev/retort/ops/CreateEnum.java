package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Creates an enumerated type whose values sort in the order given (PostgreSQL "CREATE TYPE ... AS
 * ENUM").
 */
public record CreateEnum(QualifiedName name, List<String> values) implements Op {
  public CreateEnum {
    requireNonNull(name, "name");
    values = List.copyOf(values);
    if (new HashSet<>(values).size() != values.size()) {
      throw new IllegalArgumentException("enum " + name + " lists a value twice: " + values);
    }
  }

  @Override
  public DropEnum reverse() {
    return new DropEnum(name, Optional.of(values));
  }

  @Override
  public String describe() {
    return "create enum " + name;
  }
}
