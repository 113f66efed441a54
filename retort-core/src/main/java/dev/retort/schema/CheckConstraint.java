package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A check constraint; {@code expression} is SQL, without the surrounding {@code CHECK ( )}. */
public record CheckConstraint(Optional<String> name, String expression) implements Constraint {
  public CheckConstraint {
    requireNonNull(name, "name");
    requireNonNull(expression, "expression");
  }
}
