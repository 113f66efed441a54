package dev.retort.text;

/**
 * Makes text inert where Retort writes it beside code: in a {@code --} or {@code //} comment, a
 * block comment, a header line of a migration, an offline script, or a terminal. Names read from a
 * database, messages, warnings and notes may hold anything, and a line break in a comment ends it:
 * what follows would run as SQL or compile as Java. Every such piece of text goes through {@link
 * #text}.
 *
 * <pre>{@code
 * Inert.text("z\nDROP TABLE victim; --")   // "z\\nDROP TABLE victim; --", one line
 * }</pre>
 */
public final class Inert {
  private Inert() {}

  /**
   * {@code text} on one line with nothing that could end or open a comment or steer a terminal:
   *
   * <ul>
   *   <li>a backslash is doubled, so that none starts a Java unicode escape (javac decodes {@code
   *       \}{@code u000a} even in a comment, JLS 3.3), and the escapes below stay unambiguous;
   *   <li>LF, CR and TAB become {@code \n}, {@code \r}, {@code \t}; every other control or format
   *       character (C0, DEL, C1, the line and paragraph separators, bidirectional overrides,
   *       zero-width characters) becomes {@code \x} and its code point in hex, in braces when
   *       longer than two digits;
   *   <li>{@code /*} and {@code *}{@code /} are broken by a backslash, as block comments nest in
   *       PostgreSQL and end at the first close elsewhere.
   * </ul>
   *
   * Text without any of these comes back as it is.
   */
  public static String text(String text) {
    if (text == null) {
      return "";
    }
    if (isPlain(text)) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      char following = next < text.length() ? text.charAt(next) : '\0';
      if (cp == '\\') {
        b.append("\\\\");
      } else if (cp == '\n') {
        b.append("\\n");
      } else if (cp == '\r') {
        b.append("\\r");
      } else if (cp == '\t') {
        b.append("\\t");
      } else if (isHidden(cp)) {
        b.append(hex(cp));
      } else if ((cp == '/' && following == '*') || (cp == '*' && following == '/')) {
        b.append((char) cp).append('\\');
      } else {
        b.appendCodePoint(cp);
      }
      i = next;
    }
    return b.toString();
  }

  /**
   * {@code text} for a terminal: line breaks (LF) and tabs stay, as messages span lines, and every
   * other control or format character is written as {@link #text} writes it, so that no escape
   * sequence reaches the terminal and no carriage return or bidirectional override hides what was
   * printed. Backslashes stay as they are.
   */
  public static String terminal(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      boolean hide = cp != '\n' && cp != '\t' && isHidden(cp);
      if (hide && b == null) {
        b = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (hide) {
        b.append(cp == '\r' ? "\\r" : hex(cp));
      } else if (b != null) {
        b.appendCodePoint(cp);
      }
      i = next;
    }
    return b == null ? text : b.toString();
  }

  private static String hex(int cp) {
    String hex = Integer.toHexString(cp);
    return hex.length() <= 2 ? "\\x" + (hex.length() == 1 ? "0" : "") + hex : "\\x{" + hex + "}";
  }

  /** Whether {@code text} holds a character {@link #text} would change. */
  public static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\\'
          || cp < 0x20
          || (cp >= 0x7f && isHidden(cp))
          || ((cp == '/' || cp == '*')
              && i < text.length()
              && text.charAt(i) == (cp == '/' ? '*' : '/'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first character of {@code text} that may not stand in a one-line value Retort writes as it
   * is (a revision message in a header): a control or format character. Empty when there is none.
   */
  public static java.util.OptionalInt firstControl(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == '\n' || cp == '\r' || cp == '\t' || isHidden(cp)) {
        return java.util.OptionalInt.of(cp);
      }
      i += Character.charCount(cp);
    }
    return java.util.OptionalInt.empty();
  }

  /** How a character {@link #firstControl} found reads in a message: {@code U+000A}. */
  public static String describe(int codePoint) {
    return String.format("U+%04X", codePoint);
  }

  private static boolean isHidden(int cp) {
    if (Character.isISOControl(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.FORMAT
        || type == Character.SURROGATE;
  }
}
