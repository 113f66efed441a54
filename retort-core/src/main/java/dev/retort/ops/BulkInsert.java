package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * Inserts rows into a table. Dialects render multi-row {@code INSERT ... VALUES} statements in
 * batches ({@link #batches}), with every value bound as a parameter, never written into the SQL
 * text. {@code null} values insert NULL.
 *
 * @param table the table
 * @param columns the columns the values go into, in order
 * @param rows one list of values per row, each as long as {@code columns}
 */
public record BulkInsert(QualifiedName table, List<String> columns, List<List<Object>> rows)
    implements Op {
  public BulkInsert {
    requireNonNull(table, "table");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("bulk insert into " + table + " names no columns");
    }
    if (new HashSet<>(columns).size() != columns.size()) {
      throw new IllegalArgumentException(
          "bulk insert into " + table + " names a column twice: " + columns);
    }
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = requireNonNull(rows.get(i), "row " + i);
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "bulk insert into "
                + table
                + ": row "
                + i
                + " has "
                + row.size()
                + " values for "
                + columns.size()
                + " columns "
                + columns);
      }
      // List.copyOf refuses null elements, but NULL is a legitimate value to insert
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /**
   * The rows cut into consecutive batches of at most {@code maxRows} rows and at most {@code
   * maxParameters} values each (but at least one row), in order.
   */
  public List<List<List<Object>>> batches(int maxRows, int maxParameters) {
    if (maxRows < 1 || maxParameters < 1) {
      throw new IllegalArgumentException("batch limits must be positive");
    }
    int perBatch = Math.max(1, Math.min(maxRows, maxParameters / columns.size()));
    List<List<List<Object>>> out = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += perBatch) {
      out.add(rows.subList(from, Math.min(rows.size(), from + perBatch)));
    }
    return out;
  }

  /**
   * Always throws: which rows to delete again depends on the table's keys, and the rows may have
   * been changed since; the downgrade must say, for example with {@code op.execute("DELETE ...")}.
   */
  @Override
  public Op reverse() {
    throw new IrreversibleOperationException(
        describe()
            + " cannot be reversed: Retort does not "
            + "know how to find the inserted rows again; delete them in the downgrade with "
            + "op.execute(\"DELETE FROM ...\")");
  }

  @Override
  public String describe() {
    return "bulk insert " + rows.size() + (rows.size() == 1 ? " row" : " rows") + " into " + table;
  }
}
