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

  @Override
  public String toString() {
    return text;
  }
}
