package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.util.Optional;

/**
 * Drops a sequence; with its definition, the drop can be reversed, though the recreated sequence
 * starts again from its start value, not from where the dropped one had got to.
 */
public record DropSequence(QualifiedName name, Optional<Sequence> definition) implements Op {
  public DropSequence {
    requireNonNull(name, "name");
    requireNonNull(definition, "definition");
    if (definition.isPresent() && !definition.get().name().equals(name)) {
      throw new IllegalArgumentException(
          "drop sequence " + name + " carries the definition of " + definition.get().name());
    }
  }

  @Override
  public CreateSequence reverse() {
    return new CreateSequence(
        definition.orElseThrow(
            () ->
                new IrreversibleOperationException(
                    describe()
                        + " cannot be reversed: it does not carry the sequence's definition")));
  }

  @Override
  public String describe() {
    return "drop sequence " + name;
  }
}
