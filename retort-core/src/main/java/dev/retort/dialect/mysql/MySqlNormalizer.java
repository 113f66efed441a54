package dev.retort.dialect.mysql;

import dev.retort.diff.TableNormalizer;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MySQL's and MariaDB's canonical forms: the portable types that {@link MySqlTypes} writes with one
 * spelling and that come back as another ({@code jsonb} is {@code json}, {@code timestamptz} is
 * {@code datetime(6)}, {@code uuid} is {@code char(36)}); ON DELETE/UPDATE RESTRICT, which InnoDB
 * treats as NO ACTION and the catalog reads so; a unique index on plain columns, which MySQL keeps
 * as a UNIQUE constraint (the backticks the catalog puts around every name in a check go in the
 * shared canonical form). {@code now()} is {@code CURRENT_TIMESTAMP}, and so is {@code
 * CURRENT_TIMESTAMP(6)} on a {@code datetime(6)} column. The catalog escapes a quote inside a
 * string literal of a check with a backslash ({@code 'it\\'s'}); it is read back doubled.
 */
final class MySqlNormalizer extends TableNormalizer {
  private static final java.util.regex.Pattern LENGTH =
      java.util.regex.Pattern.compile("(?<![\\w.`])length\\(");
  private static final java.util.regex.Pattern NOW =
      java.util.regex.Pattern.compile("(?i)(current_timestamp|now)\\((6)?\\)");

  @Override
  protected String checkExpression(String expression) {
    StringBuilder out = new StringBuilder(expression.length());
    boolean inString = false;
    for (int i = 0; i < expression.length(); i++) {
      char ch = expression.charAt(i);
      if (inString && ch == '\\' && i + 1 < expression.length()) {
        char next = expression.charAt(++i);
        out.append(next == '\'' ? "''" : "\\" + next);
        continue;
      }
      if (ch == '\'') {
        if (inString && i + 1 < expression.length() && expression.charAt(i + 1) == '\'') {
          out.append("''");
          i++;
          continue;
        }
        inString = !inString;
      }
      out.append(ch);
    }
    // column and function names compare without case; strings (in '' or "") keep theirs;
    // MariaDB prints LENGTH(), a synonym, as OCTET_LENGTH()
    return LENGTH.matcher(foldCase(out.toString(), "\"")).replaceAll("octet_length(");
  }

  @Override
  protected Column column(Table table, Column column) {
    ColumnType t = column.type();
    ColumnType canonical =
        switch (t.kind()) {
          case JSONB -> ColumnType.json();
          case TIMESTAMPTZ -> ColumnType.timestamp();
          case UUID -> ColumnType.fixedChar(36);
          case RAW -> raw(t.raw());
          default -> t;
        };
    Column c = column.withType(canonical);
    if (canonical.kind() == ColumnType.Kind.RAW && canonical.raw().equals("bit(1)")) {
      c = c.withDefault(c.defaultValue().map(MySqlNormalizer::bit));
    }
    if (c.defaultValue().orElse(null) instanceof DefaultValue.Expression e
        && NOW.matcher(e.sql().strip()).matches()
        && (MySqlTypes.sql(canonical).endsWith("(6)") || !e.sql().contains("6"))) {
      // MariaDB stores now() as current_timestamp(), and CURRENT_TIMESTAMP on a datetime(6)
      // column with the column's precision
      c = c.withDefault(Optional.of(new DefaultValue.Expression("CURRENT_TIMESTAMP")));
    }
    return c;
  }

  private static final java.util.regex.Pattern INTEGER_WIDTH =
      java.util.regex.Pattern.compile("(?i)(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)(.*)");

  /**
   * A raw type as the catalog compares it: MariaDB (and MySQL before 8.0.19) report integer display
   * widths ({@code tinyint(4)}) that a definition does not write and that change nothing; a native
   * {@code uuid} (MariaDB 10.7) is the {@code char(36)} that the portable uuid is; a bare {@code
   * bit} is {@code bit(1)}.
   */
  private static ColumnType raw(String type) {
    String t = type.strip().toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher m = INTEGER_WIDTH.matcher(t);
    if (m.matches() && !t.equals("tinyint(1)")) {
      ColumnType bare = MySqlTypes.parse(m.group(1) + m.group(2), false);
      return bare.kind() == ColumnType.Kind.RAW ? ColumnType.raw(bare.raw().strip()) : bare;
    }
    return switch (t) {
      case "uuid" -> ColumnType.fixedChar(36);
      case "bit" -> ColumnType.raw("bit(1)");
      default -> ColumnType.raw(t);
    };
  }

  /**
   * A {@code bit(1)} default as the catalog shows it ({@code b'1'}) or as written ({@code true},
   * 1).
   */
  private static DefaultValue bit(DefaultValue d) {
    String v =
        (d instanceof DefaultValue.Literal l ? l.value() : ((DefaultValue.Expression) d).sql())
            .strip()
            .toLowerCase(java.util.Locale.ROOT);
    return switch (v) {
      case "b'1'", "1", "true", "'1'" -> new DefaultValue.Literal("true");
      case "b'0'", "0", "false", "'0'" -> new DefaultValue.Literal("false");
      default -> d;
    };
  }

  @Override
  protected boolean keepsTableOptions() {
    return true;
  }

  /**
   * Option values compare without case ({@code InnoDB}, {@code innodb}); {@code utf8} is {@code
   * utf8mb3}, as both servers now name it, in a character set and in a collation's name.
   */
  @Override
  protected java.util.Map<String, String> tableOptions(java.util.Map<String, String> options) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    options.forEach((k, v) -> out.put(k, utf8(v.strip().toLowerCase(java.util.Locale.ROOT))));
    return out;
  }

  private static String utf8(String name) {
    return name.equals("utf8") || name.startsWith("utf8_") ? "utf8mb3" + name.substring(4) : name;
  }

  @Override
  protected Table table(Table table) {
    List<UniqueConstraint> uniques = new ArrayList<>(table.uniques());
    List<Index> indexes = new ArrayList<>();
    for (Index i : table.indexes()) {
      if (i.unique() && isPlain(i)) {
        uniques.add(new UniqueConstraint(Optional.of(i.name()), i.columns()));
      } else {
        indexes.add(i);
      }
    }
    return table
        .withUniques(uniques)
        .withIndexes(indexes)
        .withForeignKeys(table.foreignKeys().stream().map(MySqlNormalizer::foreignKey).toList());
  }

  /**
   * A unique index on whole columns: MariaDB keeps one that is too long for a B-tree as {@code
   * USING HASH} by itself, so that method still makes a plain unique key.
   */
  private static boolean isPlain(Index i) {
    return i.where().isEmpty()
        && i.method().filter(m -> !m.equalsIgnoreCase("hash")).isEmpty()
        && i.include().isEmpty()
        && i.parts().stream()
            .allMatch(
                p ->
                    p.columnName().isPresent()
                        && p.order() != IndexPart.Order.DESC
                        && p.nulls() == IndexPart.Nulls.DEFAULT
                        && p.opclass().isEmpty());
  }

  private static ForeignKey foreignKey(ForeignKey fk) {
    return new ForeignKey(
        fk.name(),
        fk.columns(),
        fk.referencedTable(),
        fk.referencedColumns(),
        noAction(fk.onDelete()),
        noAction(fk.onUpdate()),
        fk.deferrable(),
        fk.initiallyDeferred(),
        false);
  }

  private static ReferentialAction noAction(ReferentialAction a) {
    return a == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : a;
  }
}
