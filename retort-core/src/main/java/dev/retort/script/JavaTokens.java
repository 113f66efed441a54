package dev.retort.script;

import dev.retort.error.MigrationFileException;
import java.nio.file.Path;

/**
 * A forward-only Java tokenizer, just enough to read a migration's {@code @Revision} header without
 * compiling: it skips comments, knows string, text-block and char literals (so that neither a
 * {@code @Revision} in Javadoc nor a quote in a string misleads it) and stops where the caller
 * stops asking, so a large file is never scanned past its class declaration.
 */
final class JavaTokens {
  enum Type {
    IDENT,
    STRING,
    PUNCT,
    OTHER,
    EOF
  }

  record Token(Type type, String text, int line) {
    boolean is(String punctOrWord) {
      return (type == Type.PUNCT || type == Type.IDENT) && text.equals(punctOrWord);
    }
  }

  private final Path file;
  private final String s;
  private final int n;
  private int pos;
  private int line = 1;
  private Token peeked;

  JavaTokens(Path file, String source) {
    this.file = file;
    this.s = source;
    this.n = source.length();
  }

  Token peek() {
    if (peeked == null) {
      peeked = read();
    }
    return peeked;
  }

  Token next() {
    Token t = peek();
    peeked = null;
    return t;
  }

  private Token read() {
    skipSpaceAndComments();
    if (pos >= n) {
      return new Token(Type.EOF, "", line);
    }
    int at = line;
    char c = s.charAt(pos);
    if (Character.isJavaIdentifierStart(c)) {
      int from = pos;
      while (pos < n && Character.isJavaIdentifierPart(s.charAt(pos))) {
        pos++;
      }
      return new Token(Type.IDENT, s.substring(from, pos), at);
    }
    if (s.startsWith("\"\"\"", pos)) {
      return new Token(Type.STRING, textBlock(), at);
    }
    if (c == '"' || c == '\'') {
      String body = quoted(c);
      return new Token(c == '"' ? Type.STRING : Type.OTHER, body, at);
    }
    if (Character.isDigit(c)) {
      int from = pos;
      while (pos < n && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
        pos++;
      }
      return new Token(Type.OTHER, s.substring(from, pos), at);
    }
    pos++;
    return new Token(Type.PUNCT, String.valueOf(c), at);
  }

  private void skipSpaceAndComments() {
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '\n') {
        line++;
        pos++;
      } else if (c == '\r') {
        if (pos + 1 >= n || s.charAt(pos + 1) != '\n') {
          line++;
        }
        pos++;
      } else if (Character.isWhitespace(c) || c == '\uFEFF') {
        pos++;
      } else if (s.startsWith("//", pos)) {
        while (pos < n && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
          pos++;
        }
      } else if (s.startsWith("/*", pos)) {
        int open = line;
        int close = s.indexOf("*/", pos + 2);
        if (close < 0) {
          throw new MigrationFileException(file, open, "unterminated comment");
        }
        countLines(pos, close);
        pos = close + 2;
      } else {
        return;
      }
    }
  }

  /** A string or char literal on one line, its escapes decoded. */
  private String quoted(char quote) {
    int open = line;
    int from = ++pos;
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == quote) {
        return decode(s.substring(from, pos++), open);
      } else if (c == '\n' || c == '\r') {
        break;
      } else {
        pos++;
      }
    }
    throw new MigrationFileException(
        file, open, "unterminated " + (quote == '"' ? "string" : "character literal"));
  }

  private String textBlock() {
    int open = line;
    int close = s.indexOf("\"\"\"", pos + 3);
    while (close > 0 && escaped(close)) {
      close = s.indexOf("\"\"\"", close + 1);
    }
    if (close < 0) {
      throw new MigrationFileException(file, open, "unterminated text block");
    }
    String raw = s.substring(pos + 3, close);
    countLines(pos, close);
    pos = close + 3;
    int newline = raw.indexOf('\n');
    String content = newline < 0 ? raw : raw.substring(newline + 1);
    return decode(content.stripIndent(), open);
  }

  private boolean escaped(int index) {
    int backslashes = 0;
    for (int i = index - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private void countLines(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= n || s.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
  }

  /**
   * Decodes Java escapes. Unicode escapes go first, as javac translates them before lexing (JLS
   * 3.3), and only where the backslash is not itself escaped.
   */
  private String decode(String body, int at) {
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder b = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == 'u') {
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && body.charAt(j) == '\\'; j--) {
          backslashes++;
        }
        if (backslashes % 2 == 0) {
          int u = i + 1;
          while (u < body.length() && body.charAt(u) == 'u') {
            u++;
          }
          if (u + 4 > body.length()) {
            throw new MigrationFileException(file, at, "invalid unicode escape in string");
          }
          try {
            b.append((char) Integer.parseInt(body.substring(u, u + 4), 16));
          } catch (NumberFormatException e) {
            throw new MigrationFileException(file, at, "invalid unicode escape in string");
          }
          i = u + 3;
          continue;
        }
      }
      b.append(c);
    }
    try {
      return b.toString().translateEscapes();
    } catch (IllegalArgumentException e) {
      throw new MigrationFileException(file, at, "invalid escape in string: " + e.getMessage());
    }
  }
}
