package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.util.Optional;

/**
 * Drops a table; with its definition, the drop can be reversed.
 *
 * @param ifExists do nothing when there is no such table ({@code DROP TABLE IF EXISTS}); the
 *     reverse then creates it {@code IF NOT EXISTS}
 */
public record DropTable(QualifiedName name, Optional<Table> definition, boolean ifExists)
    implements Op {
  public DropTable {
    requireNonNull(name, "name");
    requireNonNull(definition, "definition");
  }

  /** An unconditional drop: the original form of this record. */
  public DropTable(QualifiedName name, Optional<Table> definition) {
    this(name, definition, false);
  }

  @Override
  public CreateTable reverse() {
    return new CreateTable(
        definition.orElseThrow(
            () ->
                new IrreversibleOperationException(
                    describe() + " cannot be reversed: it does not carry the table's definition")),
        ifExists);
  }

  @Override
  public String describe() {
    return "drop table " + (ifExists ? "if exists " : "") + name;
  }
}
