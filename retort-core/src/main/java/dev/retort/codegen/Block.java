package dev.retort.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Statements in a lambda body ({@code t.column(...);} lines) and the same calls as code. */
final class Block<B> {
  private final StringBuilder text = new StringBuilder();
  private final List<Consumer<B>> calls = new ArrayList<>();

  void add(String statement, Consumer<B> call) {
    text.append("  ").append(statement).append(";\n");
    calls.add(call);
  }

  String text() {
    return text.toString();
  }

  void applyTo(B builder) {
    calls.forEach(c -> c.accept(builder));
  }
}
