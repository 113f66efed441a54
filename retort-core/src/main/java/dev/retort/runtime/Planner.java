package dev.retort.runtime;

import dev.retort.error.UsageException;
import dev.retort.script.RevisionGraph;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns a target into a {@link Plan}, and checks targets before any connection is made. */
public final class Planner {
  // +N, -N, rev+N, label@+N, label@-N: these depend on where the database stands
  private static final Pattern RELATIVE = Pattern.compile("(?:.*@)?[+-]\\d+|.+[+-]\\d+");

  private Planner() {}

  public static Plan upgrade(RevisionGraph graph, Set<String> rows, String target) {
    return Plan.upgrade(graph, rows, graph.upgradePlan(rows, target));
  }

  public static Plan downgrade(RevisionGraph graph, Set<String> rows, String target) {
    return Plan.downgrade(graph, rows, graph.downgradePlan(rows, target));
  }

  /** Refuses an upgrade target that names nothing, before the database is touched. */
  public static void validateUpgrade(RevisionGraph graph, String target) {
    if (!RELATIVE.matcher(target).matches()) {
      graph.upgradePlan(Set.of(), target);
    }
  }

  /** Refuses a downgrade target that names nothing, before the database is touched. */
  public static void validateDowngrade(RevisionGraph graph, String target) {
    if (!RELATIVE.matcher(target).matches() && !target.equals("base") && !target.endsWith("@base")) {
      graph.resolveId(target);
    }
  }

  /** The version rows of a database standing exactly at {@code revision} ({@code base}: none). */
  public static Set<String> rowsAt(RevisionGraph graph, String revision) {
    return revision.equals("base") ? Set.of() : graph.stampRows(Set.of(), revision);
  }

  /** {@code from:to} of an offline run. */
  public record Range(String from, String to) {
    /** Reads {@code from:to}, or {@code to} alone with {@code defaultFrom} (null: a range is required). */
    public static Range parse(String text, String defaultFrom) {
      int colon = text.indexOf(':');
      if (colon >= 0) {
        return new Range(text.substring(0, colon), text.substring(colon + 1));
      }
      if (defaultFrom == null) {
        throw new UsageException("an offline downgrade needs to know where the database stands: "
            + "give a range FROM:TO, e.g. 'downgrade --sql head:base' or 'downgrade --sql "
            + "033faf89f4e5:bc311ce7dcf8'");
      }
      return new Range(defaultFrom, text);
    }
  }
}
