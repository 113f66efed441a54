package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Index;
import java.util.Optional;

/**
 * Creates an index.
 *
 * @param index the index
 * @param concurrently build it without locking out writes (PostgreSQL {@code CREATE INDEX
 *     CONCURRENTLY}, see "Building Indexes Concurrently" in the manual). Such a statement cannot
 *     run inside a transaction block, so a runner must run the migration in autocommit when any of
 *     its ops says {@link #concurrently()}. SQLite has no such thing and ignores it.
 */
public record CreateIndex(Index index, boolean concurrently) implements Op {
  public CreateIndex {
    requireNonNull(index, "index");
  }

  /** A plain (locking) index build: the original form of this record. */
  public CreateIndex(Index index) {
    this(index, false);
  }

  @Override
  public DropIndex reverse() {
    return new DropIndex(index.table(), index.name(), Optional.of(index), concurrently);
  }

  @Override
  public String describe() {
    return "create index "
        + (concurrently ? "concurrently " : "")
        + index.name()
        + " on "
        + index.table();
  }
}
