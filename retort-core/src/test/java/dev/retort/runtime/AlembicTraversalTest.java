package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.RevisionGraphException;
import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of Alembic's revision and traversal tests, as a table run against Retort's graph and
 * planner: which revisions a target names, which run (in Retort's order, children after parents),
 * and what the version table holds afterwards. Where Alembic's own order between independent
 * branches differs, the table gives Retort's; the set and the resulting rows are Alembic's.
 */
class AlembicTraversalTest {

  // ---- graphs: "id<parent,parent #label ^dependency" ----

  /** a - b - c - d - e. */
  static final RevisionGraph LINE = graph("a", "b<a", "c<b", "d<c", "e<d");

  /** a - b, then b - c1 (c1branch) - d1 and b - c2 (c2branch) - d2. */
  static final RevisionGraph BRANCHED =
      graph("a", "b<a", "c1<b #c1branch", "d1<c1", "c2<b #c2branch", "d2<c2");

  /** BRANCHED, with d1 and d2 merged into e, then f. */
  static final RevisionGraph MERGED =
      graph("a", "b<a", "c1<b", "d1<c1", "c2<b #c2branch", "d2<c2", "e<d1,d2", "f<e");

  /** BRANCHED, with d2 depending on c1. */
  static final RevisionGraph CROSS =
      graph("a", "b<a", "c1<b #c1branch", "d1<c1", "c2<b #c2branch", "d2<c2 ^c1");

  /** Two roots merged into d1, while c2 goes on into d2. */
  static final RevisionGraph FROM_MERGE =
      graph("a1", "b1<a1", "c1<b1", "a2", "b2<a2", "c2<b2", "d1<c1,c2", "d2<c2");

  /** Three roots merged into d1, while c2 and c3 go on. */
  static final RevisionGraph THREE_WAY =
      graph(
          "a1",
          "b1<a1",
          "c1<b1",
          "a2",
          "b2<a2",
          "c2<b2",
          "a3",
          "b3<a3",
          "c3<b3",
          "d1<c1,c2,c3",
          "d2<c2",
          "d3<c3");

  /** Two merges of the same three branches. */
  static final RevisionGraph TWIN =
      graph("a", "b1<a", "b2<a", "b3<a", "c1<b1,b2,b3", "c2<b1,b2,b3", "d1<c1", "d2<c2");

  /** Two merges sharing one branch. */
  static final RevisionGraph NOT_QUITE_TWIN =
      graph("a", "b1<a", "b2<a", "b3<a", "c1<b1,b2", "c2<b2,b3", "d1<c1", "d2<c2");

  /** A second root whose c2 depends on the first line's c1. */
  static final RevisionGraph DEP_ONE =
      graph("a1 #lib1", "b1<a1", "c1<b1", "d1<c1", "e1<d1", "f1<e1", "a2", "b2<a2", "c2<b2 ^c1");

  /** Three merges of roots, and a root d1 depending on one root of each. */
  static final RevisionGraph DEP_TWO =
      graph(
          "a1",
          "a2",
          "a3",
          "amerge<a1,a2,a3",
          "b1",
          "b2",
          "bmerge<b1,b2",
          "c1",
          "c2",
          "c3",
          "cmerge<c1,c2,c3",
          "d1 ^a3,b2,c1");

  /** Two lines depending on each other crosswise. */
  static final RevisionGraph DEP_THREE =
      graph("a1", "a2<a1", "a3<a2 ^b1", "b1", "b2<b1 ^a2", "b3<b2");

  /** A revision depending on its own parent. */
  static final RevisionGraph DEP_OWN = graph("a1", "a2<a1 ^a1");

  /** A dependency repeated further up the same line. */
  static final RevisionGraph DEP_FOUR =
      graph("a1", "a2<a1", "a3<a2", "b1", "b2<b1 ^a3", "b3<b2", "b4<b3 ^a3");

  /** A root depending on another root, then merged with it. */
  static final RevisionGraph DEP_FIVE = graph("a1", "b1 ^a1", "bmerge<a1,b1");

  /** DEP_ONE with the dependency given as a branch label. */
  static final RevisionGraph DEP_LABEL =
      graph(
          "a1 #lib1",
          "b1<a1",
          "c1<b1 #c1lib",
          "d1<c1",
          "e1<d1",
          "f1<e1",
          "a2",
          "b2<a2",
          "c2<b2 ^c1lib");

  /** Two unrelated lines. */
  static final RevisionGraph FOREST = graph("a1", "b1<a1", "a2", "b2<a2");

  /** Alembic's labelled-branch map: two roots, each labelled at a different height. */
  static final RevisionGraph LABELED =
      graph(
          "a #abranch",
          "b<a",
          "somelongername<b",
          "c<somelongername",
          "d",
          "e<d #ebranch",
          "someothername<e",
          "f<someothername");

  /** a, two branches, merged into c, then d. */
  static final RevisionGraph DIAMOND = graph("a", "b1<a", "b2<a", "c<b1,b2", "d<c");

  static final Map<String, RevisionGraph> GRAPHS =
      Map.ofEntries(
          Map.entry("LINE", LINE),
          Map.entry("BRANCHED", BRANCHED),
          Map.entry("MERGED", MERGED),
          Map.entry("CROSS", CROSS),
          Map.entry("FROM_MERGE", FROM_MERGE),
          Map.entry("THREE_WAY", THREE_WAY),
          Map.entry("DEP_ONE", DEP_ONE),
          Map.entry("DEP_TWO", DEP_TWO),
          Map.entry("DEP_THREE", DEP_THREE),
          Map.entry("DEP_OWN", DEP_OWN),
          Map.entry("DEP_FOUR", DEP_FOUR),
          Map.entry("DEP_FIVE", DEP_FIVE),
          Map.entry("DEP_LABEL", DEP_LABEL),
          Map.entry("FOREST", FOREST),
          Map.entry("LABELED", LABELED),
          Map.entry("DIAMOND", DIAMOND));

  static RevisionGraph graph(String... specs) {
    List<Revision> revs = new ArrayList<>();
    for (String spec : specs) {
      String[] parts = spec.split(" ");
      String[] head = parts[0].split("<");
      Revision r = Revision.of(head[0], head.length > 1 ? List.of(head[1].split(",")) : List.of());
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].startsWith("#")) {
          r = r.withBranchLabels(Set.of(parts[i].substring(1)));
        } else {
          r = r.withDependsOn(List.of(parts[i].substring(1).split(",")));
        }
      }
      revs.add(r);
    }
    return RevisionGraph.of(revs);
  }

  private static Set<String> rows(String spaced) {
    return spaced.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(spaced.trim().split(" ")));
  }

  private static List<String> list(String spaced) {
    return spaced.isBlank() ? List.of() : Arrays.asList(spaced.trim().split(" "));
  }

  // ---- upgrade and downgrade: the steps in order, and the rows after ----

  static Stream<Arguments> moves() {
    return Stream.of(
        // RevisionPathTest
        up("LINE", "c", "e", "d e", "e"),
        up("LINE", "", "c", "a b c", "c"),
        up("LINE", "a", "+2", "b c", "c"),
        up("LINE", "a", "+1", "b", "b"),
        up("LINE", "b", "+3", "c d e", "e"),
        up("LINE", "a", "b+2", "b c d", "d"),
        up("LINE", "a", "d-2", "b", "b"),
        down("LINE", "e", "c", "e d", "c"),
        down("LINE", "c", "base", "c b a", ""),
        down("LINE", "c", "-1", "c", "b"),
        down("LINE", "e", "-3", "e d c", "b"),
        down("LINE", "d", "a+2", "d", "c"),
        down("LINE", "d", "c-2", "d c b", "a"),
        down("LINE", "a", "a", "", "a"),
        down("LINE", "e", "e", "", "e"),
        down("LINE", "", "base", "", ""),
        // BranchedPathTest
        up("BRANCHED", "b", "d1", "c1 d1", "d1"),
        up("BRANCHED", "a", "heads", "b c1 c2 d1 d2", "d1 d2"),
        down("BRANCHED", "d1 d2", "a", "d2 d1 c2 c1 b", "a"),
        up("BRANCHED", "b", "c2branch@head-1", "c2", "c2"),
        down("BRANCHED", "d1 d2", "base+2", "d2 d1 c2 c1", "b"),
        down("BRANCHED", "d1 d2", "c2branch@base+2", "d2 c2", "d1"),
        down("BRANCHED", "d1 d2", "c2", "d2", "c2 d1"),
        down("BRANCHED", "d1 d2", "c2branch@base+3", "d2", "c2 d1"),
        down("BRANCHED", "d1 d2", "c1branch@-1", "d1", "c1 d2"),
        down("BRANCHED", "c1 d2", "d2-1", "d2", "c1 c2"),
        down("BRANCHED", "c1 d2", "c1branch@b", "c1", "d2"),
        down("BRANCHED", "c1 d2", "c2branch@b", "d2 c2", "c1"),
        down("BRANCHED", "d1 d2", "c2@b", "d2 c2", "d1"),
        down("BRANCHED", "d1 d2", "d1@b", "d1 c1", "d2"),
        down("BRANCHED", "d1 d2", "c1branch@head-1", "d1", "c1 d2"),
        up("BRANCHED", "c1", "c2branch@+1", "c2", "c1 c2"),
        up("BRANCHED", "c1 c2", "c2branch@+1", "d2", "c1 d2"),
        up("BRANCHED", "", "base+1", "a", "a"),
        up("BRANCHED", "", "+1", "a", "a"),
        down("BRANCHED", "a", "-1", "a", ""),
        down("BRANCHED", "c2 d1", "c2", "", "c2 d1"),
        down("BRANCHED", "c2 d1", "d1", "", "c2 d1"),
        // BranchFromMergepointTest, BranchFrom3WayMergepointTest
        up("FROM_MERGE", "b1 d2", "d1", "c1 d1", "d1 d2"),
        down("FROM_MERGE", "d1 d2", "b1", "d1 c1", "b1 d2"),
        up("THREE_WAY", "b1 d2 d3", "d1", "c1 d1", "d1 d2 d3"),
        down("THREE_WAY", "d1 d2 d3", "b1", "d1 c1", "b1 d2 d3"),
        up("THREE_WAY", "b1 b2 d3", "d1", "c1 c2 d1", "d1 d3"),
        up("THREE_WAY", "d1 d3", "d2", "d2", "d1 d2 d3"),
        // MergedPathTest
        up("MERGED", "b", "f", "c1 c2 d1 d2 e f", "f"),
        down("MERGED", "f", "b", "f e d2 d1 c2 c1", "b"),
        // BranchedPathTestCrossDependencies
        down("CROSS", "d1 d2", "c2branch@b", "d2 c2", "d1"),
        down("CROSS", "d1 d2", "c1branch@b", "d2 d1 c1", "c2"),
        // DependsOnBranchTestOne..Five, DependsOnOwnDownrevTest, DependsOnBranchLabelTest
        down("DEP_ONE", "c2 d1", "c1", "d1", "c2"),
        down("DEP_TWO", "amerge bmerge cmerge d1", "b2", "bmerge", "amerge b1 cmerge d1"),
        down("DEP_TWO", "amerge b1 cmerge d1", "d1@base", "d1", "amerge b1 b2 cmerge"),
        down("DEP_TWO", "amerge b1 b2 cmerge", "base", "cmerge c3 c2 c1 b2 b1 amerge a3 a2 a1", ""),
        down("DEP_THREE", "a3 b2", "b1", "b2", "a3"),
        up("DEP_OWN", "", "a2", "a1 a2", "a2"),
        down("DEP_OWN", "a2", "a1", "a2", "a1"),
        down("DEP_FOUR", "b4", "b3", "b4", "b3"),
        up("DEP_FIVE", "a1", "b1", "b1", "b1"),
        up("DEP_FIVE", "b1", "bmerge", "bmerge", "bmerge"),
        down("DEP_FIVE", "bmerge", "a1", "bmerge", "b1"),
        down("DEP_FIVE", "bmerge", "b1", "bmerge", "b1"),
        up("DEP_LABEL", "a2", "c2", "a1 b1 b2 c1 c2", "c2"),
        // ForestTest
        up("FOREST", "", "heads", "a1 a2 b1 b2", "b1 b2"),
        // LabeledBranchTest: ebranch covers d, below its labelled revision
        up("LABELED", "", "ebranch@+2", "d e", "e"),
        down("LABELED", "f", "ebranch@base", "f someothername e d", ""),
        down("LABELED", "c f", "ebranch@-2", "f someothername", "c e"));
  }

  static Arguments up(String g, String from, String target, String steps, String after) {
    return Arguments.of(g, "upgrade", from, target, steps, after);
  }

  static Arguments down(String g, String from, String target, String steps, String after) {
    return Arguments.of(g, "downgrade", from, target, steps, after);
  }

  @ParameterizedTest(name = "{0}: {1} {3} from [{2}]")
  @MethodSource("moves")
  void move(String g, String verb, String from, String target, String steps, String after) {
    RevisionGraph graph = GRAPHS.get(g);
    Plan plan =
        verb.equals("upgrade")
            ? Planner.upgrade(graph, rows(from), target)
            : Planner.downgrade(graph, rows(from), target);
    assertThat(plan.steps().stream().map(s -> s.revision().id()).toList())
        .containsExactlyElementsOf(list(steps));
    assertThat(new TreeSet<>(plan.rowsAfter())).containsExactlyElementsOf(rows(after));
    // the rows the planner updates step by step are those of the applied set as a whole
    Set<String> applied = new HashSet<>(graph.applied(rows(from)));
    plan.steps()
        .forEach(
            s -> {
              if (verb.equals("upgrade")) {
                applied.add(s.revision().id());
              } else {
                applied.remove(s.revision().id());
              }
            });
    assertThat(graph.versionRows(applied)).containsExactlyElementsOf(rows(after));
  }

  // ---- errors ----

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("LINE", "upgrade", "b", "-2", "downgrade to it instead"),
        Arguments.of("LINE", "upgrade", "b", "+5", "only 3 steps possible"),
        Arguments.of("LINE", "downgrade", "b", "-5", "b is only 2 steps above base"),
        Arguments.of("LINE", "downgrade", "b", "+2", "upgrade to it instead"),
        Arguments.of("LINE", "downgrade", "", "b", "revision b is not applied"),
        Arguments.of("LINE", "downgrade", "b", "c", "revision c is not applied"),
        Arguments.of("BRANCHED", "downgrade", "d1 d2", "-1", "several heads (d1, d2)"),
        Arguments.of("BRANCHED", "upgrade", "c1 c2", "+1", "several heads (c1, c2)"),
        Arguments.of("BRANCHED", "downgrade", "", "-1", "nothing is applied"),
        Arguments.of("BRANCHED", "upgrade", "", "head", "there are 2 heads: d1, d2"),
        Arguments.of("DIAMOND", "downgrade", "d", "-3", "revision c merges b1, b2"));
  }

  @ParameterizedTest(name = "{0}: {1} {3} from [{2}] is refused")
  @MethodSource("refusals")
  void refused(String g, String verb, String from, String target, String message) {
    RevisionGraph graph = GRAPHS.get(g);
    assertThatThrownBy(
            () -> {
              if (verb.equals("upgrade")) {
                Planner.upgrade(graph, rows(from), target);
              } else {
                Planner.downgrade(graph, rows(from), target);
              }
            })
        .isInstanceOf(RevisionGraphException.class)
        .hasMessageContaining(message);
  }

  // ---- stamp: the rows afterwards ----

  static Stream<Arguments> stamps() {
    return Stream.of(
        Arguments.of("LINE", "d", "base", ""),
        Arguments.of("BRANCHED", "c2 d1", "b", "b"),
        Arguments.of("BRANCHED", "c2 d1", "c1branch@base", "c2"),
        Arguments.of("BRANCHED", "c2 d1", "c2branch@head", "d1 d2"),
        Arguments.of("MERGED", "e", "c2", "c2"),
        Arguments.of("MERGED", "e", "a", "a"),
        Arguments.of("MERGED", "c2", "e", "e"),
        Arguments.of("MERGED", "c2 d1", "c2branch@head", "f"),
        Arguments.of("MERGED", "c2 d1", "e", "e"),
        Arguments.of("MERGED", "b", "e", "e"),
        Arguments.of("DEP_ONE", "c2 e1", "b1", "b1"),
        Arguments.of("FOREST", "", "heads", "b1 b2"),
        Arguments.of("FOREST", "b1 b2", "heads", "b1 b2"));
  }

  @ParameterizedTest(name = "{0}: stamp {2} from [{1}]")
  @MethodSource("stamps")
  void stamp(String g, String from, String target, String after) {
    assertThat(GRAPHS.get(g).stampRows(rows(from), target)).containsExactlyElementsOf(rows(after));
  }

  // ---- what a target names ----

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("LABELED", "ebranch@head", "f"),
        Arguments.of("LABELED", "abranch@heads", "c"),
        Arguments.of("LABELED", "abranch@head", "c"),
        Arguments.of("LABELED", "abranch@base", ""),
        Arguments.of("LABELED", "ebranch@d", "d"),
        Arguments.of("LABELED", "ebranch@ebranch", "e"),
        Arguments.of("LABELED", "abranch", "a"),
        Arguments.of("LABELED", "ebranch", "e"),
        Arguments.of("LABELED", "e", "e"),
        Arguments.of("LABELED", "e@d", "d"),
        Arguments.of("LABELED", "someoth@d", "d"),
        Arguments.of("LABELED", "ebranch@some", "someothername"),
        Arguments.of("LABELED", "abranch@some", "somelongername"),
        Arguments.of("LABELED", "heads", "c f"),
        Arguments.of("LINE", "head", "e"),
        Arguments.of("LINE", "base", ""),
        Arguments.of("LINE", "c-2", "a"),
        Arguments.of("LINE", "c-3", ""),
        Arguments.of("LINE", "base+2", "b"),
        Arguments.of("LINE", "head-1", "d"),
        Arguments.of("BRANCHED", "c2branch@base+3", "c2"),
        Arguments.of("DIAMOND", "c-1", "b1 b2"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("names")
  void resolves(String g, String target, String expected) {
    RevisionGraph graph = GRAPHS.get(g);
    assertThat(graph.resolve(graph.parse(target))).containsExactlyElementsOf(rows(expected));
  }

  static Stream<Arguments> badNames() {
    return Stream.of(
        Arguments.of("LABELED", "ebranch@b", "revision b is not on branch 'ebranch'"),
        Arguments.of("LABELED", "abranch@d", "revision d is not on branch 'abranch'"),
        Arguments.of("LABELED", "x@d", "no branch label or revision 'x'"),
        Arguments.of("LABELED", "head", "there are 2 heads: c, f"),
        Arguments.of("LABELED", "qprstuv", "unknown revision 'qprstuv'"),
        Arguments.of("LINE", "a-2", "a is only 1 step above base"),
        Arguments.of("LINE", "-1", "counts from where the database stands"),
        Arguments.of("BRANCHED", "b+1", "revision b forks (c1, c2)"));
  }

  @ParameterizedTest(name = "{0}: {1} is refused")
  @MethodSource("badNames")
  void refusesToResolve(String g, String target, String message) {
    RevisionGraph graph = GRAPHS.get(g);
    assertThatThrownBy(() -> graph.resolve(graph.parse(target)))
        .isInstanceOf(RevisionGraphException.class)
        .hasMessageContaining(message);
  }

  // ---- history ranges, newest first ----

  static Stream<Arguments> ranges() {
    return Stream.of(
        Arguments.of("LABELED", "ebranch@base:heads", "f someothername e d"),
        Arguments.of("LABELED", "abranch@base:heads", "c somelongername b a"),
        Arguments.of("LABELED", "base:ebranch@head", "f someothername e d"),
        Arguments.of("LABELED", "base:abranch@head", "c somelongername b a"),
        Arguments.of("LABELED", "ebranch@head:heads", "f"),
        Arguments.of("LABELED", "ebranch@d:heads", "f someothername e d"),
        Arguments.of("LABELED", "e@base:heads", "f someothername e d"),
        Arguments.of("LABELED", "c@base:heads", "c somelongername b a"),
        Arguments.of("LABELED", "ebranch@-2:heads", "f someothername e"),
        Arguments.of("LABELED", "base:ebranch@+2", "e d"),
        Arguments.of("DIAMOND", "a:d", "d c b2 b1 a"),
        Arguments.of("LINE", "-2:", "e d c"),
        Arguments.of("LINE", "-9:", "e d c b a"),
        Arguments.of("LINE", "b:+2", "d c b"),
        Arguments.of("LINE", ":", "e d c b a"));
  }

  @ParameterizedTest(name = "{0}: history -r {1}")
  @MethodSource("ranges")
  void range(String g, String range, String expected) {
    RevisionGraph graph = GRAPHS.get(g);
    assertThat(history(graph, range)).containsExactlyElementsOf(list(expected));
  }

  static Stream<Arguments> badRanges() {
    return Stream.of(
        Arguments.of("BRANCHED", "c1:d2", "revision c1 is not an ancestor of d2"),
        Arguments.of("LINE", "d:b", "revision d is not an ancestor of b"),
        Arguments.of("LINE", "+1:", "cannot start a range"),
        Arguments.of("LINE", ":-1", "cannot end a range"));
  }

  @ParameterizedTest(name = "{0}: history -r {1} is refused")
  @MethodSource("badRanges")
  void refusedRange(String g, String range, String message) {
    RevisionGraph graph = GRAPHS.get(g);
    assertThatThrownBy(() -> history(graph, range))
        .isInstanceOf(RevisionGraphException.class)
        .hasMessageContaining(message);
  }

  private static List<String> history(RevisionGraph graph, String range) {
    String[] sides = range.split(":", -1);
    return graph.range(side(graph, sides[0]), side(graph, sides[1]), Set.of()).stream()
        .map(Revision::id)
        .toList();
  }

  private static Optional<dev.retort.script.Target> side(RevisionGraph graph, String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(graph.parse(text));
  }
}
