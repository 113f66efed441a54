package dev.retort.script;

import dev.retort.error.RevisionGraphException;
import java.util.BitSet;
import java.util.List;

/**
 * Turns a parsed {@link Target} into revisions: for upgrade and stamp, the revisions to reach
 * (their ancestors come with them); for downgrade, the applied revisions to un-apply. Kept apart
 * from {@link RevisionGraph} so the graph stays about structure and closures.
 */
final class TargetResolver {
  private TargetResolver() {}

  /** The revisions an upgrade-style target names; their ancestors come with them. */
  static BitSet destination(RevisionGraph g, BitSet applied, Target target, String text) {
    if (target instanceof Target.Keyword k) {
      if (k.word().equals("heads")) {
        return g.bits(g.heads());
      }
      if (k.word().equals("head")) {
        return singleHead(g);
      }
      throw new RevisionGraphException(
          "'base' is not an upgrade target; use 'retort downgrade base' to un-apply everything");
    }
    if (target instanceof Target.Named named) {
      String name = named.text();
      return g.bit(g.isLabel(name) ? g.branchHead(name) : g.indexOf(g.resolveId(name)));
    }
    if (target instanceof Target.BranchEnd end) {
      if (!end.head()) {
        throw new RevisionGraphException(
            "'" + text + "' is a downgrade target; use '" + end.label() + "@head'");
      }
      return g.bit(g.branchHead(end.label()));
    }
    Target.Step step = (Target.Step) target;
    if (step.delta() < 0) {
      throw new RevisionGraphException(
          "'" + text + "' moves backwards; use 'retort downgrade " + text + "'");
    }
    return g.bit(RelativeSteps.forward(g, applied, step, text));
  }

  /** The applied revisions a downgrade-style target un-applies. */
  static BitSet removal(RevisionGraph g, BitSet applied, Target target, String text) {
    BitSet out;
    if (target instanceof Target.Keyword k) {
      if (!k.word().equals("base")) {
        throw new RevisionGraphException(
            "'"
                + k.word()
                + "' is an upgrade target; downgrade takes base, -N, a revision, "
                + "<rev>-N, <label>@-N or <label>@base");
      }
      out = (BitSet) applied.clone();
    } else if (target instanceof Target.Named named) {
      int r = g.resolve(named.text());
      g.requireApplied(applied, r);
      out = g.descendants(g.bit(r));
      out.clear(r);
    } else if (target instanceof Target.BranchEnd end) {
      if (end.head()) {
        throw new RevisionGraphException(
            "'"
                + text
                + "' is an upgrade target; use '"
                + end.label()
                + "@base' or '"
                + end.label()
                + "@-N'");
      }
      out = g.descendants(g.bit(g.label(end.label())));
    } else {
      Target.Step step = (Target.Step) target;
      if (step.delta() > 0) {
        throw new RevisionGraphException(
            "'" + text + "' moves forwards; use 'retort upgrade " + text + "'");
      }
      out = g.descendants(g.bit(RelativeSteps.back(g, applied, step, text)));
    }
    out.and(applied);
    return out;
  }

  private static BitSet singleHead(RevisionGraph g) {
    if (g.heads().size() > 1) {
      List<String> h = List.copyOf(g.heads());
      throw new RevisionGraphException(
          "there are "
              + h.size()
              + " heads: "
              + String.join(", ", h)
              + "; run 'retort merge "
              + String.join(" ", h)
              + " -m ...' or upgrade one head by id or 'heads'");
    }
    return g.bits(g.heads());
  }
}
