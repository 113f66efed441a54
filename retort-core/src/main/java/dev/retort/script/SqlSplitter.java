package dev.retort.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a SQL script into statements on {@code ;}, the way the databases Retort supports read it.
 *
 * <p>A {@code ;} does not end a statement inside a single-quoted string (with {@code ''} escapes),
 * a PostgreSQL {@code E'...'} string (with backslash escapes), a double-quoted or backtick
 * identifier, a {@code --} line comment, a nested {@code /* *}{@code /} block comment, a
 * dollar-quoted string ({@code $$...$$}, {@code $tag$...$tag$}; {@code $1} is a parameter), or the
 * {@code BEGIN ... END} body of a {@code CREATE TRIGGER}, {@code CREATE PROCEDURE} or {@code CREATE
 * FUNCTION} (SQLite, MySQL, PostgreSQL {@code BEGIN ATOMIC}). A plain {@code BEGIN;} is an ordinary
 * statement.
 *
 * <p>Statements come back trimmed and without their {@code ;}. Comments before a statement and
 * after its last token are dropped; comments inside it are kept as written, and a MySQL executable
 * comment ({@code /*! ... *}{@code /}) counts as code. A piece holding only whitespace and comments
 * is dropped.
 *
 * <pre>{@code
 * SqlSplitter.split("CREATE TABLE t (a text DEFAULT ';'); INSERT INTO t VALUES ('x')")
 *   // ["CREATE TABLE t (a text DEFAULT ';')", "INSERT INTO t VALUES ('x')"]
 * }</pre>
 */
public final class SqlSplitter {
  /** Object kinds whose CREATE statement may carry a {@code BEGIN ... END} body. */
  private static final Set<String> BODY_KINDS = Set.of("TRIGGER", "PROCEDURE", "FUNCTION", "EVENT");

  /** Object kinds that settle a CREATE statement as one without a body. */
  private static final Set<String> PLAIN_KINDS =
      Set.of(
          "TABLE",
          "VIEW",
          "INDEX",
          "SEQUENCE",
          "TYPE",
          "SCHEMA",
          "DATABASE",
          "DOMAIN",
          "EXTENSION",
          "ROLE",
          "USER",
          "MATERIALIZED",
          "POLICY",
          "RULE",
          "CAST",
          "COLLATION",
          "OPERATOR",
          "PUBLICATION",
          "SUBSCRIPTION",
          "SERVER",
          "TABLESPACE",
          "STATISTICS");

  /**
   * MySQL closes these with {@code END IF} etc. (MariaDB also {@code END FOR}); they never open a
   * counted block.
   */
  private static final Set<String> END_SUFFIXES = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");

  private enum Kind {
    UNKNOWN,
    CREATE_PENDING,
    WITH_BODY,
    PLAIN
  }

  private final String s;
  private final int n;
  private final List<Statement> out = new ArrayList<>();

  /**
   * Start and end offsets of each comment, when {@link #comments} asked for them; then only the
   * lexical scan runs (no keywords, no statements), which every SQL migration's header read pays.
   */
  private List<int[]> comments;

  private int pos;
  private int start = -1;
  private int end;
  private Kind kind = Kind.UNKNOWN;
  private int depth;
  private int lineCursor;
  private int lineAtCursor;

  /**
   * Whether the text is MySQL's: backslashes escape in {@code '...'} and {@code "..."} (the
   * server's default sql_mode, and how {@code mariadb-dump} writes a quote in data), and {@code #}
   * starts a comment. Read the standard way, {@code 'it\\'s; here'} would end at the backslash and
   * its {@code ;} would split the statement.
   */
  private boolean mysql;

  /** Whether the mysql client's {@code DELIMITER} lines are read ({@link #splitScript}). */
  private boolean clientDelimiters;

  /** The statement terminator a {@code DELIMITER} line set, when it is not {@code ;}. */
  private String delimiter;

  private SqlSplitter(String sql, int firstLine) {
    this.s = sql;
    this.n = sql.length();
    this.lineAtCursor = firstLine;
  }

  /**
   * The statements of {@code sql}.
   *
   * @throws IllegalArgumentException when a string, identifier, comment or dollar quote is not
   *     closed; the message names the line it opens on
   */
  public static List<String> split(String sql) {
    return splitWithLines(sql, 1).stream().map(Statement::sql).toList();
  }

  /**
   * The statements of {@code sql} with the line each starts on, counting the first line of {@code
   * sql} as {@code firstLine} (the line of the file where this section begins).
   *
   * @throws IllegalArgumentException when a string, identifier, comment or dollar quote is not
   *     closed; the message names the line it opens on
   */
  public static List<Statement> splitWithLines(String sql, int firstLine) {
    return splitWithLines(sql, firstLine, false);
  }

  /**
   * {@link #splitWithLines(String, int)}, reading MySQL's strings and comments when {@code mysql}.
   */
  public static List<Statement> splitWithLines(String sql, int firstLine, boolean mysql) {
    SqlSplitter splitter = new SqlSplitter(sql, firstLine);
    splitter.mysql = mysql;
    splitter.run();
    return List.copyOf(splitter.out);
  }

  /**
   * The statements of a script written for a command-line client, as {@link #splitWithLines}, but
   * also reading the mysql client's {@code DELIMITER} lines, which {@code mariadb-dump} writes
   * around triggers and routines and install scripts around their functions: after {@code DELIMITER
   * //} a statement ends at {@code //} outside quotes and comments, {@code ;} is text, and {@code
   * DELIMITER ;} goes back. Migration files are split by {@link #splitWithLines}, where such a line
   * is SQL like any other.
   *
   * @throws IllegalArgumentException when a string, identifier, comment or dollar quote is not
   *     closed; the message names the line it opens on
   */
  public static List<Statement> splitScript(String sql, int firstLine) {
    return splitScript(sql, firstLine, false);
  }

  /** {@link #splitScript(String, int)}, reading MySQL's strings and comments when {@code mysql}. */
  public static List<Statement> splitScript(String sql, int firstLine, boolean mysql) {
    SqlSplitter splitter = new SqlSplitter(sql, firstLine);
    splitter.mysql = mysql;
    splitter.clientDelimiters = true;
    splitter.run();
    return List.copyOf(splitter.out);
  }

  /**
   * Where the comments of {@code sql} are: one {@code {start, end}} pair of offsets per {@code --}
   * or block comment, in order, found with the same rules as statements (a {@code --} inside a
   * string is no comment).
   *
   * @throws IllegalArgumentException when a string, identifier, comment or dollar quote is not
   *     closed; the message names the line it opens on
   */
  static List<int[]> comments(String sql) {
    SqlSplitter splitter = new SqlSplitter(sql, 1);
    splitter.comments = new ArrayList<>();
    splitter.run();
    return splitter.comments;
  }

  /**
   * Whether {@code sql} ends in a {@code --} comment, so that a {@code ;} written after it on the
   * same line would be part of the comment (SQLite keeps a view's trailing comment in its
   * statement).
   *
   * @throws IllegalArgumentException when a string, identifier, comment or dollar quote is not
   *     closed
   */
  public static boolean endsInLineComment(String sql) {
    List<int[]> found = comments(sql);
    if (found.isEmpty()) {
      return false;
    }
    int[] last = found.get(found.size() - 1);
    return sql.startsWith("--", last[0]) && sql.substring(last[1]).isBlank();
  }

  private void run() {
    while (pos < n) {
      char c = s.charAt(pos);
      char next = pos + 1 < n ? s.charAt(pos + 1) : '\0';
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (clientDelimiters && start < 0 && delimiterLine()) {
        continue;
      } else if (delimiter != null && s.startsWith(delimiter, pos)) {
        finish();
        pos += delimiter.length();
      } else if (c == '-' && next == '-' || c == '#' && mysql) {
        skipLineComment();
      } else if (c == '/' && next == '*') {
        boolean executable = pos + 2 < n && s.charAt(pos + 2) == '!';
        int at = pos;
        skipBlockComment();
        if (executable) {
          significant(at);
        }
      } else if (c == ';' && depth == 0 && delimiter == null) {
        finish();
        pos++;
      } else {
        int at = pos;
        token(c);
        significant(at);
      }
    }
    finish();
  }

  /**
   * At the start of a statement, a {@code DELIMITER x} line: takes {@code x} as the terminator from
   * here on ({@code ;} goes back to the usual rules) and skips the line.
   */
  private boolean delimiterLine() {
    if (!s.regionMatches(true, pos, "DELIMITER", 0, 9)
        || pos + 9 >= n
        || !Character.isWhitespace(s.charAt(pos + 9))
        || s.charAt(pos + 9) == '\n') {
      return false;
    }
    int eol = s.indexOf('\n', pos);
    String[] words = s.substring(pos, eol < 0 ? n : eol).strip().split("\\s+");
    if (words.length != 2) {
      return false;
    }
    delimiter = words[1].equals(";") ? null : words[1];
    pos = eol < 0 ? n : eol;
    return true;
  }

  private void token(char c) {
    if (c == '\'') {
      boolean backslashes =
          mysql
              || pos > 0
                  && (s.charAt(pos - 1) == 'E' || s.charAt(pos - 1) == 'e')
                  && (pos < 2 || !isWordChar(s.charAt(pos - 2)));
      skipQuoted('\'', backslashes, "string");
    } else if (c == '"') {
      skipQuoted('"', mysql, mysql ? "string" : "quoted identifier");
    } else if (c == '`') {
      skipQuoted('`', false, "backtick identifier");
    } else if (c == '$') {
      skipDollar();
    } else if (isWordChar(c)) {
      int from = pos;
      while (pos < n && isWordChar(s.charAt(pos))) {
        pos++;
      }
      // Keywords only decide where a statement ends; where comments are does not depend on them.
      if (comments == null && Character.isLetter(c) && pos - from <= 12) {
        word(s.substring(from, pos).toUpperCase(Locale.ROOT), from);
      }
    } else {
      if (c == '(' && kind == Kind.CREATE_PENDING) {
        kind = Kind.PLAIN;
      }
      pos++;
    }
  }

  private void word(String w, int from) {
    switch (kind) {
      case UNKNOWN -> kind = w.equals("CREATE") ? Kind.CREATE_PENDING : Kind.PLAIN;
      case CREATE_PENDING -> {
        if (BODY_KINDS.contains(w)) {
          kind = Kind.WITH_BODY;
        } else if (PLAIN_KINDS.contains(w)) {
          kind = Kind.PLAIN;
        }
      }
      case WITH_BODY -> {
        // "t.end" is a column, not a keyword.
        if (from > 0 && s.charAt(from - 1) == '.') {
          return;
        }
        if (w.equals("BEGIN") || w.equals("CASE")) {
          depth++;
        } else if (w.equals("END") && depth > 0) {
          closeBlock();
        }
      }
      case PLAIN -> {}
    }
  }

  /** After END: {@code END IF/LOOP/WHILE/REPEAT} close nothing we count; {@code END CASE} does. */
  private void closeBlock() {
    int p = pos;
    while (p < n && Character.isWhitespace(s.charAt(p))) {
      p++;
    }
    int from = p;
    while (p < n && isWordChar(s.charAt(p))) {
      p++;
    }
    String following = s.substring(from, p).toUpperCase(Locale.ROOT);
    if (END_SUFFIXES.contains(following)) {
      pos = p;
      return;
    }
    if (following.equals("CASE")) {
      pos = p;
    }
    depth--;
  }

  private void skipLineComment() {
    int open = pos;
    while (pos < n && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
      pos++;
    }
    if (comments != null) {
      comments.add(new int[] {open, pos});
    }
  }

  /** PostgreSQL block comments nest (SQL standard); see "Comments" in the PostgreSQL manual. */
  private void skipBlockComment() {
    int open = pos;
    int nesting = 0;
    while (pos < n) {
      if (s.startsWith("/*", pos)) {
        nesting++;
        pos += 2;
      } else if (s.startsWith("*/", pos)) {
        nesting--;
        pos += 2;
        if (nesting == 0) {
          if (comments != null) {
            comments.add(new int[] {open, pos});
          }
          return;
        }
      } else {
        pos++;
      }
    }
    throw unterminated(open, "block comment");
  }

  private void skipQuoted(char quote, boolean backslashes, String what) {
    int open = pos;
    pos++;
    while (pos < n) {
      char c = s.charAt(pos);
      if (backslashes && c == '\\') {
        pos += 2;
      } else if (c == quote) {
        pos++;
        if (pos < n && s.charAt(pos) == quote) {
          pos++;
        } else {
          return;
        }
      } else {
        pos++;
      }
    }
    throw unterminated(open, what);
  }

  /** {@code $tag$} opens a dollar quote; {@code $1} (a parameter) and {@code a$b} do not. */
  private void skipDollar() {
    int open = pos;
    int p = pos + 1;
    if (p < n && (Character.isLetter(s.charAt(p)) || s.charAt(p) == '_')) {
      while (p < n && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) {
        p++;
      }
    }
    if (p >= n || s.charAt(p) != '$') {
      pos++;
      return;
    }
    String tag = s.substring(open, p + 1);
    int close = s.indexOf(tag, p + 1);
    if (close < 0) {
      throw unterminated(open, "dollar-quoted string " + tag);
    }
    pos = close + tag.length();
  }

  private void significant(int at) {
    if (start < 0) {
      start = at;
    }
    end = pos;
  }

  private void finish() {
    if (start >= 0 && comments == null) {
      out.add(new Statement(s.substring(start, end), lineOf(start)));
    }
    start = -1;
    kind = Kind.UNKNOWN;
    depth = 0;
  }

  /** Lines are counted lazily and only forwards: statement starts and errors only move forward. */
  private int lineOf(int index) {
    for (; lineCursor < index; lineCursor++) {
      char c = s.charAt(lineCursor);
      if (c == '\n' || (c == '\r' && (lineCursor + 1 >= n || s.charAt(lineCursor + 1) != '\n'))) {
        lineAtCursor++;
      }
    }
    return lineAtCursor;
  }

  private SyntaxException unterminated(int open, String what) {
    return new SyntaxException(lineOf(open), "unterminated " + what);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** A script that cannot be split; {@link #line} is where the unclosed construct opens. */
  static final class SyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final int line;
    final String problem;

    SyntaxException(int line, String problem) {
      super("line " + line + ": " + problem);
      this.line = line;
      this.problem = problem;
    }
  }
}
