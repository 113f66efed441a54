package dev.retort.dialect;

import dev.retort.ops.BulkInsert;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statements of a {@link BulkInsert}: {@code INSERT ... VALUES (?, ?), (?, ?)} in batches no
 * larger than the database's limits, every value bound as a parameter.
 */
public final class MultiRowInsert {
  private MultiRowInsert() {}

  /**
   * @param quotedTable the table name as the dialect quotes it
   * @param quote quotes one column name
   * @param maxRows rows per statement at most
   * @param maxParameters bound parameters per statement at most
   */
  public static List<Sql> statements(
      BulkInsert op,
      String quotedTable,
      Function<String, String> quote,
      int maxRows,
      int maxParameters) {
    String head =
        "INSERT INTO "
            + quotedTable
            + " ("
            + op.columns().stream().map(quote).collect(Collectors.joining(", "))
            + ") VALUES ";
    String tuple = "(" + String.join(", ", Collections.nCopies(op.columns().size(), "?")) + ")";
    List<Sql> out = new ArrayList<>();
    for (List<List<Object>> batch : op.batches(maxRows, maxParameters)) {
      List<Object> parameters = new ArrayList<>(batch.size() * op.columns().size());
      batch.forEach(parameters::addAll);
      out.add(
          new Sql(head + String.join(", ", Collections.nCopies(batch.size(), tuple)), parameters));
    }
    return out;
  }
}
