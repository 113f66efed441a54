package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.Domain;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/** Drops a domain; with its definition, the drop can be reversed. */
public record DropDomain(QualifiedName name, Optional<Domain> definition) implements Op {
  public DropDomain {
    requireNonNull(name, "name");
    requireNonNull(definition, "definition");
    if (definition.isPresent() && !definition.get().name().equals(name)) {
      throw new IllegalArgumentException(
          "drop domain " + name + " carries the definition of " + definition.get().name());
    }
  }

  @Override
  public CreateDomain reverse() {
    return new CreateDomain(
        definition.orElseThrow(
            () ->
                new IrreversibleOperationException(
                    describe()
                        + " cannot be reversed: it does not carry the domain's definition")));
  }

  @Override
  public String describe() {
    return "drop domain " + name;
  }
}
