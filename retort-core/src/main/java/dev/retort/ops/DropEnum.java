package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Optional;

/** Drops an enumerated type; with its values, in order, the drop can be reversed. */
public record DropEnum(QualifiedName name, Optional<List<String>> values) implements Op {
  public DropEnum {
    requireNonNull(name, "name");
    values = requireNonNull(values, "values").map(List::copyOf);
  }

  @Override
  public CreateEnum reverse() {
    return new CreateEnum(
        name,
        values.orElseThrow(
            () ->
                new IrreversibleOperationException(
                    describe() + " cannot be reversed: it does not carry the enum's values")));
  }

  @Override
  public String describe() {
    return "drop enum " + name;
  }
}
