package dev.retort.script;

import dev.retort.error.RevisionGraphException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A revision target as the user types it, parsed but not yet resolved against a graph: the one
 * grammar behind {@code upgrade}, {@code downgrade}, {@code stamp}, {@code history -r}, {@code
 * show}, {@code merge} and {@code revision --head}. {@link RevisionGraph#resolve(Target)} says
 * which revisions it names.
 *
 * <pre>
 * base | head | heads | current | NAME             NAME: an id, a unique id prefix or a branch label
 * BRANCH@base | BRANCH@head | BRANCH@heads | BRANCH@NAME
 *                                                  BRANCH: a branch label or a revision on the branch
 * [BRANCH@][ANCHOR]+N | [BRANCH@][ANCHOR]-N        ANCHOR: NAME, head, heads or base;
 *                                                  none: where the database stands
 * </pre>
 *
 * <p>A text that is a revision id or branch label as a whole is that name, so a label such as
 * {@code feature-2} still names its branch.
 */
public sealed interface Target {
  /** The branch this target is narrowed to ({@code BRANCH@...}), if any. */
  Optional<String> branch();

  /** Whether resolving this target needs the database's version rows. */
  default boolean dependsOnDatabase() {
    return this instanceof Current || (this instanceof Relative r && r.anchor() instanceof Current);
  }

  /** Nothing applied: {@code base}, or {@code BRANCH@base} for the roots of that branch. */
  record Base(Optional<String> branch) implements Target {
    @Override
    public String toString() {
      return prefix(branch) + "base";
    }
  }

  /** The single head, or the single head of a branch. */
  record Head(Optional<String> branch) implements Target {
    @Override
    public String toString() {
      return prefix(branch) + "head";
    }
  }

  /** Every head, or every head of a branch. */
  record Heads(Optional<String> branch) implements Target {
    @Override
    public String toString() {
      return prefix(branch) + "heads";
    }
  }

  /**
   * A revision by id, unique prefix or branch label (naming the labelled revision itself); with a
   * branch, the revision must lie on it.
   */
  record Rev(Optional<String> branch, String name) implements Target {
    @Override
    public String toString() {
      return prefix(branch) + name;
    }
  }

  /**
   * Where the database stands: {@code current} in a history range, or the start of {@code +N} and
   * {@code -N} (with a branch: where that branch stands).
   */
  record Current(Optional<String> branch) implements Target {
    @Override
    public String toString() {
      return branch.isPresent() ? branch.get() + "@" : "current";
    }
  }

  /**
   * {@code delta} steps from {@code anchor}: up through children when positive, down through
   * parents when negative. Walking up keeps to the anchor's branch where it names one.
   */
  record Relative(Target anchor, int delta) implements Target {
    public Relative {
      if (anchor instanceof Relative) {
        throw new IllegalArgumentException("a relative target cannot be the anchor of another");
      }
    }

    @Override
    public Optional<String> branch() {
      return anchor.branch();
    }

    @Override
    public String toString() {
      String sign = delta > 0 ? "+" : "";
      return (anchor instanceof Current c ? prefix(c.branch()) : anchor.toString()) + sign + delta;
    }
  }

  private static String prefix(Optional<String> branch) {
    return branch.map(b -> b + "@").orElse("");
  }

  /** Parses {@code text} knowing no names: every text is read by its shape. */
  static Target parse(String text) {
    return parse(text, name -> false);
  }

  /**
   * Parses {@code text}; {@code isName} says whether a whole text is a revision id or branch label,
   * which then wins over reading it as relative or branch-qualified.
   */
  static Target parse(String text, Predicate<String> isName) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new RevisionGraphException("empty target; give a revision, 'head', 'heads' or 'base'");
    }
    if (isName.test(t)) {
      return new Rev(Optional.empty(), t);
    }
    // [BRANCH@][ANCHOR](+|-)N; the anchor is lazy so that "a-b-2" anchors at "a-b"
    Matcher m = Pattern.compile("(?:([^@]+)@)?([^@]*?)([+-]\\d+)").matcher(t);
    if (m.matches()) {
      Optional<String> branch = Optional.ofNullable(m.group(1));
      String symbol = m.group(2);
      Target anchor = symbol.isEmpty() ? new Current(branch) : symbol(branch, symbol, t);
      return new Relative(anchor, steps(t, m.group(3)));
    }
    int at = t.indexOf('@');
    if (at >= 0) {
      String branch = t.substring(0, at);
      String symbol = t.substring(at + 1);
      if (branch.isEmpty() || symbol.isEmpty() || symbol.contains("@")) {
        throw new RevisionGraphException(
            "'"
                + t
                + "' is not a target: write BRANCH@head, "
                + "BRANCH@base, BRANCH@<revision>, BRANCH@+N or BRANCH@-N");
      }
      return symbol(Optional.of(branch), symbol, t);
    }
    if (t.equals("current")) {
      return new Current(Optional.empty());
    }
    return symbol(Optional.empty(), t, t);
  }

  private static Target symbol(Optional<String> branch, String symbol, String text) {
    switch (symbol) {
      case "base":
        return new Base(branch);
      case "head":
        return new Head(branch);
      case "heads":
        return new Heads(branch);
      case "current":
        throw new RevisionGraphException(
            "'"
                + text
                + "': 'current' stands alone; "
                + "use '+N' or '-N' to count from where the database stands");
      default:
        return new Rev(branch, symbol);
    }
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
