package dev.retort.cli;

import dev.retort.CompareOptions;
import dev.retort.error.UsageException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --rename old=new} (a table) and {@code --rename table.old=new} (a column). */
final class Renames {
  private Renames() {}

  static CompareOptions parse(List<String> values) {
    Map<String, String> tables = new HashMap<>();
    Map<String, String> columns = new HashMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) {
        throw new UsageException(
            "--rename takes old=new (a table) or table.old=new (a column), got '" + v + "'");
      }
      String from = v.substring(0, eq);
      String to = v.substring(eq + 1);
      (from.contains(".") ? columns : tables).put(from, to);
    }
    return CompareOptions.defaults().withRenames(tables, columns);
  }
}
