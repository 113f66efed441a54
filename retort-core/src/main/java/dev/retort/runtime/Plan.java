package dev.retort.runtime;

import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The steps of one run, in order; empty when the database is already where it should be. */
public record Plan(List<Step> steps, Set<String> rowsBefore, Set<String> rowsAfter) {
  public Plan {
    steps = List.copyOf(steps);
    rowsBefore = Step.ordered(rowsBefore);
    rowsAfter = Step.ordered(rowsAfter);
  }

  /** Steps applying {@code revisions} in order from {@code rows}. */
  static Plan upgrade(RevisionGraph graph, Set<String> rows, List<Revision> revisions) {
    return build(graph, rows, revisions, Direction.UP);
  }

  /** Steps un-applying {@code revisions} in order from {@code rows}. */
  static Plan downgrade(RevisionGraph graph, Set<String> rows, List<Revision> revisions) {
    return build(graph, rows, revisions, Direction.DOWN);
  }

  private static Plan build(
      RevisionGraph graph, Set<String> rows, List<Revision> revisions, Direction dir) {
    // The rows change locally at each step, so update them incrementally instead of recomputing the
    // heads of the whole applied set: plans of 10,000 steps must stay linear.
    Set<String> applied = new HashSet<>(graph.applied(rows));
    // A table written before depends-on stopped getting rows of its own may hold such a row; the
    // first step's update drops it.
    Set<String> current = new LinkedHashSet<>(graph.versionRows(applied));
    Set<String> before = rows;
    List<Step> steps = new ArrayList<>();
    for (Revision r : revisions) {
      Set<String> next = new LinkedHashSet<>(current);
      if (dir == Direction.UP) {
        applied.add(r.id());
        next.removeAll(r.parents());
        next.removeAll(r.dependsOn());
        next.add(r.id());
      } else {
        applied.remove(r.id());
        next.remove(r.id());
        for (String below : below(r)) {
          boolean stillAbove =
              graph.children(below).stream().anyMatch(applied::contains)
                  || graph.dependents(below).stream().anyMatch(applied::contains);
          if (!stillAbove && applied.contains(below)) {
            next.add(below);
          }
        }
      }
      steps.add(new Step(r, dir, before, next));
      current = next;
      before = next;
    }
    return new Plan(steps, rows, steps.isEmpty() ? rows : current);
  }

  /** What a revision stands on: its parents, then what it depends on. */
  private static Set<String> below(Revision r) {
    Set<String> out = new LinkedHashSet<>(r.parents());
    out.addAll(r.dependsOn());
    return out;
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }
}
