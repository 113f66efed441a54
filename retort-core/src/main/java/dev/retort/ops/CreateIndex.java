package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Index;
import java.util.Optional;

/** Creates an index. */
public record CreateIndex(Index index) implements Op {
  public CreateIndex {
    requireNonNull(index, "index");
  }

  @Override
  public DropIndex reverse() {
    return new DropIndex(index.table(), index.name(), Optional.of(index));
  }

  @Override
  public String describe() {
    return "create index " + index.name() + " on " + index.table();
  }
}
