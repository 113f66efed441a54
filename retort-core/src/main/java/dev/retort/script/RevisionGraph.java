package dev.retort.script;

import dev.retort.error.RevisionGraphException;
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
 * <p>Targets for {@link #upgradePlan}: {@code head}, {@code heads}, an id or unique prefix, a
 * branch label or {@code <label>@head}, {@code +N}, {@code <rev>+N}, {@code <label>@+N}. For {@link
 * #downgradePlan}: {@code base}, an id or prefix (or a label, naming the labelled revision), {@code
 * -N}, {@code <rev>-N}, {@code <label>@-N}, {@code <label>@base}. {@link #stampRows} takes either
 * kind. Every problem is a {@link RevisionGraphException}.
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
      parents[i] = revs.get(i).parents().stream().distinct().mapToInt(index::get).toArray();
      deps[i] = revs.get(i).dependsOn().stream().distinct().mapToInt(index::get).toArray();
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
      throw new RevisionGraphException(
          "unknown revision '" + text + "'; run 'retort history' to list revisions");
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

  /** The version rows for an applied set: its members that no other member revises. */
  public Set<String> versionRows(Set<String> applied) {
    BitSet bits = new BitSet(revs.size());
    for (String id : applied) {
      bits.set(indexOf(id));
    }
    return rows(bits);
  }

  /** The revisions to apply, in order, to go from {@code versionRows} to {@code target}. */
  public List<Revision> upgradePlan(Set<String> versionRows, String target) {
    BitSet applied = appliedBits(versionRows);
    BitSet todo = ancestors(TargetResolver.destination(this, applied, parse(target), target));
    todo.andNot(applied);
    return list(todo, false);
  }

  /** The revisions to un-apply, children before parents, to go back to {@code target}. */
  public List<Revision> downgradePlan(Set<String> versionRows, String target) {
    BitSet applied = appliedBits(versionRows);
    return list(TargetResolver.removal(this, applied, parse(target), target), true);
  }

  /**
   * The version rows after {@code stamp target}: the applied set loses what lies beyond the target
   * and gains the target with its ancestors. {@code base} gives no rows.
   */
  public Set<String> stampRows(Set<String> versionRows, String target) {
    BitSet applied = appliedBits(versionRows);
    Target t = parse(target);
    if (t instanceof Target.Keyword k && k.word().equals("base")) {
      return Set.of();
    }
    boolean backwards =
        (t instanceof Target.BranchEnd be && !be.head())
            || (t instanceof Target.Step s && s.delta() < 0);
    if (backwards) {
      applied.andNot(TargetResolver.removal(this, applied, t, target));
      return rows(applied);
    }
    BitSet dest = TargetResolver.destination(this, applied, t, target);
    BitSet beyond = descendants(dest);
    beyond.andNot(dest);
    applied.andNot(beyond);
    applied.or(ancestors(dest));
    return rows(applied);
  }

  /**
   * For {@code history -r lower:upper}: the revisions that descend from {@code lower} (or are it)
   * and lead to {@code upper} (or are it), newest first. An empty side, {@code base} below or
   * {@code head}/{@code heads} above, is open.
   */
  public List<Revision> range(Optional<String> lower, Optional<String> upper) {
    BitSet result = new BitSet(revs.size());
    result.set(0, revs.size());
    String lo = lower.map(String::strip).orElse("base");
    String hi = upper.map(String::strip).orElse("heads");
    if (!lo.equals("base") && !lo.isEmpty()) {
      result.and(
          descendants(lo.equals("head") || lo.equals("heads") ? bits(heads) : bit(resolve(lo))));
    }
    if (!hi.equals("head") && !hi.equals("heads") && !hi.isEmpty()) {
      result.and(ancestors(hi.equals("base") ? bits(bases) : bit(resolve(hi))));
    }
    return list(result, true);
  }

  // ---- targets ----

  private Target parse(String target) {
    return Target.parse(target, t -> labels.containsKey(t) || index.containsKey(t));
  }

  /** The single head reachable from the revision labelled {@code label}. */
  int branchHead(String label) {
    BitSet branch = branch(label(label));
    Set<String> found = new TreeSet<>();
    for (int i = branch.nextSetBit(0); i >= 0; i = branch.nextSetBit(i + 1)) {
      if (children[i].length == 0) {
        found.add(revs.get(i).id());
      }
    }
    if (found.size() != 1) {
      throw new RevisionGraphException(
          "branch '"
              + label
              + "' has several heads: "
              + String.join(", ", found)
              + "; merge them or name one by id");
    }
    return index.get(found.iterator().next());
  }

  // ---- package-private access for RelativeSteps ----

  boolean isLabel(String name) {
    return labels.containsKey(name);
  }

  int label(String label) {
    Integer i = labels.get(label);
    if (i == null) {
      throw new RevisionGraphException(
          "unknown branch label '" + label + "'; run 'retort branches' to list them");
    }
    return i;
  }

  /** The labelled revision and everything that revises it, directly or not. */
  BitSet branch(int start) {
    return closure(bit(start), children, null);
  }

  int resolve(String text) {
    Integer l = labels.get(text);
    return l != null ? l : indexOf(resolveId(text));
  }

  int[] parentsOf(int i) {
    return parents[i];
  }

  int[] childrenOf(int i) {
    return children[i];
  }

  String id(int i) {
    return revs.get(i).id();
  }

  int indexOf(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new RevisionGraphException(
          "unknown revision '" + id + "'; run 'retort history' to list revisions");
    }
    return i;
  }

  void requireApplied(BitSet applied, int r) {
    if (!applied.get(r)) {
      Set<String> current = rows(applied);
      throw new RevisionGraphException(
          "revision "
              + id(r)
              + " is not applied; current: "
              + (current.isEmpty() ? "nothing applied" : String.join(", ", current)));
    }
  }

  /** Applied revisions in {@code within} that no other applied revision in it revises. */
  Set<String> rows(BitSet applied) {
    Set<String> out = new TreeSet<>();
    for (int i = applied.nextSetBit(0); i >= 0; i = applied.nextSetBit(i + 1)) {
      boolean top = true;
      for (int c : children[i]) {
        if (applied.get(c)) {
          top = false;
          break;
        }
      }
      if (top) {
        out.add(revs.get(i).id());
      }
    }
    return Collections.unmodifiableSet(out);
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
                + " version table with 'retort stamp --purge <target>'");
      }
      seeds.set(i);
    }
    return ancestors(seeds);
  }

  BitSet ancestors(BitSet seeds) {
    return closure(seeds, parents, deps);
  }

  BitSet descendants(BitSet seeds) {
    return closure(seeds, children, dependents);
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

  BitSet bits(Set<String> ids) {
    BitSet b = new BitSet(revs.size());
    ids.forEach(id -> b.set(index.get(id)));
    return b;
  }

  private Set<String> ids(int[] is) {
    Set<String> out = new TreeSet<>();
    for (int i : is) {
      out.add(revs.get(i).id());
    }
    return Collections.unmodifiableSet(out);
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
