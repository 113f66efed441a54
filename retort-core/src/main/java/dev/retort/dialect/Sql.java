package dev.retort.dialect;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One rendered statement. Parameters are bound with {@code ?} placeholders on a live run; an
 * offline script inlines them as literals through {@link Dialect#literal(Object)}.
 *
 * @param text the statement, without a trailing semicolon
 * @param parameters values for its {@code ?} placeholders, in order
 */
public record Sql(String text, List<Object> parameters) {
  public Sql {
    requireNonNull(text, "text");
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
  }

  /** A statement without parameters. */
  public static Sql of(String text) {
    return new Sql(text, List.of());
  }

  /**
   * How a database reads quotes and comments, as far as telling a placeholder from text needs: a
   * {@code ?} that the database reads inside a string must never be replaced, or the value put
   * there would end the string and run as SQL.
   */
  public enum Lexis {
    /**
     * {@code '...'} with {@code ''}, {@code "..."}, {@code `...`}, {@code --} and block comments.
     */
    STANDARD,
    /** Also {@code E'...'} with backslash escapes, and dollar quotes {@code $tag$...$tag$}. */
    POSTGRES,
    /**
     * Also backslash escapes in {@code '...'} and {@code "..."} (the server's default sql_mode),
     * and {@code #} comments.
     */
    MYSQL
  }

  /**
   * The statement with each {@code ?} placeholder replaced by its parameter as the dialect writes a
   * literal: what an offline script carries, and what one JDBC batch sends. A {@code ?} inside a
   * quoted string, a quoted identifier or a comment, as {@link Dialect#lexis()} reads them, is
   * text, not a placeholder.
   */
  public String inline(Dialect dialect) {
    if (parameters.isEmpty()) {
      return text;
    }
    Lexis lexis = dialect.lexis();
    StringBuilder b = new StringBuilder(text.length() + 16 * parameters.size());
    int p = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      int end = -1;
      if (ch == '\'' || ch == '"' || ch == '`') {
        boolean backslashes =
            lexis == Lexis.MYSQL && ch != '`'
                || lexis == Lexis.POSTGRES && ch == '\'' && isEscapeString(i);
        end = closing(ch, i + 1, backslashes);
      } else if (ch == '-' && i + 1 < n && text.charAt(i + 1) == '-'
          || ch == '#' && lexis == Lexis.MYSQL) {
        int eol = text.indexOf('\n', i);
        end = eol < 0 ? n : eol;
      } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        end = close < 0 ? n : close + 2;
      } else if (ch == '$' && lexis == Lexis.POSTGRES) {
        end = dollarQuoteEnd(i);
      }
      if (end >= 0) {
        b.append(text, i, end);
        i = end - 1;
      } else if (ch == '?' && p < parameters.size()) {
        b.append(dialect.literal(parameters.get(p++)));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /** A PostgreSQL {@code E'...'}: an E just before the quote, not the end of a longer word. */
  private boolean isEscapeString(int quote) {
    return quote > 0
        && (text.charAt(quote - 1) == 'E' || text.charAt(quote - 1) == 'e')
        && (quote < 2 || !isWordChar(text.charAt(quote - 2)));
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /**
   * The index past the dollar quote that opens at {@code at} ({@code $$} or {@code $tag$}), or -1
   * when none opens there ({@code $1}, or a {@code $} inside a word); an unclosed one runs to the
   * end.
   */
  private int dollarQuoteEnd(int at) {
    if (at > 0 && isWordChar(text.charAt(at - 1))) {
      return -1;
    }
    int j = at + 1;
    while (j < text.length() && text.charAt(j) != '$') {
      char c = text.charAt(j);
      if (!(Character.isLetter(c) || c == '_' || j > at + 1 && Character.isDigit(c))) {
        return -1;
      }
      j++;
    }
    if (j >= text.length()) {
      return -1;
    }
    String tag = text.substring(at, j + 1);
    int close = text.indexOf(tag, j + 1);
    return close < 0 ? text.length() : close + tag.length();
  }

  /**
   * The index just past the quote that closes one opened before {@code from}; a doubled quote is
   * text, and so is the character after a backslash where {@code backslashes} escape.
   */
  private int closing(char quote, int from, boolean backslashes) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (backslashes && c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }

  @Override
  public String toString() {
    return text;
  }
}
