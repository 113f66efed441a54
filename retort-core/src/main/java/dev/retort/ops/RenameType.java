package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;

/** Renames a type (an enum or a domain) within its schema; columns of the type follow. */
public record RenameType(QualifiedName from, String to) implements Op {
  public RenameType {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }

  @Override
  public RenameType reverse() {
    return new RenameType(from.withName(to), from.name());
  }

  @Override
  public String describe() {
    return "rename type " + from + " to " + to;
  }
}
