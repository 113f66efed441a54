package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Sequence;
import java.util.Optional;

/** Creates a sequence. */
public record CreateSequence(Sequence sequence) implements Op {
  public CreateSequence {
    requireNonNull(sequence, "sequence");
  }

  @Override
  public DropSequence reverse() {
    return new DropSequence(sequence.name(), Optional.of(sequence));
  }

  @Override
  public String describe() {
    return "create sequence " + sequence.name();
  }
}
