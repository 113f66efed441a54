package dev.retort;

import dev.retort.error.UsageException;
import dev.retort.script.RevisionGraph;
import dev.retort.script.Target;
import java.util.Optional;
import java.util.Set;

/** {@code history -r A:B}: the range parsed, {@code current} read from the database if named. */
final class HistoryQuery {
  private HistoryQuery() {}

  static History run(Retort retort, Optional<String> range, boolean withCurrent) {
    RevisionGraph graph = retort.graph();
    Optional<Target> lower = Optional.empty();
    Optional<Target> upper = Optional.empty();
    if (range.isPresent()) {
      String text = range.get();
      int colon = text.indexOf(':');
      if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
        throw new UsageException(
            "-r takes a range A:B, for example -r base:head, -r 1a2b: or -r -3:current");
      }
      lower = side(graph, text.substring(0, colon));
      upper = side(graph, text.substring(colon + 1));
    }
    // only 'current' itself asks the database: -N in a range counts from the heads, as in Alembic
    boolean needsCurrent =
        withCurrent
            || lower.filter(Target.Current.class::isInstance).isPresent()
            || upper.filter(Target.Current.class::isInstance).isPresent();
    Set<String> current = needsCurrent ? retort.current() : Set.of();
    return new History(
        graph.range(lower, upper, current).stream().map(r -> RevisionInfo.from(graph, r)).toList(),
        current);
  }

  private static Optional<Target> side(RevisionGraph graph, String text) {
    return text.isBlank() ? Optional.empty() : Optional.of(graph.parse(text));
  }
}
