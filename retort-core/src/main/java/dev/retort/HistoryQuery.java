package dev.retort;

import dev.retort.error.UsageException;
import dev.retort.script.RevisionGraph;
import java.util.Optional;
import java.util.Set;

/** {@code history -r A:B}: the range parsed, {@code current} resolved against the database. */
final class HistoryQuery {
  private HistoryQuery() {}

  static History run(Retort retort, Optional<String> range, boolean withCurrent) {
    RevisionGraph graph = retort.graph();
    Optional<String> lower = Optional.empty();
    Optional<String> upper = Optional.empty();
    boolean needsCurrent = withCurrent;
    if (range.isPresent()) {
      String text = range.get();
      int colon = text.indexOf(':');
      if (colon < 0) {
        throw new UsageException("-r takes a range A:B, for example -r base:head or -r 1a2b:");
      }
      lower = Optional.of(text.substring(0, colon)).filter(s -> !s.isEmpty());
      upper = Optional.of(text.substring(colon + 1)).filter(s -> !s.isEmpty());
      needsCurrent |= lower.filter("current"::equals).isPresent()
          || upper.filter("current"::equals).isPresent();
    }
    Set<String> current = needsCurrent ? retort.current() : Set.of();
    lower = lower.map(s -> resolveCurrent(s, current));
    upper = upper.map(s -> resolveCurrent(s, current));
    return new History(graph.range(lower, upper).stream()
        .map(r -> RevisionInfo.from(graph, r)).toList(), current);
  }

  private static String resolveCurrent(String side, Set<String> current) {
    if (!side.equals("current")) {
      return side;
    }
    if (current.size() > 1) {
      throw new UsageException("the database is at several heads (" + String.join(", ", current)
          + "); name one of them instead of 'current'");
    }
    return current.isEmpty() ? "base" : current.iterator().next();
  }
}
