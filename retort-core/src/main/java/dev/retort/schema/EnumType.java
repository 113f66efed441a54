package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A PostgreSQL enum type: its name and its values, in their sort order. */
public record EnumType(QualifiedName name, List<String> values) {
  public EnumType {
    requireNonNull(name, "name");
    values = List.copyOf(values);
  }
}
