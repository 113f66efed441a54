package dev.retort.dialect.mysql;

import dev.retort.ops.AlterTableOptions;
import dev.retort.schema.TableOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Table options in MySQL's words, after the column list of {@code CREATE TABLE} or in {@code ALTER
 * TABLE}: {@code ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC}. A
 * value that is a plain word is written bare, as the catalog spells it; any other is a string
 * literal, so no value can become SQL of its own.
 */
final class MySqlTableOptions {
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");

  private final UnaryOperator<String> literal;

  MySqlTableOptions(UnaryOperator<String> literal) {
    this.literal = literal;
  }

  /**
   * The options of a new table. InnoDB, the engine with foreign keys and crash safety, and utf8mb4,
   * the character set that holds all of Unicode ({@code utf8} is three-byte utf8mb3 on both
   * servers), unless the table says otherwise: spelled out so that a server configured otherwise
   * still gets them. A collation alone implies its character set.
   */
  String create(Map<String, String> options) {
    StringBuilder sql =
        new StringBuilder(" ENGINE=")
            .append(value(options.getOrDefault(TableOptions.ENGINE, "InnoDB")));
    if (options.containsKey(TableOptions.CHARSET)) {
      sql.append(" DEFAULT CHARSET=").append(value(options.get(TableOptions.CHARSET)));
    }
    if (options.containsKey(TableOptions.COLLATE)) {
      sql.append(" COLLATE=").append(value(options.get(TableOptions.COLLATE)));
    }
    if (!options.containsKey(TableOptions.CHARSET) && !options.containsKey(TableOptions.COLLATE)) {
      sql.append(" DEFAULT CHARSET=utf8mb4");
    }
    options.forEach(
        (name, v) -> {
          if (!TableOptions.serverFilled(name)) {
            sql.append(' ').append(name).append('=').append(value(v));
          }
        });
    return sql.toString();
  }

  /**
   * The clauses of {@code ALTER TABLE} that make the change: each option set, and each one only the
   * old side has reset to {@code DEFAULT}, except those the server always has (which stay as they
   * are when the new side does not say them). Empty when nothing is left to say.
   */
  List<String> alter(AlterTableOptions op) {
    List<String> out = new ArrayList<>();
    for (String name : op.names()) {
      String v = op.options().get(name);
      if (v == null && TableOptions.serverFilled(name)) {
        continue;
      }
      String spelt =
          switch (name) {
            case TableOptions.CHARSET -> "DEFAULT CHARSET";
            default -> name;
          };
      out.add(spelt + "=" + (v == null ? "DEFAULT" : value(v)));
    }
    return out;
  }

  private String value(String v) {
    return WORD.matcher(v).matches() ? v : literal.apply(v);
  }
}
