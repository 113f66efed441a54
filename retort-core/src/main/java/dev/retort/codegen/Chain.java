package dev.retort.codegen;

import static dev.retort.codegen.JavaValues.string;

import dev.retort.schema.DefaultValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Chained builder calls ({@code .notNull().unique()}) and the same calls as code. */
final class Chain<B> {
  private static final Pattern INT_LITERAL = Pattern.compile("0|-?[1-9][0-9]{0,8}");

  private final StringBuilder text = new StringBuilder();
  private final List<Consumer<B>> calls = new ArrayList<>();

  Chain<B> call(String source, Consumer<B> call) {
    text.append('.').append(source);
    calls.add(call);
    return this;
  }

  /**
   * Adds the call that sets default {@code d}: {@code literalMethod} with a Java literal for a
   * literal default, {@code expressionMethod} with the SQL text for an expression.
   */
  Chain<B> defaultValue(
      DefaultValue d,
      String literalMethod,
      String expressionMethod,
      BiConsumer<B, Object> literal,
      BiConsumer<B, String> expression) {
    if (d instanceof DefaultValue.Literal l) {
      String v = l.value();
      String source =
          INT_LITERAL.matcher(v).matches() || v.equals("true") || v.equals("false") ? v : string(v);
      return call(literalMethod + "(" + source + ")", b -> literal.accept(b, v));
    }
    if (d instanceof DefaultValue.Expression e) {
      return call(
          expressionMethod + "(" + string(e.sql()) + ")", b -> expression.accept(b, e.sql()));
    }
    throw new IllegalStateException("unhandled default " + d.getClass().getName());
  }

  boolean isEmpty() {
    return calls.isEmpty();
  }

  String text() {
    return text.toString();
  }

  String lambda(String param) {
    return isEmpty() ? param + " -> {}" : param + " -> " + param + text;
  }

  void applyTo(B builder) {
    calls.forEach(c -> c.accept(builder));
  }
}
