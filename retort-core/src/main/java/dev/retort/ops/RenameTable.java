package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;

/** Renames a table within its schema. */
public record RenameTable(QualifiedName from, String to) implements Op {
  public RenameTable {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }

  @Override
  public RenameTable reverse() {
    return new RenameTable(from.withName(to), from.name());
  }

  @Override
  public String describe() {
    return "rename table " + from + " to " + to;
  }
}
