package dev.retort.dialect;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What every dialect writes the same way in SQL: NULL, booleans and finite numbers as literals,
 * strings in single quotes with quotes doubled, identifiers bare or quoted.
 */
public final class Literals {
  private Literals() {}

  /**
   * {@code value} as a literal: {@link #unquoted} where it applies, {@code bytes} for a byte array,
   * anything else a standard string with single quotes doubled (no backslash escapes).
   */
  public static String standard(Object value, java.util.function.Function<byte[], String> bytes) {
    Optional<String> plain = unquoted(value);
    if (plain.isPresent()) {
      return plain.get();
    }
    if (value instanceof byte[] b) {
      return bytes.apply(b);
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }

  /**
   * {@code identifier} bare when {@code bare} matches it and it is not in {@code reserved}, else in
   * {@code quote} characters with embedded ones doubled.
   */
  public static String identifier(
      String identifier, java.util.regex.Pattern bare, java.util.Set<String> reserved, char quote) {
    if (bare.matcher(identifier).matches() && !reserved.contains(identifier)) {
      return identifier;
    }
    String q = String.valueOf(quote);
    return q + identifier.replace(q, q + q) + q;
  }

  /**
   * NULL, TRUE/FALSE, or a finite number in plain notation; empty for anything a dialect must quote
   * or encode its own way (strings, bytes, times, NaN and infinities).
   */
  public static Optional<String> unquoted(Object value) {
    if (value == null) {
      return Optional.of("NULL");
    }
    if (value instanceof Boolean b) {
      return Optional.of(b ? "TRUE" : "FALSE");
    }
    if (value instanceof BigDecimal d) {
      return Optional.of(d.toPlainString());
    }
    boolean finite =
        !(value instanceof Double d && (d.isNaN() || d.isInfinite()))
            && !(value instanceof Float f && (f.isNaN() || f.isInfinite()));
    return value instanceof Number && finite ? Optional.of(value.toString()) : Optional.empty();
  }
}
