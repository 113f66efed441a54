package dev.retort.script;

import dev.retort.error.RevisionGraphException;
import java.util.BitSet;
import java.util.Optional;

/**
 * Resolves {@code +N} and {@code -N} targets as Alembic walks them: up through children (kept to
 * the anchor's branch, if it names one) or down through parents, one revision at a time. A fork on
 * the way up, or a merge on the way down before the last step, makes "N steps" ambiguous, so it is
 * an error that asks for a branch or a revision rather than a guess. A merge at the last step down
 * lands on all its parents, so {@code -1} from a merge un-applies just the merge.
 */
final class RelativeSteps {
  private static final int BASE = -1;

  private final TargetResolver r;
  private final RevisionGraph g;

  RelativeSteps(TargetResolver r) {
    this.r = r;
    this.g = r.graph();
  }

  /** The revisions {@code t} lands on; empty for base. */
  BitSet position(Target.Relative t) {
    Target anchor = t.anchor();
    Optional<Integer> keepTo = anchor.branch().map(r::branch);
    if (t.delta() > 0) {
      int start =
          anchor instanceof Target.Current c ? upgradeStart(c.branch(), t) : single(anchor, t);
      return g.bit(walkUp(start, t.delta(), keepTo, t));
    }
    int start =
        anchor instanceof Target.Current c ? downgradeStart(c.branch(), t) : single(anchor, t);
    return walkDown(start, -t.delta(), t);
  }

  /** The one revision an anchor names, or BASE. */
  private int single(Target anchor, Target t) {
    BitSet at = r.position(anchor);
    if (at.cardinality() > 1) {
      throw new RevisionGraphException(
          "'"
              + anchor
              + "' names several revisions ("
              + String.join(", ", g.ids(at))
              + "), so '"
              + t
              + "' is ambiguous; count from one of them");
    }
    return at.isEmpty() ? BASE : at.nextSetBit(0);
  }

  /**
   * Where {@code +N} starts: the database's head, or on a branch the branch's applied head, else
   * its last applied revision below, else base.
   */
  int upgradeStart(Optional<String> branch, Target t) {
    BitSet start = (BitSet) r.rows().clone();
    if (branch.isPresent()) {
      BitSet line = r.lineage(r.branch(branch.get()));
      start.and(line);
      if (start.isEmpty()) {
        // the branch's own head is not applied: start from where its line stands
        BitSet active = (BitSet) r.applied().clone();
        active.and(line);
        start = g.rows(active);
      }
    }
    if (start.cardinality() > 1) {
      throw new RevisionGraphException(
          (branch.isPresent() ? "branch '" + branch.get() + "'" : "the database")
              + " has several heads ("
              + String.join(", ", g.ids(start))
              + "), so '"
              + t
              + "' is ambiguous; name a branch ('<label>@+N') or a revision"
              + " ('<rev>+N' or an id)");
    }
    return start.isEmpty() ? BASE : start.nextSetBit(0);
  }

  /** Where {@code -N} starts: the database's single head, or the branch's applied head. */
  int downgradeStart(Optional<String> branch, Target t) {
    if (branch.isEmpty()) {
      if (r.rows().isEmpty()) {
        throw new RevisionGraphException("nothing is applied; there is nothing to downgrade");
      }
      if (r.rows().cardinality() > 1) {
        throw new RevisionGraphException(
            "the database has several heads ("
                + r.current()
                + "), so '"
                + t
                + "' is ambiguous; use '<label>@"
                + t
                + "' or a revision ('<rev>"
                + t
                + "' or an id)");
      }
      return r.rows().nextSetBit(0);
    }
    BitSet line = r.lineage(r.branch(branch.get()));
    BitSet start = (BitSet) r.rows().clone();
    start.and(line);
    if (start.isEmpty()) {
      // a head implied by a depends-on has no row; look at the applied tips instead
      start = g.tips(r.applied());
      start.and(line);
    }
    if (start.isEmpty()) {
      throw new RevisionGraphException(
          "nothing on branch '" + branch.get() + "' is applied; there is nothing to downgrade");
    }
    if (start.cardinality() > 1) {
      throw new RevisionGraphException(
          "branch '"
              + branch.get()
              + "' has several applied heads ("
              + String.join(", ", g.ids(start))
              + "); count from one of them ('<rev>-N')");
    }
    return start.nextSetBit(0);
  }

  /** {@code n} steps up from {@code start} (BASE: from the roots), within {@code keepTo}'s line. */
  int walkUp(int start, int n, Optional<Integer> keepTo, Target t) {
    BitSet line = keepTo.map(r::lineage).orElse(null);
    int cur = start;
    for (int taken = 0; taken < n; taken++) {
      BitSet next = cur == BASE ? g.bits(g.bases()) : g.bits(g.childrenOf(cur));
      if (line != null) {
        next.and(line);
      }
      if (next.isEmpty()) {
        throw new RevisionGraphException(
            "cannot move '"
                + t
                + "': only "
                + taken
                + " step"
                + (taken == 1 ? "" : "s")
                + " possible, up to "
                + (cur == BASE ? "base" : "head " + g.id(cur)));
      }
      if (next.cardinality() > 1) {
        throw new RevisionGraphException(
            (cur == BASE ? "there are several bases" : "revision " + g.id(cur) + " forks")
                + " ("
                + String.join(", ", g.ids(next))
                + "), so '"
                + t
                + "' is ambiguous; name a branch ('<label>@+N') or a revision instead");
      }
      cur = next.nextSetBit(0);
    }
    return cur;
  }

  /** {@code n} steps down from {@code start}; empty when that lands on base. */
  BitSet walkDown(int start, int n, Target t) {
    if (start == BASE) {
      throw new RevisionGraphException("'" + t + "' counts down from base; there is nothing below");
    }
    int cur = start;
    for (int step = 1; step <= n; step++) {
      int[] ps = g.parentsOf(cur);
      if (ps.length == 0 || ps.length > 1) {
        if (step == n) {
          return g.bits(ps);
        }
        throw new RevisionGraphException(
            ps.length == 0
                ? "cannot move '"
                    + t
                    + "': "
                    + g.id(start)
                    + " is only "
                    + step
                    + " step"
                    + (step == 1 ? "" : "s")
                    + " above base; count "
                    + step
                    + " or fewer, or use 'base'"
                : "revision "
                    + g.id(cur)
                    + " merges "
                    + String.join(", ", g.ids(g.bits(ps)))
                    + ", so '"
                    + t
                    + "' is ambiguous past it; name one of them instead");
      }
      cur = ps[0];
    }
    return g.bit(cur);
  }
}
