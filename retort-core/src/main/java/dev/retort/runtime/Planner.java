package dev.retort.runtime;

import dev.retort.error.UsageException;
import dev.retort.script.RevisionGraph;
import dev.retort.script.Target;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a target into a {@link Plan}, and checks targets before any connection is made. Targets are
 * read by {@link RevisionGraph#parse}, the one grammar every command shares.
 */
public final class Planner {
  private Planner() {}

  public static Plan upgrade(RevisionGraph graph, Set<String> rows, String target) {
    return Plan.upgrade(graph, rows, graph.upgradePlan(rows, graph.parse(target)));
  }

  public static Plan downgrade(RevisionGraph graph, Set<String> rows, String target) {
    return Plan.downgrade(graph, rows, graph.downgradePlan(rows, graph.parse(target)));
  }

  /** Refuses an upgrade target that names nothing, before the database is touched. */
  public static void validateUpgrade(RevisionGraph graph, String target) {
    Target t = graph.parse(target);
    if (!t.dependsOnDatabase()) {
      graph.upgradePlan(Set.of(), t);
    }
  }

  /** Refuses a downgrade target that names nothing, before the database is touched. */
  public static void validateDowngrade(RevisionGraph graph, String target) {
    Target t = graph.parse(target);
    if (!t.dependsOnDatabase()) {
      graph.resolve(t);
    }
  }

  /**
   * The plan of an offline script for range {@code r}. A range that plans nothing although its ends
   * differ runs the wrong way ({@code upgrade --sql a3:a1}), and is refused: an empty script would
   * read as success.
   */
  public static Plan offline(RevisionGraph graph, Range r, boolean upgrade) {
    Set<String> from = rowsAt(graph, r.from());
    Plan plan = upgrade ? upgrade(graph, from, r.to()) : downgrade(graph, from, r.to());
    if (plan.isEmpty() && !from.equals(fixedEnd(graph, r.to()).orElse(from))) {
      String verb = upgrade ? "upgrade" : "downgrade";
      String range = r.from() + ":" + r.to();
      throw new UsageException(
          String.format(
              "%s --sql %s goes the wrong way: %s is not %s %s; use" + " '%s --sql %s'",
              verb,
              range,
              r.to(),
              upgrade ? "above" : "below",
              r.from(),
              upgrade ? "downgrade" : "upgrade",
              range));
    }
    return plan;
  }

  /** The rows at {@code target}, unless it is relative and has no fixed place. */
  private static Optional<Set<String>> fixedEnd(RevisionGraph graph, String target) {
    try {
      return Optional.of(rowsAt(graph, target));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The version rows of a database standing exactly at {@code revision} ({@code base}: none). */
  public static Set<String> rowsAt(RevisionGraph graph, String revision) {
    return graph.stampRows(Set.of(), graph.parse(revision));
  }

  /** {@code from:to} of an offline run. */
  public record Range(String from, String to) {
    /**
     * Reads {@code from:to}, or {@code to} alone with {@code defaultFrom} (null: a range is
     * required).
     */
    public static Range parse(String text, String defaultFrom) {
      int colon = text.indexOf(':');
      if (colon >= 0) {
        return new Range(text.substring(0, colon), text.substring(colon + 1));
      }
      if (defaultFrom == null) {
        throw new UsageException(
            "an offline downgrade needs to know where the database stands: "
                + "give a range FROM:TO, e.g. 'downgrade --sql head:base' or 'downgrade --sql "
                + "033faf89f4e5:bc311ce7dcf8'");
      }
      return new Range(defaultFrom, text);
    }
  }
}
