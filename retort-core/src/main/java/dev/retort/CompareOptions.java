package dev.retort;

import dev.retort.diff.DiffOptions;
import dev.retort.diff.TableFilter;
import java.util.List;
import java.util.Map;

/**
 * How {@link Retort#diff} and {@link Retort#autogenerate} compare the database with the desired
 * schema.
 *
 * <pre>{@code
 * SchemaDiff d = retort.diff(CompareOptions.defaults()
 *     .withRenames(Map.of("customer", "client"), Map.of("client.fullname", "name"))
 *     .withTables(List.of("client*"), List.of()));
 * }</pre>
 *
 * @param tableRenames old table name → new name: these are renames, not a drop and an add; they
 *     override the hints the schema definition gives
 * @param columnRenames {@code table.old} → new column name
 * @param includeTables only tables matching one of these patterns (all when empty); a pattern is a
 *     name or {@code schema.name} with {@code *} as a wildcard
 * @param excludeTables tables matching one of these patterns are left out
 */
public record CompareOptions(
    Map<String, String> tableRenames,
    Map<String, String> columnRenames,
    List<String> includeTables,
    List<String> excludeTables) {
  public CompareOptions {
    tableRenames = Map.copyOf(tableRenames);
    columnRenames = Map.copyOf(columnRenames);
    includeTables = List.copyOf(includeTables);
    excludeTables = List.copyOf(excludeTables);
  }

  /** Every table, no rename hints. */
  public static CompareOptions defaults() {
    return new CompareOptions(Map.of(), Map.of(), List.of(), List.of());
  }

  /** A copy with these rename hints. */
  public CompareOptions withRenames(Map<String, String> tables, Map<String, String> columns) {
    return new CompareOptions(tables, columns, includeTables, excludeTables);
  }

  /** A copy comparing only the tables these patterns select. */
  public CompareOptions withTables(List<String> include, List<String> exclude) {
    return new CompareOptions(tableRenames, columnRenames, include, exclude);
  }

  DiffOptions diffOptions() {
    return new DiffOptions(tableRenames, columnRenames);
  }

  TableFilter tableFilter() {
    return new TableFilter(includeTables, excludeTables);
  }
}
