package dev.retort.runtime;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.error.UsageException;
import dev.retort.ops.Op;
import dev.retort.ops.OpSink;
import dev.retort.script.SqlSplitter;
import java.sql.Connection;
import java.util.List;

/** Writes each op's SQL to a script instead of executing it ({@code --sql}). */
final class OfflineSink implements OpSink {
  private final Dialect dialect;
  private final Renderer renderer;
  private final StringBuilder out;
  private String revision = "";

  OfflineSink(Dialect dialect, StringBuilder out) {
    this.dialect = dialect;
    this.renderer = dialect.renderer(Catalog.NONE);
    this.out = out;
  }

  void revision(String id) {
    revision = id;
  }

  @Override
  public void accept(Op op) {
    write(renderer.render(op));
  }

  void write(List<Sql> statements) {
    for (Sql sql : statements) {
      String text = sql.inline(dialect);
      String delimiter = dialect.lexis() == Sql.Lexis.MYSQL ? clientDelimiter(text) : null;
      if (delimiter != null) {
        out.append("DELIMITER ")
            .append(delimiter)
            .append('\n')
            .append(text)
            .append('\n')
            .append(delimiter)
            .append("\nDELIMITER ;\n");
      } else {
        out.append(text).append(SqlSplitter.endsInLineComment(text) ? "\n;\n" : ";\n");
      }
    }
  }

  /**
   * The mysql client ends a statement at every {@code ;} it reads outside quotes and comments, so a
   * statement with one inside (a trigger's or routine's {@code BEGIN ... END}) is written between
   * {@code DELIMITER} lines, as {@code mariadb-dump} writes them: the delimiter is one the text
   * does not hold. Null when the statement needs none.
   */
  private static String clientDelimiter(String text) {
    if (!hasBareSemicolon(text)) {
      return null;
    }
    for (String candidate : List.of(";;", "//", "$$", "@@;;")) {
      if (!text.contains(candidate)) {
        return candidate;
      }
    }
    throw new UsageException(
        "cannot write a statement for the mysql client: it holds every delimiter tried");
  }

  /**
   * Whether a {@code ;} stands outside quotes ({@code '}, {@code "} and {@code `}, with backslash
   * escapes in strings) and comments ({@code --}, {@code #}, block), where the client would end the
   * statement.
   */
  static boolean hasBareSemicolon(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        for (i++; i < n && text.charAt(i) != c; i++) {
          if (text.charAt(i) == '\\' && c != '`') {
            i++;
          }
        }
      } else if (c == '#' || c == '-' && text.startsWith("-- ", i)) {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? n : eol;
      } else if (c == '/' && text.startsWith("/*", i) && !text.startsWith("/*!", i)) {
        int close = text.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 1;
      } else if (c == ';') {
        return true;
      }
    }
    return false;
  }

  @Override
  public Connection connection() {
    throw new UsageException(
        "revision "
            + revision
            + " uses the JDBC connection directly, which an "
            + "offline script (--sql) cannot contain; run it against the database instead");
  }

  @Override
  public boolean isOffline() {
    return true;
  }

  @Override
  public String dialectName() {
    return dialect.name();
  }
}
