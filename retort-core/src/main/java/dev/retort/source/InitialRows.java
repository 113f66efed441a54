package dev.retort.source;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * Rows a table must start with, as the statements that insert them, which the desired schema's
 * source writes for this database: Hibernate's schema creation inserts the one row of a table that
 * stands in for a sequence where the database has none ({@code insert into entry_seq values ( 1
 * )}), and the segment row of a {@code @TableGenerator}. They are data, not schema: a migration
 * that creates the table runs them right after it, and the table's drop is their undo; a table that
 * is already there is left as it is.
 *
 * @param table the table, named as the desired schema names it
 * @param statements the inserts, in order
 */
public record InitialRows(QualifiedName table, List<String> statements) {
  public InitialRows {
    requireNonNull(table, "table");
    statements = List.copyOf(statements);
  }

  /** Whether these are the rows of {@code created}, which a diff may have qualified or not. */
  public boolean isFor(QualifiedName created) {
    return table.name().equals(created.name())
        && (table.schema().isEmpty()
            || created.schema().isEmpty()
            || table.schema().equals(created.schema()));
  }
}
