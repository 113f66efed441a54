package dev.retort.dialect.sqlite;

import dev.retort.schema.CheckConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the PRAGMAs do not tell about a table, read from its {@code CREATE TABLE} text in {@code
 * sqlite_master}: constraint names, CHECK expressions and AUTOINCREMENT
 * (https://www.sqlite.org/lang_createtable.html). It tokenizes just enough to split the definition
 * into column definitions and table constraints, respecting quotes, strings, comments and
 * parentheses.
 */
final class SqliteTableSql {

  /**
   * A named or unnamed constraint over columns, as written; the deferral flags concern foreign keys
   * only.
   */
  record Named(
      Optional<String> name, List<String> columns, boolean deferrable, boolean initiallyDeferred) {
    Named(Optional<String> name, List<String> columns) {
      this(name, columns, false, false);
    }
  }

  private enum Kind {
    WORD,
    IDENT,
    STRING,
    OPEN,
    CLOSE,
    COMMA,
    OTHER
  }

  private record Token(Kind kind, String text, int start, int end) {
    boolean is(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }
  }

  private final Set<String> autoIncrement = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, String> collations = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private Optional<String> primaryKeyName = Optional.empty();
  private final List<Named> uniques = new ArrayList<>();
  private final List<Named> foreignKeys = new ArrayList<>();
  private final List<CheckConstraint> checks = new ArrayList<>();

  private SqliteTableSql() {}

  /** Reads a {@code CREATE TABLE} statement. */
  static SqliteTableSql parse(String createTable) {
    SqliteTableSql table = new SqliteTableSql();
    List<Token> tokens = tokenize(createTable);
    int open = 0;
    while (open < tokens.size() && tokens.get(open).kind != Kind.OPEN) {
      open++;
    }
    int depth = 0;
    List<Token> item = new ArrayList<>();
    for (int i = open + 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind == Kind.OPEN) {
        depth++;
      } else if (t.kind == Kind.CLOSE && depth-- == 0) {
        table.readItem(item, createTable);
        break;
      } else if (t.kind == Kind.COMMA && depth == 0) {
        table.readItem(item, createTable);
        item = new ArrayList<>();
        continue;
      }
      item.add(t);
    }
    return table;
  }

  /** The predicate of a partial index, from its {@code CREATE INDEX} text. */
  static Optional<String> indexWhere(String createIndex) {
    if (createIndex == null) {
      return Optional.empty();
    }
    int depth = 0;
    for (Token t : tokenize(createIndex)) {
      if (t.kind == Kind.OPEN) {
        depth++;
      } else if (t.kind == Kind.CLOSE) {
        depth--;
      } else if (depth == 0 && t.is("WHERE")) {
        return Optional.of(createIndex.substring(t.end).strip());
      }
    }
    return Optional.empty();
  }

  /**
   * Every name a statement mentions, bare or quoted, unquoted and in order: its words and quoted
   * identifiers, leaving out string literals and comments. Keywords come too; a caller matches the
   * names against what it knows.
   */
  static List<String> names(String sql) {
    List<String> out = new ArrayList<>();
    for (Token t : tokenize(sql)) {
      if (t.kind == Kind.WORD || t.kind == Kind.IDENT) {
        out.add(t.text);
      }
    }
    return out;
  }

  /**
   * The key texts of a CREATE INDEX statement, in order, each without a trailing ASC or DESC
   * ({@code lower(email)}, {@code name}); empty when the statement cannot be read.
   */
  static List<String> indexKeys(String createIndex) {
    if (createIndex == null) {
      return List.of();
    }
    List<Token> tokens = tokenize(createIndex);
    int open = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).kind == Kind.OPEN) {
        open = i;
        break;
      }
    }
    if (open < 0) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    int depth = 0;
    int from = tokens.get(open).end;
    for (int i = open + 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind == Kind.OPEN) {
        depth++;
      } else if (t.kind == Kind.CLOSE && depth > 0) {
        depth--;
      } else if (depth == 0 && (t.kind == Kind.COMMA || t.kind == Kind.CLOSE)) {
        keys.add(
            createIndex.substring(from, t.start).strip().replaceFirst("(?i)\\s+(ASC|DESC)$", ""));
        from = t.end;
        if (t.kind == Kind.CLOSE) {
          return keys;
        }
      }
    }
    return List.of();
  }

  Set<String> autoIncrementColumns() {
    return autoIncrement;
  }

  /** The collation a column definition names ({@code COLLATE NOCASE}), by column. */
  Map<String, String> collations() {
    return collations;
  }

  Optional<String> primaryKeyName() {
    return primaryKeyName;
  }

  List<Named> uniques() {
    return uniques;
  }

  List<Named> foreignKeys() {
    return foreignKeys;
  }

  List<CheckConstraint> checks() {
    return checks;
  }

  /** One column definition or table constraint; a column's own constraints apply to it alone. */
  private void readItem(List<Token> item, String source) {
    if (item.isEmpty()) {
      return;
    }
    Token first = item.get(0);
    boolean tableConstraint =
        first.is("CONSTRAINT")
            || first.is("PRIMARY")
            || first.is("UNIQUE")
            || first.is("CHECK")
            || first.is("FOREIGN");
    List<String> self = tableConstraint ? List.of() : List.of(name(first));
    Optional<String> pending = Optional.empty();
    boolean foreignKeyOpen = false;
    for (int i = tableConstraint ? 0 : 1; i < item.size(); i++) {
      Token t = item.get(i);
      if (t.is("CONSTRAINT") && i + 1 < item.size()) {
        pending = Optional.of(name(item.get(++i)));
      } else if (t.is("AUTOINCREMENT") && !tableConstraint) {
        autoIncrement.add(self.get(0));
      } else if (t.is("COLLATE") && !tableConstraint && i + 1 < item.size()) {
        collations.put(self.get(0), name(item.get(++i)));
      } else if (t.is("DEFERRABLE") && !foreignKeys.isEmpty() && !item.get(i - 1).is("NOT")) {
        // https://www.sqlite.org/foreignkeys.html#fk_deferred: the clause follows REFERENCES
        Named fk = foreignKeys.remove(foreignKeys.size() - 1);
        boolean deferred =
            i + 2 < item.size()
                && item.get(i + 1).is("INITIALLY")
                && item.get(i + 2).is("DEFERRED");
        foreignKeys.add(new Named(fk.name(), fk.columns(), true, deferred));
      } else if (t.is("PRIMARY")) {
        primaryKeyName = pending;
        pending = Optional.empty();
      } else if (t.is("UNIQUE")) {
        uniques.add(new Named(pending, tableConstraint ? groupColumns(item, i + 1) : self));
        pending = Optional.empty();
      } else if (t.is("CHECK")) {
        int close = matching(item, i + 1);
        if (close > 0) {
          checks.add(
              new CheckConstraint(
                  pending, source.substring(item.get(i + 1).end, item.get(close).start).strip()));
          i = close;
        }
        pending = Optional.empty();
      } else if (t.is("FOREIGN")) {
        foreignKeys.add(new Named(pending, groupColumns(item, i + 2)));
        foreignKeyOpen = true;
        pending = Optional.empty();
      } else if (t.is("REFERENCES")) {
        if (!foreignKeyOpen) {
          foreignKeys.add(new Named(pending, self));
        }
        foreignKeyOpen = false;
        pending = Optional.empty();
      } else if (t.kind == Kind.OPEN) {
        i = Math.max(i, matching(item, i));
      }
    }
  }

  /** The column names in the parenthesized list starting at {@code open}. */
  private static List<String> groupColumns(List<Token> item, int open) {
    List<String> columns = new ArrayList<>();
    if (open >= item.size() || item.get(open).kind != Kind.OPEN) {
      return columns;
    }
    boolean expectName = true;
    int depth = 0;
    for (int i = open + 1; i < item.size(); i++) {
      Token t = item.get(i);
      if (t.kind == Kind.OPEN) {
        depth++;
      } else if (t.kind == Kind.CLOSE && depth-- == 0) {
        break;
      } else if (t.kind == Kind.COMMA && depth == 0) {
        expectName = true;
      } else if (expectName && depth == 0) {
        columns.add(name(t));
        expectName = false;
      }
    }
    return columns;
  }

  private static int matching(List<Token> item, int open) {
    if (open >= item.size() || item.get(open).kind != Kind.OPEN) {
      return -1;
    }
    int depth = 0;
    for (int i = open; i < item.size(); i++) {
      Kind k = item.get(i).kind;
      if (k == Kind.OPEN) {
        depth++;
      } else if (k == Kind.CLOSE && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String name(Token t) {
    return t.kind == Kind.STRING
        ? t.text.substring(1, t.text.length() - 1).replace("''", "'")
        : t.text;
  }

  /**
   * Splits SQL text into tokens (https://www.sqlite.org/lang_keywords.html: identifiers may be
   * quoted with "", `` or []; strings use '').
   */
  private static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        i++;
        StringBuilder text = new StringBuilder();
        while (i < n) {
          char d = sql.charAt(i++);
          if (d == close) {
            if (close != ']' && i < n && sql.charAt(i) == close) {
              text.append(d);
              i++;
            } else {
              break;
            }
          } else {
            text.append(d);
          }
        }
        tokens.add(
            c == '\''
                ? new Token(Kind.STRING, sql.substring(start, i), start, i)
                : new Token(Kind.IDENT, text.toString(), start, i));
      } else if (c == '(' || c == ')' || c == ',') {
        i++;
        tokens.add(
            new Token(
                c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA,
                String.valueOf(c),
                start,
                i));
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127) {
        while (i < n
            && (Character.isLetterOrDigit(sql.charAt(i))
                || sql.charAt(i) == '_'
                || sql.charAt(i) == '$'
                || sql.charAt(i) > 127)) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, sql.substring(start, i), start, i));
      } else {
        i++;
        tokens.add(new Token(Kind.OTHER, String.valueOf(c), start, i));
      }
    }
    return tokens;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "pk=%s uniques=%s fks=%s checks=%s autoincrement=%s",
        primaryKeyName,
        uniques,
        foreignKeys,
        checks,
        autoIncrement);
  }
}
