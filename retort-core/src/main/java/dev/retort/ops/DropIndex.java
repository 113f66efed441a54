package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/**
 * Drops an index by name; with its definition, the drop can be reversed.
 *
 * @param concurrently drop it without locking out the table's readers and writers (PostgreSQL
 *     {@code DROP INDEX CONCURRENTLY}); like {@link CreateIndex#concurrently()} it cannot run
 *     inside a transaction block. The reverse builds the index concurrently too.
 */
public record DropIndex(
    QualifiedName table, String name, Optional<Index> definition, boolean concurrently)
    implements Op {
  public DropIndex {
    requireNonNull(table, "table");
    requireNonNull(name, "name");
    requireNonNull(definition, "definition");
  }

  /** A plain (locking) drop: the original form of this record. */
  public DropIndex(QualifiedName table, String name, Optional<Index> definition) {
    this(table, name, definition, false);
  }

  @Override
  public CreateIndex reverse() {
    return new CreateIndex(
        definition.orElseThrow(
            () ->
                new IrreversibleOperationException(
                    describe() + " cannot be reversed: it does not carry the index definition")),
        concurrently);
  }

  @Override
  public String describe() {
    return "drop index " + (concurrently ? "concurrently " : "") + name + " on " + table;
  }
}
