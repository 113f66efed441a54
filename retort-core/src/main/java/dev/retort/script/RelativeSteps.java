package dev.retort.script;

import dev.retort.error.RevisionGraphException;
import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves {@code +N}, {@code -N}, {@code <rev>±N} and {@code <label>@±N} by walking single parent
 * or child links. A fork or a merge on the way makes "N steps" ambiguous, so it is an error that
 * asks for a branch or revision rather than a guess.
 */
final class RelativeSteps {
  private RelativeSteps() {}

  /** The revision {@code step.delta()} steps ahead; upgrading to it applies its ancestors. */
  static int forward(RevisionGraph g, BitSet applied, Target.Step step, String text) {
    int n = step.delta();
    if (step.branch()) {
      int labelled = g.label(step.anchor());
      int at = frontier(g, applied, g.branch(labelled), "branch '" + step.anchor() + "'", text);
      return at < 0 ? walkForward(g, labelled, 1, n, text) : walkForward(g, at, 0, n, text);
    }
    if (step.anchor() != null) {
      return walkForward(g, g.resolve(step.anchor()), 0, n, text);
    }
    Set<String> current = g.rows(applied);
    if (current.size() > 1) {
      throw new RevisionGraphException(
          "the database has several heads ("
              + String.join(", ", current)
              + "); name a branch "
              + "('<label>@+N') or a revision ('<rev>+N' or an id) instead of '"
              + text
              + "'");
    }
    if (!current.isEmpty()) {
      return walkForward(g, g.indexOf(current.iterator().next()), 0, n, text);
    }
    Set<String> bases = g.bases();
    if (bases.size() != 1) {
      throw new RevisionGraphException(
          bases.isEmpty()
              ? "there are no revisions to upgrade to"
              : "the database is empty and there are several bases ("
                  + String.join(", ", bases)
                  + "); name a branch ('<label>@+N') or a revision instead of '"
                  + text
                  + "'");
    }
    return walkForward(g, g.indexOf(bases.iterator().next()), 1, n, text);
  }

  /** The oldest revision {@code -N} un-applies; it and its applied descendants go. */
  static int back(RevisionGraph g, BitSet applied, Target.Step step, String text) {
    int n = -step.delta();
    if (step.branch()) {
      BitSet branch = g.branch(g.label(step.anchor()));
      int at = frontier(g, applied, branch, "branch '" + step.anchor() + "'", text);
      if (at < 0) {
        throw new RevisionGraphException(
            "nothing on branch '" + step.anchor() + "' is applied; there is nothing to downgrade");
      }
      return walkBack(g, at, n, branch, text);
    }
    if (step.anchor() != null) {
      int start = g.resolve(step.anchor());
      g.requireApplied(applied, start);
      return walkBack(g, start, n, null, text);
    }
    Set<String> current = g.rows(applied);
    if (current.isEmpty()) {
      throw new RevisionGraphException("nothing is applied; there is nothing to downgrade");
    }
    if (current.size() > 1) {
      throw new RevisionGraphException(
          "the database has several heads ("
              + String.join(", ", current)
              + "); use "
              + "'<label>@-N' or a revision ('<rev>-N' or an id) instead of '"
              + text
              + "'");
    }
    return walkBack(g, g.indexOf(current.iterator().next()), n, null, text);
  }

  private static int walkForward(RevisionGraph g, int cur, int taken, int n, String text) {
    while (taken < n) {
      int[] kids = g.childrenOf(cur);
      if (kids.length == 0) {
        throw new RevisionGraphException(
            "cannot move '"
                + text
                + "': only "
                + taken
                + " step"
                + (taken == 1 ? "" : "s")
                + " possible, up to head "
                + g.id(cur));
      }
      if (kids.length > 1) {
        throw new RevisionGraphException(
            "revision "
                + g.id(cur)
                + " forks into "
                + names(g, kids)
                + "; name a branch "
                + "('<label>@+N') or a revision instead of '"
                + text
                + "'");
      }
      cur = kids[0];
      taken++;
    }
    return cur;
  }

  private static int walkBack(RevisionGraph g, int cur, int n, BitSet within, String text) {
    int start = cur;
    for (int i = 1; i < n; i++) {
      int[] ps = g.parentsOf(cur);
      if (ps.length > 1) {
        throw new RevisionGraphException(
            "revision "
                + g.id(cur)
                + " merges "
                + names(g, ps)
                + ", so '"
                + text
                + "' is ambiguous past it; downgrade to a revision id instead");
      }
      if (ps.length == 0 || (within != null && !within.get(ps[0]))) {
        throw new RevisionGraphException(
            "cannot downgrade '"
                + text
                + "': only "
                + i
                + " revision"
                + (i == 1 ? " is" : "s are")
                + " applied "
                + (within == null ? "" : "on that branch ")
                + "from "
                + g.id(start)
                + " down");
      }
      cur = ps[0];
    }
    return cur;
  }

  /** The single applied revision of {@code within} that nothing applied in it revises, or -1. */
  private static int frontier(
      RevisionGraph g, BitSet applied, BitSet within, String what, String text) {
    BitSet mine = (BitSet) within.clone();
    mine.and(applied);
    Set<String> tops = g.rows(mine);
    if (tops.size() > 1) {
      throw new RevisionGraphException(
          what
              + " has several applied heads ("
              + String.join(", ", tops)
              + "); name a revision "
              + "instead of '"
              + text
              + "'");
    }
    return tops.isEmpty() ? -1 : g.indexOf(tops.iterator().next());
  }

  private static String names(RevisionGraph g, int[] is) {
    Set<String> out = new TreeSet<>();
    for (int i : is) {
      out.add(g.id(i));
    }
    return String.join(", ", out);
  }
}
