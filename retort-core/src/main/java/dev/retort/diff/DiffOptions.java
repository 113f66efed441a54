package dev.retort.diff;

import java.util.Map;

/**
 * How to compare two schemas.
 *
 * @param tableRenames old table name → new name: the user says these are renames, not drop + add
 * @param columnRenames {@code table.old} → new column name
 */
public record DiffOptions(Map<String, String> tableRenames, Map<String, String> columnRenames) {
  public DiffOptions {
    tableRenames = Map.copyOf(tableRenames);
    columnRenames = Map.copyOf(columnRenames);
  }

  /** No rename hints. */
  public static DiffOptions defaults() {
    return new DiffOptions(Map.of(), Map.of());
  }
}
