package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.TableOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes table options of MySQL and MariaDB ({@code ENGINE}, {@code CHARSET}, {@code COLLATE},
 * {@code ROW_FORMAT}, ...: {@link TableOptions}). PostgreSQL and SQLite have no table options, and
 * their renderers write nothing for it.
 *
 * @param table the table
 * @param existing the options it has now, of those this op changes, which the reverse puts back
 * @param options the options it gets: one that {@code existing} has and this does not goes back to
 *     the server's default
 */
public record AlterTableOptions(
    QualifiedName table, Map<String, String> existing, Map<String, String> options) implements Op {
  public AlterTableOptions {
    requireNonNull(table, "table");
    existing = TableOptions.copy(existing);
    options = TableOptions.copy(options);
    if (options.isEmpty() && existing.isEmpty()) {
      throw new IllegalArgumentException("no table option to change on " + table);
    }
  }

  @Override
  public AlterTableOptions reverse() {
    return new AlterTableOptions(table, options, existing);
  }

  /** Every option this op names, in order: those it sets, then those it resets. */
  public Set<String> names() {
    Set<String> out = new LinkedHashSet<>(options.keySet());
    out.addAll(existing.keySet());
    return out;
  }

  @Override
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (String name : names()) {
      parts.add(name + "=" + options.getOrDefault(name, "DEFAULT"));
    }
    return "set " + String.join(" ", parts) + " on table " + table;
  }
}
