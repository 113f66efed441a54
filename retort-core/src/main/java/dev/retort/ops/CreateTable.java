package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Table;
import java.util.Optional;

/**
 * Creates a table with its columns, keys and constraints (indexes listed in the table too).
 *
 * @param ifNotExists do nothing when a table of that name exists ({@code CREATE TABLE IF NOT
 *     EXISTS}; its indexes are created {@code IF NOT EXISTS} too). The existing table is not
 *     compared with this definition. The reverse is a {@code DROP TABLE IF EXISTS}, which drops the
 *     table even if this op found it already there.
 */
public record CreateTable(Table table, boolean ifNotExists) implements Op {
  public CreateTable {
    requireNonNull(table, "table");
  }

  /** An unconditional create: the original form of this record. */
  public CreateTable(Table table) {
    this(table, false);
  }

  @Override
  public DropTable reverse() {
    return new DropTable(table.name(), Optional.of(table), ifNotExists);
  }

  @Override
  public String describe() {
    return "create table " + (ifNotExists ? "if not exists " : "") + table.name();
  }
}
