package dev.retort.script;

import dev.retort.error.RevisionGraphException;
import dev.retort.text.Spelling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The migrations as a graph, with Alembic's semantics: {@code revises} names 0..n parents (two or
 * more make a merge), {@code depends_on} orders a revision after others without making them
 * parents, heads are revisions nobody revises, and the version table holds one row per applied
 * head. An immutable value: every method is a pure function of the graph and its arguments.
 *
 * <pre>{@code
 * RevisionGraph graph = RevisionGraph.of(List.of(
 *     Revision.of("a1", List.of()), Revision.of("b2", List.of("a1"))));
 * graph.upgradePlan(Set.of(), "head");        // [a1, b2]
 * graph.downgradePlan(Set.of("b2"), "-1");    // [b2]
 * graph.stampRows(Set.of("b2"), "a1");        // {a1}
 * }</pre>
 *
 * <p>Targets follow one grammar, {@link Target}; {@link #parse} reads one and {@link #resolve} says
 * what it names. Every problem is a {@link RevisionGraphException}.
 */
public final class RevisionGraph {
  private final List<Revision> revs;
  private final Map<String, Integer> index;
  private final TreeMap<String, Integer> sortedIds = new TreeMap<>();
  private final Map<String, Integer> labels = new HashMap<>();
  private final int[][] parents;
  private final int[][] deps;
  private final int[][] children;
  private final int[][] dependents;
  private final Set<String> heads;
  private final Set<String> bases;
  private final Set<String> branchPoints;

  private RevisionGraph(List<Revision> sorted) {
    int n = sorted.size();
    revs = List.copyOf(sorted);
    index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      Revision r = revs.get(i);
      index.put(r.id(), i);
      sortedIds.put(r.id(), i);
      r.branchLabels().forEach(l -> labels.put(l, index.get(r.id())));
    }
    parents = new int[n][];
    deps = new int[n][];
    for (int i = 0; i < n; i++) {
      // RevisionSorter has already turned a depends-on naming a branch label into the revision id
      parents[i] = RevisionSorter.indices(revs.get(i).parents(), index);
      deps[i] = RevisionSorter.indices(revs.get(i).dependsOn(), index);
    }
    children = RevisionSorter.invert(parents, n);
    dependents = RevisionSorter.invert(deps, n);
    Set<String> h = new TreeSet<>();
    Set<String> b = new TreeSet<>();
    Set<String> bp = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      String id = revs.get(i).id();
      if (children[i].length == 0) {
        h.add(id);
      }
      if (parents[i].length == 0) {
        b.add(id);
      }
      if (children[i].length > 1) {
        bp.add(id);
      }
    }
    heads = Collections.unmodifiableSet(h);
    bases = Collections.unmodifiableSet(b);
    branchPoints = Collections.unmodifiableSet(bp);
  }

  /**
   * Builds and validates the graph.
   *
   * @throws RevisionGraphException on a duplicate id, a parent or depends-on naming an unknown
   *     revision, a cycle, or a branch label used twice, reserved, or equal to a revision id
   */
  public static RevisionGraph of(Collection<Revision> revisions) {
    return new RevisionGraph(RevisionSorter.sort(revisions));
  }

  /** The revision with exactly this id. */
  public Optional<Revision> find(String id) {
    Integer i = index.get(id);
    return i == null ? Optional.empty() : Optional.of(revs.get(i));
  }

  /** The revision with exactly this id, or a {@link RevisionGraphException}. */
  public Revision get(String id) {
    return revs.get(indexOf(id));
  }

  /** All revisions, parents and depends-on targets before dependents, ties broken by id. */
  public List<Revision> revisions() {
    return revs;
  }

  /** Ids of the revisions no other revision revises (depends-on does not count), sorted. */
  public Set<String> heads() {
    return heads;
  }

  /** Ids of the revisions with no parent, sorted. */
  public Set<String> bases() {
    return bases;
  }

  /** Ids of the revisions that name {@code id} as a parent, sorted. */
  public Set<String> children(String id) {
    return ids(children[indexOf(id)]);
  }

  /** Ids of the revisions that depend on {@code id} (without revising it), sorted. */
  public Set<String> dependents(String id) {
    return ids(dependents[indexOf(id)]);
  }

  /** Ids of the revisions with two or more children, sorted. */
  public Set<String> branchPoints() {
    return branchPoints;
  }

  /**
   * The full id for {@code text}: the id itself or a prefix that only one id starts with.
   *
   * @throws RevisionGraphException when no id or several ids match
   */
  public String resolveId(String text) {
    if (index.containsKey(text)) {
      return text;
    }
    SortedMap<String, Integer> matches =
        text.isEmpty()
            ? Collections.emptySortedMap()
            : sortedIds.subMap(text, text + Character.MAX_VALUE);
    if (matches.isEmpty()) {
      throw new RevisionGraphException("unknown revision '" + text + "'" + didYouMean(text));
    }
    if (matches.size() > 1) {
      List<String> shown = matches.keySet().stream().limit(10).toList();
      throw new RevisionGraphException(
          "ambiguous revision prefix '"
              + text
              + "' matches "
              + String.join(", ", shown)
              + (matches.size() > 10 ? " and " + (matches.size() - 10) + " more" : "")
              + "; type more of the id");
    }
    return matches.firstKey();
  }

  /**
   * Every revision applied when the version table holds {@code versionRows}: the rows and all their
   * ancestors through parents and depends-on, in topological order.
   */
  public Set<String> applied(Set<String> versionRows) {
    return idsInOrder(appliedBits(versionRows));
  }

  /**
   * The version rows for an applied set: its members that no other member revises or depends on. As
   * in Alembic, a revision that a depends-on already implies gets no row of its own.
   */
  public Set<String> versionRows(Set<String> applied) {
    BitSet bits = new BitSet(revs.size());
    for (String id : applied) {
      bits.set(indexOf(id));
    }
    return ids(rows(bits));
  }

  /**
   * {@code "; did you mean 'x'?"} naming the revisions and branch labels closest to a mistyped
   * {@code text} (an id compared at the length typed, so a mistyped prefix finds its revision), or
   * an empty string when none is close.
   */
  String didYouMean(String text) {
    List<String> best = Spelling.closest(text, sortedIds.keySet(), labels.keySet());
    if (best.isEmpty()) {
      return sortedIds.isEmpty() ? "; there are no revisions" : "";
    }
    return "; did you mean "
        + String.join(" or ", best.stream().map(c -> "'" + c + "'").toList())
        + "?";
  }

  /** Parses {@code text} as a target, knowing this graph's ids and labels (a whole name wins). */
  public Target parse(String text) {
    return Target.parse(text, t -> labels.containsKey(t) || index.containsKey(t));
  }

  /**
   * The revisions a target names, sorted by id; empty for {@code base}. A label names the labelled
   * revision, {@code head} the single head (an error when there are several), {@code heads} every
   * head, {@code BRANCH@...} the same within the branch, and {@code REV+N}/{@code REV-N} the
   * revision N steps above or below.
   *
   * @throws RevisionGraphException when the target names nothing or is ambiguous, or counts from
   *     where the database stands ({@code +N}, {@code -N}, {@code current}): {@link
   *     #resolve(Target, Set)} takes those
   */
  public Set<String> resolve(Target target) {
    if (target.dependsOnDatabase()) {
      throw new RevisionGraphException(
          "'" + target + "' counts from where the database stands;" + " name a revision instead");
    }
    return ids(new TargetResolver(this, new BitSet()).position(target));
  }

  /**
   * {@link #resolve(Target)}, counting {@code +N}, {@code -N} and {@code current} from the rows.
   */
  public Set<String> resolve(Target target, Set<String> versionRows) {
    return ids(new TargetResolver(this, appliedBits(versionRows)).position(target));
  }

  /** The revisions to apply, in order, to go from {@code versionRows} to {@code target}. */
  public List<Revision> upgradePlan(Set<String> versionRows, Target target) {
    return list(new TargetResolver(this, appliedBits(versionRows)).upgrade(target), false);
  }

  /** {@link #upgradePlan(Set, Target)} of {@link #parse parsed} text. */
  public List<Revision> upgradePlan(Set<String> versionRows, String target) {
    return upgradePlan(versionRows, parse(target));
  }

  /**
   * The revisions to un-apply, children before parents, to go back to {@code target}: what lies
   * above it along parent links, with whatever depends on that. The target stays applied, and so do
   * revisions that depend on it without lying above it.
   */
  public List<Revision> downgradePlan(Set<String> versionRows, Target target) {
    return list(new TargetResolver(this, appliedBits(versionRows)).downgrade(target), true);
  }

  /** {@link #downgradePlan(Set, Target)} of {@link #parse parsed} text. */
  public List<Revision> downgradePlan(Set<String> versionRows, String target) {
    return downgradePlan(versionRows, parse(target));
  }

  /**
   * The version rows after {@code stamp target}: each revision the target names replaces the rows
   * on its line of descent (above or below it, depends-on included), and rows on unrelated branches
   * stay. {@code base} leaves no rows, {@code BRANCH@base} drops that branch's rows.
   */
  public Set<String> stampRows(Set<String> versionRows, Target target) {
    return ids(new TargetResolver(this, appliedBits(versionRows)).stamp(target));
  }

  /** {@link #stampRows(Set, Target)} of {@link #parse parsed} text. */
  public Set<String> stampRows(Set<String> versionRows, String target) {
    return stampRows(versionRows, parse(target));
  }

  /**
   * For {@code history -r lower:upper}, newest first: what {@code upper} needs that {@code lower}
   * does not, {@code lower} included, limited to {@code lower}'s descendants. An empty side is
   * {@code base} or {@code heads}; {@code current} is {@code versionRows}; {@code -N} below counts
   * down from the heads and {@code +N} above counts up from {@code lower}; {@code BRANCH@...} below
   * keeps to that branch's heads.
   *
   * @throws RevisionGraphException when {@code lower} is not an ancestor of {@code upper}
   */
  public List<Revision> range(
      Optional<Target> lower, Optional<Target> upper, Set<String> versionRows) {
    TargetResolver resolver = new TargetResolver(this, appliedBits(versionRows));
    return list(
        new HistoryRange(this, resolver)
            .between(
                lower.orElse(new Target.Base(Optional.empty())),
                upper.orElse(new Target.Heads(Optional.empty()))),
        true);
  }

  // ---- package-private structure for TargetResolver, RelativeSteps and HistoryRange ----

  int size() {
    return revs.size();
  }

  /** The labelled revision, or null when {@code name} is no label. */
  Integer labelled(String name) {
    return labels.get(name);
  }

  Map<String, Integer> labels() {
    return labels;
  }

  /** Indexes of the ids starting with {@code prefix}, in id order. */
  List<Integer> withPrefix(String prefix) {
    if (prefix.isEmpty()) {
      return List.of();
    }
    return List.copyOf(sortedIds.subMap(prefix, prefix + Character.MAX_VALUE).values());
  }

  int[] parentsOf(int i) {
    return parents[i];
  }

  int[] childrenOf(int i) {
    return children[i];
  }

  int[] depsOf(int i) {
    return deps[i];
  }

  int[] dependentsOf(int i) {
    return dependents[i];
  }

  String id(int i) {
    return revs.get(i).id();
  }

  int indexOf(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new RevisionGraphException("unknown revision '" + id + "'" + didYouMean(id));
    }
    return i;
  }

  /** Applied revisions that no other applied revision revises or depends on. */
  BitSet rows(BitSet applied) {
    BitSet out = new BitSet(revs.size());
    for (int i = applied.nextSetBit(0); i >= 0; i = applied.nextSetBit(i + 1)) {
      if (!anyIn(children[i], applied) && !anyIn(dependents[i], applied)) {
        out.set(i);
      }
    }
    return out;
  }

  /** Applied revisions that no other applied revision revises; depends-on does not count. */
  BitSet tips(BitSet set) {
    BitSet out = new BitSet(revs.size());
    for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
      if (!anyIn(children[i], set)) {
        out.set(i);
      }
    }
    return out;
  }

  private static boolean anyIn(int[] is, BitSet set) {
    for (int i : is) {
      if (set.get(i)) {
        return true;
      }
    }
    return false;
  }

  // ---- closures ----

  private BitSet appliedBits(Set<String> versionRows) {
    BitSet seeds = new BitSet(revs.size());
    for (String row : versionRows) {
      Integer i = index.get(row);
      if (i == null) {
        throw new RevisionGraphException(
            "the database is at revision "
                + row
                + ", which is not in the migrations directory; restore its file, or reset the"
                + " version table by stamping with purge (stamp --purge <target>)");
      }
      seeds.set(i);
    }
    return ancestors(seeds);
  }

  /** The seeds and everything they revise or depend on, directly or not. */
  BitSet ancestors(BitSet seeds) {
    return closure(seeds, parents, deps);
  }

  /** The seeds and everything that revises or depends on them, directly or not. */
  BitSet descendants(BitSet seeds) {
    return closure(seeds, children, dependents);
  }

  /** The seeds and their ancestors along parent links only. */
  BitSet lineBelow(BitSet seeds) {
    return closure(seeds, parents, null);
  }

  /** The seeds and their descendants along parent links only. */
  BitSet lineAbove(BitSet seeds) {
    return closure(seeds, children, null);
  }

  /** Iterative, so a 10,000-revision chain cannot overflow the stack. */
  private BitSet closure(BitSet seeds, int[][] edges, int[][] moreEdges) {
    BitSet seen = (BitSet) seeds.clone();
    int[] stack = new int[Math.max(16, seeds.cardinality())];
    int top = 0;
    for (int i = seeds.nextSetBit(0); i >= 0; i = seeds.nextSetBit(i + 1)) {
      stack[top++] = i;
    }
    while (top > 0) {
      int cur = stack[--top];
      for (int pass = 0; pass < 2; pass++) {
        int[][] e = pass == 0 ? edges : moreEdges;
        if (e == null) {
          continue;
        }
        for (int next : e[cur]) {
          if (!seen.get(next)) {
            seen.set(next);
            if (top == stack.length) {
              stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = next;
          }
        }
      }
    }
    return seen;
  }

  // ---- conversions ----

  BitSet bit(int i) {
    BitSet b = new BitSet(revs.size());
    b.set(i);
    return b;
  }

  BitSet bits(int[] is) {
    BitSet b = new BitSet(revs.size());
    for (int i : is) {
      b.set(i);
    }
    return b;
  }

  BitSet bits(Set<String> ids) {
    BitSet b = new BitSet(revs.size());
    ids.forEach(id -> b.set(index.get(id)));
    return b;
  }

  /** Ids in id order, for messages and results. */
  Set<String> ids(BitSet bits) {
    Set<String> out = new TreeSet<>();
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      out.add(revs.get(i).id());
    }
    return Collections.unmodifiableSet(out);
  }

  private Set<String> ids(int[] is) {
    return ids(bits(is));
  }

  private Set<String> idsInOrder(BitSet bits) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      out.add(revs.get(i).id());
    }
    return Collections.unmodifiableSet(out);
  }

  /** Index order is topological order, so walking the bits gives a valid plan. */
  private List<Revision> list(BitSet bits, boolean newestFirst) {
    List<Revision> out = new ArrayList<>(bits.cardinality());
    if (newestFirst) {
      for (int i = bits.previousSetBit(revs.size() - 1); i >= 0; i = bits.previousSetBit(i - 1)) {
        out.add(revs.get(i));
      }
    } else {
      for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
        out.add(revs.get(i));
      }
    }
    return List.copyOf(out);
  }
}
