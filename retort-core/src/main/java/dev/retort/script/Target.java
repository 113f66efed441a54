package dev.retort.script;

import dev.retort.error.RevisionGraphException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as the user types it for {@code upgrade}, {@code downgrade} or {@code stamp}, parsed but
 * not yet resolved against a graph.
 */
sealed interface Target {
  /** {@code head}, {@code heads} or {@code base}. */
  record Keyword(String word) implements Target {}

  /** A full id, an id prefix or a branch label. */
  record Named(String text) implements Target {}

  /** {@code <label>@head} ({@code head} true) or {@code <label>@base}. */
  record BranchEnd(String label, boolean head) implements Target {}

  /** {@code +N}/{@code -N} from the current head ({@code anchor} null, {@code branch} false). */
  record Step(String anchor, boolean branch, int delta) implements Target {}

  Pattern BRANCH_END = Pattern.compile("(.+)@(head|base)");
  Pattern BRANCH_STEP = Pattern.compile("(.+)@([+-]\\d+)");
  Pattern STEP = Pattern.compile("(.*?)([+-]\\d+)");

  /**
   * Parses {@code text}. A name that is a branch label or revision id as a whole wins over a
   * relative reading, so a label like {@code feature-2} still names its branch.
   */
  static Target parse(String text, Predicate<String> isName) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new RevisionGraphException("empty target; give a revision, 'head', 'heads' or 'base'");
    }
    if (t.equals("head") || t.equals("heads") || t.equals("base")) {
      return new Keyword(t);
    }
    if (isName.test(t)) {
      return new Named(t);
    }
    Matcher m = BRANCH_END.matcher(t);
    if (m.matches()) {
      return new BranchEnd(m.group(1), m.group(2).equals("head"));
    }
    m = BRANCH_STEP.matcher(t);
    if (m.matches()) {
      return new Step(m.group(1), true, steps(t, m.group(2)));
    }
    m = STEP.matcher(t);
    if (m.matches()) {
      return new Step(m.group(1).isEmpty() ? null : m.group(1), false, steps(t, m.group(2)));
    }
    return new Named(t);
  }

  private static int steps(String target, String signed) {
    int n;
    try {
      n = Integer.parseInt(signed);
    } catch (NumberFormatException e) {
      throw new RevisionGraphException("step count in '" + target + "' is too large");
    }
    if (n == 0) {
      throw new RevisionGraphException("'" + target + "' moves zero steps; use +1, -1 or more");
    }
    return n;
  }
}
