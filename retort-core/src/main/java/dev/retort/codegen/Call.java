package dev.retort.codegen;

import static dev.retort.codegen.JavaValues.string;
import static dev.retort.codegen.JavaValues.strings;

import dev.retort.ops.Operations;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A statement, and the same calls on a live {@link Operations}, so that {@link OpSourcePrinter} can
 * check that the statement says exactly the op it was printed for.
 */
record Call(String source, Consumer<Operations> replay) {

  /** {@code op.method("first", "second")}, or with a list of further string arguments. */
  static Optional<Call> of(String method, String first, Object rest, Consumer<Operations> replay) {
    StringBuilder b = new StringBuilder("op.").append(method).append('(').append(string(first));
    if (rest instanceof String s) {
      b.append(", ").append(string(s));
    } else if (rest instanceof List<?> list && !list.isEmpty()) {
      b.append(", ").append(strings(list.stream().map(String.class::cast).toList()));
    }
    return Optional.of(new Call(b.append(");").toString(), replay));
  }
}
