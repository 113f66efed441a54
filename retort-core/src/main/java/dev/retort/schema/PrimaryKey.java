package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A table's primary key. */
public record PrimaryKey(Optional<String> name, List<String> columns) implements Constraint {
  public PrimaryKey {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a primary key needs at least one column");
    }
  }

  public static PrimaryKey of(String... columns) {
    return new PrimaryKey(Optional.empty(), List.of(columns));
  }
}
