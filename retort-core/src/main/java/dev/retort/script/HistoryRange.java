package dev.retort.script;

import dev.retort.error.RevisionGraphException;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;

/**
 * {@code history -r lower:upper} as Alembic reads it: the upper side names what to reach, the lower
 * side where to start, and the range is what the upper side needs beyond the lower side, the lower
 * side included. A lower side that is not an ancestor of the upper one is an error, not an empty
 * list.
 */
final class HistoryRange {
  private final RevisionGraph g;
  private final TargetResolver r;

  HistoryRange(RevisionGraph g, TargetResolver r) {
    this.g = g;
    this.r = r;
  }

  BitSet between(Target lower, Target upper) {
    BitSet low = lowerSide(lower);
    BitSet targets = upperSide(upper, low);
    if (lower.branch().isPresent()) {
      // from BRANCH@...: only the heads of that branch
      targets.and(members(lower.branch().get()));
    }
    BitSet required = g.ancestors(targets);
    BitSet outside = (BitSet) low.clone();
    outside.andNot(required);
    if (!outside.isEmpty()) {
      throw new RevisionGraphException(
          "revision "
              + String.join(", ", g.ids(outside))
              + " is not an ancestor of "
              + (targets.isEmpty() ? "base" : String.join(", ", g.ids(targets)))
              + ", so '"
              + lower
              + ":"
              + upper
              + "' is no range; put the older revision first, or use '"
              + lower
              + ":' for everything above it");
    }
    BitSet needs = (BitSet) required.clone();
    needs.andNot(g.ancestors(low));
    needs.or(low);
    if (!low.isEmpty()) {
      needs.and(g.lineAbove(low));
    }
    return needs;
  }

  /** The lower side; {@code -N} counts down from each head (of the branch, if one is named). */
  private BitSet lowerSide(Target lower) {
    if (!(lower instanceof Target.Relative rel) || !(rel.anchor() instanceof Target.Current c)) {
      return r.position(lower);
    }
    if (rel.delta() > 0) {
      throw new RevisionGraphException(
          "'"
              + lower
              + "' cannot start a range: the lower side counts"
              + " down from the heads ('-N'); to count up from a revision, write '<rev>+N'");
    }
    BitSet heads = g.bits(g.heads());
    c.branch().ifPresent(b -> heads.and(members(b)));
    BitSet out = new BitSet();
    for (int h = heads.nextSetBit(0); h >= 0; h = heads.nextSetBit(h + 1)) {
      int at = downFrom(h, -rel.delta(), lower);
      if (at >= 0) {
        out.set(at);
      }
    }
    return out;
  }

  /** The upper side; {@code +N} counts up from the lower side. */
  private BitSet upperSide(Target upper, BitSet low) {
    if (!(upper instanceof Target.Relative rel) || !(rel.anchor() instanceof Target.Current c)) {
      return r.position(upper);
    }
    if (rel.delta() < 0) {
      throw new RevisionGraphException(
          "'"
              + upper
              + "' cannot end a range: the upper side counts"
              + " up from the lower side ('+N'); to count down from a revision, write '<rev>-N'");
    }
    BitSet start = (BitSet) low.clone();
    if (start.cardinality() > 1 && c.branch().isPresent()) {
      start.and(r.lineage(r.branch(c.branch().get())));
    }
    if (start.cardinality() > 1) {
      throw new RevisionGraphException(
          "the lower side names several revisions ("
              + String.join(", ", g.ids(start))
              + "), so '"
              + upper
              + "' is ambiguous; start from one");
    }
    int from = start.isEmpty() ? -1 : start.nextSetBit(0);
    return g.bit(new RelativeSteps(r).walkUp(from, rel.delta(), c.branch().map(r::branch), upper));
  }

  /** {@code n} steps down from {@code h}, stopping at base (-1) as a history range may. */
  private int downFrom(int h, int n, Target t) {
    int cur = h;
    for (int i = 0; i < n; i++) {
      int[] ps = g.parentsOf(cur);
      if (ps.length == 0) {
        return -1;
      }
      if (ps.length > 1) {
        throw new RevisionGraphException(
            "revision "
                + g.id(cur)
                + " merges "
                + String.join(", ", g.ids(g.bits(ps)))
                + ", so '"
                + t
                + "' is ambiguous past it;"
                + " start the range at a revision instead");
      }
      cur = ps[0];
    }
    return cur;
  }

  /**
   * The revisions a branch label covers, as Alembic counts them: the labelled revision, all that
   * descends from it, and, while that is one unbroken line, the revisions below it down to the
   * nearest branch point or merge. A revision given in place of a label stands for the one label
   * covering it, or for its own line of descent when no single label does.
   */
  BitSet members(String branch) {
    Integer labelled = g.labelled(branch);
    if (labelled != null) {
      return covered(labelled);
    }
    int rev = r.branch(branch);
    BitSet only = null;
    for (Map.Entry<String, Integer> e : g.labels().entrySet()) {
      BitSet m = covered(e.getValue());
      if (m.get(rev)) {
        if (only != null) {
          return r.lineage(rev);
        }
        only = m;
      }
    }
    return Optional.ofNullable(only).orElseGet(() -> r.lineage(rev));
  }

  private BitSet covered(int label) {
    BitSet out = g.lineAbove(g.bit(label));
    for (int i = out.nextSetBit(0); i >= 0; i = out.nextSetBit(i + 1)) {
      if (!unbroken(i)) {
        return out;
      }
    }
    int[] ps = g.parentsOf(label);
    while (ps.length == 1 && unbroken(ps[0])) {
      out.set(ps[0]);
      ps = g.parentsOf(ps[0]);
    }
    return out;
  }

  /** Neither a branch point (counting depends-on) nor a merge. */
  private boolean unbroken(int i) {
    return g.childrenOf(i).length + g.dependentsOf(i).length <= 1 && g.parentsOf(i).length <= 1;
  }
}
