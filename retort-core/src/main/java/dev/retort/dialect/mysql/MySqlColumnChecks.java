package dev.retort.dialect.mysql;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Table;
import java.util.Map;

/** Which of a table's checks {@link MySqlRenderer} writes in a column's definition. */
final class MySqlColumnChecks {
  private MySqlColumnChecks() {}

  /**
   * MariaDB's column checks: a check written in a column's definition is named after the column and
   * kept as the column's ({@code LEVEL = 'Column'}, shown in the column by {@code SHOW CREATE
   * TABLE}, dropped with it), so a check named after its column is written there, as Hibernate's
   * schema creation writes the check of an enum or {@code @Min}/{@code @Max} column. MySQL names
   * column checks {@code t_chk_n}; there every check stays the table's.
   */
  static Map<String, CheckConstraint> of(Table table, boolean mariaDb) {
    Map<String, CheckConstraint> out = new java.util.HashMap<>();
    if (!mariaDb) {
      return out;
    }
    for (CheckConstraint k : table.checks()) {
      for (Column c : table.columns()) {
        if (k.name().filter(c.name()::equalsIgnoreCase).isPresent()
            && c.type().kind() != ColumnType.Kind.JSONB
            && !out.containsKey(c.name())
            && onlyNames(k.expression(), c, table)) {
          out.put(c.name(), k);
        }
      }
    }
    return out;
  }

  /** A column check may name no other column. */
  private static boolean onlyNames(String expression, Column column, Table table) {
    String text = expression.replaceAll("'(?:[^']|'')*'", "''");
    return table.columns().stream()
        .filter(c -> c != column)
        .noneMatch(
            c ->
                java.util.regex.Pattern.compile(
                        "(?<![\\w$])`?" + java.util.regex.Pattern.quote(c.name()) + "`?(?![\\w$])",
                        java.util.regex.Pattern.CASE_INSENSITIVE)
                    .matcher(text)
                    .find());
  }
}
