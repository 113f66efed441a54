package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;

/** Renames one value of an enumerated type, keeping its place in the sort order. */
public record RenameEnumValue(QualifiedName name, String from, String to) implements Op {
  public RenameEnumValue {
    requireNonNull(name, "name");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }

  @Override
  public RenameEnumValue reverse() {
    return new RenameEnumValue(name, to, from);
  }

  @Override
  public String describe() {
    return "rename value " + from + " of enum " + name + " to " + to;
  }
}
