package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A unique constraint over one or more columns. */
public record UniqueConstraint(Optional<String> name, List<String> columns) implements Constraint {
  public UniqueConstraint {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a unique constraint needs at least one column");
    }
  }
}
