package dev.retort.diff;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@link Normalizer} that works table by table, with the canonical forms every dialect shares; a
 * dialect overrides the hooks for its own.
 *
 * <p>Shared forms: a boolean literal default is {@code true} or {@code false} whichever of {@code
 * 1}, {@code 't'}, {@code TRUE} it was written or read as; a numeric literal default loses trailing
 * zeros ({@code 0.00} is {@code 0}), as every database compares numbers by value; {@code
 * current_timestamp()} and {@code current_timestamp} are {@code CURRENT_TIMESTAMP} (a dialect whose
 * database stores {@code now()} as that says so too; PostgreSQL keeps {@code now()} as written, and
 * so does the migration autogenerate writes); a check expression, partial-index predicate or index
 * key expression is spelt as {@link CheckExpression} describes, without the parentheses and quotes
 * that the catalogs of PostgreSQL and MySQL add.
 */
public abstract class TableNormalizer implements Normalizer {
  /** For a dialect's normalizer. */
  protected TableNormalizer() {}

  private static final Set<String> TRUE = Set.of("true", "1", "t", "yes", "on", "y");
  private static final Set<String> FALSE = Set.of("false", "0", "f", "no", "off", "n");
  private static final Set<ColumnType.Kind> NUMBERS =
      Set.of(
          ColumnType.Kind.SMALLINT,
          ColumnType.Kind.INTEGER,
          ColumnType.Kind.BIGINT,
          ColumnType.Kind.NUMERIC,
          ColumnType.Kind.REAL,
          ColumnType.Kind.DOUBLE);
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NULL =
      Pattern.compile("(?i)^\\(?null\\)?(::[a-z][a-z ]*(\\(\\d+(,\\d+)?\\))?)?$");
  private static final Pattern CAST_LITERAL =
      Pattern.compile("^('(?:[^']|'')*')::[a-z][a-z ]*(\\(\\d+(,\\d+)?\\))?(\\[\\])?$");
  private static final Pattern NOW = Pattern.compile("(?i)current_timestamp(\\(\\))?");

  @Override
  public final Schema normalize(Schema schema) {
    List<Table> tables = new ArrayList<>(schema.tables().size());
    for (Table t : schema.tables()) {
      tables.add(normalizeTable(t));
    }
    return schema.withTables(tables);
  }

  // Loops rather than streams here and in shared(): this runs for every column of both schemas,
  // cold, and a capturing lambda per element cost a third of comparing 1,000 tables.
  private Table normalizeTable(Table t) {
    List<Column> columns = new ArrayList<>(t.columns().size());
    for (Column c : t.columns()) {
      columns.add(column(t, shared(c)));
    }
    Table out = t.withColumns(columns);
    if (!t.options().isEmpty()) {
      out = out.withOptions(keepsTableOptions() ? tableOptions(t.options()) : Map.of());
    }
    if (!t.checks().isEmpty()) {
      List<CheckConstraint> checks = new ArrayList<>(t.checks().size());
      for (CheckConstraint c : t.checks()) {
        checks.add(new CheckConstraint(c.name(), predicate(c.expression())));
      }
      out = out.withChecks(checks);
    }
    if (!t.indexes().isEmpty()) {
      List<Index> indexes = new ArrayList<>(t.indexes().size());
      for (Index i : t.indexes()) {
        indexes.add(index(i));
      }
      out = out.withIndexes(indexes);
    }
    return table(out);
  }

  private Index index(Index i) {
    boolean expressions = false;
    for (IndexPart part : i.parts()) {
      expressions |= part.expression();
    }
    if (i.where().isEmpty() && !expressions) {
      return i;
    }
    List<IndexPart> parts = new ArrayList<>(i.parts().size());
    for (IndexPart part : i.parts()) {
      parts.add(part.expression() ? part.withText(predicate(part.text())) : part);
    }
    return i.withWhere(i.where().map(this::predicate)).withParts(parts);
  }

  private String predicate(String sql) {
    return CheckExpression.canonical(checkExpression(squash(sql)));
  }

  /** The dialect's own rewriting of a column, after the shared forms. */
  protected Column column(Table table, Column column) {
    return column;
  }

  /**
   * Whether the database has table options ({@link Table#options()}); where it has none, a table
   * that states some compares as one that states none.
   */
  protected boolean keepsTableOptions() {
    return false;
  }

  /** The dialect's canonical spelling of table options, where it has them. */
  protected Map<String, String> tableOptions(Map<String, String> options) {
    return options;
  }

  /** The dialect's own rewriting of a table, after its columns and checks. */
  protected Table table(Table table) {
    return table;
  }

  /**
   * The dialect's own rewriting of a check expression or index predicate, before the shared
   * canonical spelling ({@link CheckExpression}) is applied.
   */
  protected String checkExpression(String expression) {
    return expression;
  }

  private static Column shared(Column c) {
    if (c.defaultValue().isEmpty()) {
      return c;
    }
    DefaultValue d = c.defaultValue().get();
    if (d instanceof DefaultValue.Expression e && NULL.matcher(e.sql().strip()).matches()) {
      return c.withDefault(
          Optional.empty()); // DEFAULT NULL is no default: every database reads it back so
    }
    DefaultValue canonical = defaultValue(c.type(), d);
    return canonical.equals(d) ? c : c.withDefault(Optional.of(canonical));
  }

  /** A default in the shared canonical form, for a column of {@code type}. */
  static DefaultValue defaultValue(ColumnType type, DefaultValue d) {
    if (d instanceof DefaultValue.Expression e) {
      String sql = e.sql().strip();
      if (NOW.matcher(sql).matches()) {
        return new DefaultValue.Expression("CURRENT_TIMESTAMP");
      }
      // a quoted literal cast to a type, as PostgreSQL keeps DEFAULT '0' on a bigint: '0'::bigint
      String bare = CAST_LITERAL.matcher(unwrap(sql)).replaceFirst("$1");
      // an expression that is just a literal ('x', 42, TRUE) is that literal
      if (bare.length() >= 2
          && bare.startsWith("'")
          && bare.endsWith("'")
          && !bare.substring(1, bare.length() - 1).replace("''", "").contains("'")) {
        String text = bare.substring(1, bare.length() - 1).replace("''", "'");
        return defaultValue(type, new DefaultValue.Literal(text));
      }
      if (NUMBER.matcher(bare).matches()
          || TRUE.contains(bare.toLowerCase(Locale.ROOT))
          || FALSE.contains(bare.toLowerCase(Locale.ROOT))) {
        return defaultValue(type, new DefaultValue.Literal(bare));
      }
      return new DefaultValue.Expression(sql);
    }
    String v = ((DefaultValue.Literal) d).value();
    if (type.kind() == ColumnType.Kind.BOOLEAN) {
      String lower = v.strip().toLowerCase(Locale.ROOT);
      if (TRUE.contains(lower)) {
        return new DefaultValue.Literal("true");
      }
      if (FALSE.contains(lower)) {
        return new DefaultValue.Literal("false");
      }
    }
    if (NUMBERS.contains(type.kind()) && NUMBER.matcher(v.strip()).matches()) {
      return new DefaultValue.Literal(
          new BigDecimal(v.strip()).stripTrailingZeros().toPlainString());
    }
    return d;
  }

  /** Whitespace runs as one space, and outer parentheses that wrap the whole expression removed. */
  static String squash(String sql) {
    return unwrap(sql.replaceAll("\\s+", " ").strip());
  }

  private static String unwrap(String sql) {
    String s = sql;
    while (s.startsWith("(") && s.endsWith(")") && closes(s) == s.length() - 1) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  /** Where the parenthesis opening {@code s} closes, skipping quoted text; -1 if it never does. */
  private static int closes(String s) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"' || ch == '`') {
        quote = ch;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code sql} with its names and keywords in lower case, for a database that does not tell {@code
   * Score} from {@code score}: text inside single quotes (a string) and inside the quote characters
   * in {@code keep} (names the database compares as written) is left alone.
   */
  protected static String foldCase(String sql, String keep) {
    StringBuilder out = new StringBuilder(sql.length());
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char ch = sql.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
        out.append(ch);
      } else if (ch == '\'' || keep.indexOf(ch) >= 0) {
        quote = ch;
        out.append(ch);
      } else {
        out.append(Character.toLowerCase(ch));
      }
    }
    return out.toString();
  }

  /** The column with no comment, for databases that cannot keep one. */
  protected static Column withoutComment(Column c) {
    return c.withComment(Optional.empty());
  }
}
