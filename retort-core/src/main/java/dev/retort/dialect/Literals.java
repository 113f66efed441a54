package dev.retort.dialect;

import java.math.BigDecimal;
import java.util.Optional;

/** What every dialect writes the same way in an SQL literal: NULL, booleans and finite numbers. */
public final class Literals {
  private Literals() {}

  /**
   * NULL, TRUE/FALSE, or a finite number in plain notation; empty for anything a dialect must
   * quote or encode its own way (strings, bytes, times, NaN and infinities).
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
    boolean finite = !(value instanceof Double d && (d.isNaN() || d.isInfinite()))
        && !(value instanceof Float f && (f.isNaN() || f.isInfinite()));
    return value instanceof Number && finite ? Optional.of(value.toString()) : Optional.empty();
  }
}
