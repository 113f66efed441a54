package dev.retort.script;

import dev.retort.error.RevisionGraphException;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Turns a parsed {@link Target} into revisions, and targets into what upgrade, downgrade and stamp
 * do, for a database whose applied set is {@code applied}. Kept apart from {@link RevisionGraph} so
 * the graph stays about structure and closures.
 */
final class TargetResolver {
  private final RevisionGraph g;
  private final BitSet applied;
  private final BitSet rows;

  TargetResolver(RevisionGraph g, BitSet applied) {
    this.g = g;
    this.applied = applied;
    this.rows = g.rows(applied);
  }

  RevisionGraph graph() {
    return g;
  }

  BitSet applied() {
    return applied;
  }

  BitSet rows() {
    return rows;
  }

  /** The revisions {@code t} names; empty for base. */
  BitSet position(Target t) {
    if (t instanceof Target.Base) {
      return new BitSet();
    }
    if (t instanceof Target.Head h) {
      return g.bit(singleHead(h));
    }
    if (t instanceof Target.Heads h) {
      return heads(h.branch());
    }
    if (t instanceof Target.Rev r) {
      return g.bit(revision(r.branch(), r.name()));
    }
    if (t instanceof Target.Current c) {
      BitSet out = (BitSet) rows.clone();
      c.branch().ifPresent(b -> out.and(lineage(branch(b))));
      return out;
    }
    return new RelativeSteps(this).position((Target.Relative) t);
  }

  /** What {@code upgrade t} applies: the target and its ancestors, less what is applied. */
  BitSet upgrade(Target t) {
    if (t instanceof Target.Base) {
      throw new RevisionGraphException(
          "'" + t + "' is not an upgrade target; downgrade to it to un-apply");
    }
    if (t instanceof Target.Relative r && r.anchor() instanceof Target.Current && r.delta() < 0) {
      throw new RevisionGraphException(
          "'" + t + "' counts back from where the database stands;" + " downgrade to it instead");
    }
    BitSet todo = g.ancestors(position(t));
    todo.andNot(applied);
    return todo;
  }

  /**
   * What {@code downgrade t} un-applies. As in Alembic: the children of the target along parent
   * links (for base, the roots) are the revisions to take away, with everything above them or
   * depending on them; a branch narrows them to those below the branch.
   */
  BitSet downgrade(Target t) {
    BitSet target;
    Integer narrow;
    if (t instanceof Target.Relative r && r.anchor() instanceof Target.Current c) {
      if (r.delta() > 0) {
        throw new RevisionGraphException("'" + t + "' moves forwards; upgrade to it instead");
      }
      RelativeSteps steps = new RelativeSteps(this);
      int start = steps.downgradeStart(c.branch(), t);
      target = steps.walkDown(start, -r.delta(), t);
      // from several heads Alembic keeps to the line of the one it started from
      narrow = c.branch().isPresent() ? branch(c.branch().get()) : start;
    } else {
      target = position(t);
      narrow = t.branch().map(this::branch).orElse(null);
    }
    BitSet roots = target.isEmpty() ? g.bits(g.bases()) : children(target);
    if (narrow != null && roots.cardinality() > 1) {
      BitSet below = g.lineBelow(g.bit(narrow));
      BitSet all = (BitSet) roots.clone();
      roots.and(below);
      if (roots.isEmpty()) {
        throw new RevisionGraphException(
            "'"
                + t
                + "' names no branch above "
                + (target.isEmpty() ? "base" : String.join(", ", g.ids(target)))
                + " that leads to "
                + g.id(narrow)
                + "; the branches there start at "
                + String.join(", ", g.ids(all)));
      }
    }
    BitSet out = g.descendants(roots);
    out.and(applied);
    if (out.isEmpty() && !target.isEmpty()) {
      BitSet missing = (BitSet) target.clone();
      missing.andNot(applied);
      if (!missing.isEmpty()) {
        throw new RevisionGraphException(
            "revision "
                + String.join(", ", g.ids(missing))
                + " is not applied, so there is nothing above it to downgrade; the database is at "
                + current()
                + " (a downgrade target must be at or below it)");
      }
    }
    return out;
  }

  /** The rows after {@code stamp t}. */
  BitSet stamp(Target t) {
    BitSet out = (BitSet) rows.clone();
    BitSet dests = position(t);
    if (dests.isEmpty()) {
      if (t instanceof Target.Base b && b.branch().isPresent()) {
        out.andNot(lineageWithDependencies(branch(b.branch().get())));
        return out;
      }
      return new BitSet();
    }
    for (int d = dests.nextSetBit(0); d >= 0; d = dests.nextSetBit(d + 1)) {
      if (!out.get(d)) {
        out.andNot(lineageWithDependencies(d));
        out.set(d);
      }
    }
    return out;
  }

  // ---- names ----

  /**
   * The revision a {@code BRANCH@} prefix stands for: the labelled revision, or a revision given by
   * id or prefix, as Alembic lets either name a line of descent.
   */
  int branch(String name) {
    Integer l = g.labelled(name);
    if (l != null) {
      return l;
    }
    try {
      return g.indexOf(g.resolveId(name));
    } catch (RevisionGraphException e) {
      throw new RevisionGraphException(
          "no branch label or revision '" + name + "'" + g.didYouMean(name));
    }
  }

  /**
   * A revision by label, id or prefix; with a branch, it must share the branch's line of descent.
   */
  int revision(Optional<String> branch, String name) {
    Integer l = g.labelled(name);
    if (branch.isEmpty()) {
      return l != null ? l : g.indexOf(g.resolveId(name));
    }
    BitSet line = lineage(branch(branch.get()));
    int r;
    if (l != null) {
      r = l;
    } else if (g.find(name).isPresent()) {
      r = g.indexOf(name);
    } else {
      // a prefix shared with revisions off the branch is still unique on it
      List<Integer> matches = g.withPrefix(name).stream().filter(line::get).toList();
      r = matches.size() == 1 ? matches.get(0) : g.indexOf(g.resolveId(name));
    }
    if (!line.get(r)) {
      throw new RevisionGraphException(
          "revision "
              + g.id(r)
              + " is not on branch '"
              + branch.get()
              + "'; its revisions are those above or below "
              + g.id(branch(branch.get())));
    }
    return r;
  }

  /** The heads, or those on a branch's line of descent. */
  BitSet heads(Optional<String> branch) {
    BitSet out = g.bits(g.heads());
    branch.ifPresent(b -> out.and(lineage(branch(b))));
    return out;
  }

  int singleHead(Target.Head h) {
    BitSet hs = heads(h.branch());
    if (hs.cardinality() != 1) {
      List<String> ids = List.copyOf(g.ids(hs));
      if (h.branch().isPresent()) {
        throw new RevisionGraphException(
            "branch '"
                + h.branch().get()
                + "' has "
                + ids.size()
                + " heads: "
                + String.join(", ", ids)
                + "; use '"
                + h.branch().get()
                + "@heads' or name one by id");
      }
      throw new RevisionGraphException(
          ids.isEmpty()
              ? "there are no revisions"
              : "there are "
                  + ids.size()
                  + " heads: "
                  + String.join(", ", ids)
                  + "; merge them ("
                  + "merge "
                  + String.join(" ", ids)
                  + ") or give one head by id, or 'heads'");
    }
    return hs.nextSetBit(0);
  }

  // ---- lines of descent ----

  /** {@code r} with its ancestors and descendants along parent links: Alembic's lineage. */
  BitSet lineage(int r) {
    BitSet out = g.lineBelow(g.bit(r));
    out.or(g.lineAbove(g.bit(r)));
    return out;
  }

  /** As {@link #lineage}, through depends-on as well: what a stamp replaces. */
  BitSet lineageWithDependencies(int r) {
    BitSet out = g.ancestors(g.bit(r));
    out.or(g.descendants(g.bit(r)));
    return out;
  }

  /** The children of the given revisions along parent links. */
  BitSet children(BitSet of) {
    BitSet out = new BitSet();
    for (int i = of.nextSetBit(0); i >= 0; i = of.nextSetBit(i + 1)) {
      for (int c : g.childrenOf(i)) {
        out.set(c);
      }
    }
    return out;
  }

  /** The version rows, for messages. */
  String current() {
    return rows.isEmpty() ? "base (nothing applied)" : String.join(", ", g.ids(rows));
  }
}
