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
   * The statement with each {@code ?} placeholder replaced by its parameter as the dialect writes a
   * literal: what an offline script carries, and what one JDBC batch sends. A {@code ?} inside a
   * quoted string, a quoted identifier or a comment is text, not a placeholder.
   */
  public String inline(Dialect dialect) {
    if (parameters.isEmpty()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16 * parameters.size());
    int p = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (ch == '\'' || ch == '"' || ch == '`') {
        int close = closing(ch, i + 1);
        b.append(text, i, close);
        i = close - 1;
      } else if (ch == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int eol = text.indexOf('\n', i);
        int end = eol < 0 ? n : eol;
        b.append(text, i, end);
        i = end - 1;
      } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        int end = close < 0 ? n : close + 2;
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

  /**
   * The index just past the quote that closes one opened before {@code from}; a doubled quote is
   * text.
   */
  private int closing(char quote, int from) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
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
