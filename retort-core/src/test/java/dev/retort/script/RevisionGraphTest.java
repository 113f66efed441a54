package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.RevisionGraphException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

  static Revision rev(String id, String... parents) {
    return Revision.of(id, List.of(parents));
  }

  /** {@code history -r lower:upper} with nothing applied; an empty side is open. */
  static List<Revision> range(RevisionGraph g, String lower, String upper) {
    return g.range(
        Optional.of(lower).filter(t -> !t.isEmpty()).map(g::parse),
        Optional.of(upper).filter(t -> !t.isEmpty()).map(g::parse),
        Set.of());
  }

  static List<String> ids(List<Revision> revisions) {
    return revisions.stream().map(Revision::id).toList();
  }

  /** a1 -> b2 -> c3. */
  static final RevisionGraph LINEAR =
      RevisionGraph.of(List.of(rev("c3", "b2"), rev("a1"), rev("b2", "a1")));

  /** a -> b -> c, and b -> d (label "side") -> e: two heads. */
  static final RevisionGraph FORK =
      RevisionGraph.of(
          List.of(
              rev("a"),
              rev("b", "a"),
              rev("c", "b"),
              rev("d", "b").withBranchLabels(Set.of("side")),
              rev("e", "d")));

  /** r0 -> r1 -> r2a (label "feat") -> r3a -> m4 -> r5, and r1 -> r2b -> m4. */
  static final RevisionGraph MERGED =
      RevisionGraph.of(
          List.of(
              rev("r5", "m4"),
              rev("m4", "r3a", "r2b"),
              rev("r3a", "r2a"),
              rev("r2a", "r1").withBranchLabels(Set.of("feat")),
              rev("r2b", "r1"),
              rev("r1", "r0"),
              rev("r0")));

  @Nested
  class Structure {
    @Test
    void linearChainInTopologicalOrder() {
      assertThat(ids(LINEAR.revisions())).containsExactly("a1", "b2", "c3");
      assertThat(LINEAR.heads()).containsExactly("c3");
      assertThat(LINEAR.bases()).containsExactly("a1");
      assertThat(LINEAR.branchPoints()).isEmpty();
      assertThat(LINEAR.get("b2").parents()).containsExactly("a1");
      assertThat(LINEAR.find("zz")).isEmpty();
      assertThat(LINEAR.find("c3")).map(Revision::id).contains("c3");
    }

    @Test
    void branchAndMerge() {
      assertThat(ids(MERGED.revisions()))
          .containsExactly("r0", "r1", "r2a", "r2b", "r3a", "m4", "r5");
      assertThat(MERGED.heads()).containsExactly("r5");
      assertThat(MERGED.bases()).containsExactly("r0");
      assertThat(MERGED.branchPoints()).containsExactly("r1");
      assertThat(MERGED.children("r1")).containsExactly("r2a", "r2b");
      assertThat(MERGED.get("m4").isMerge()).isTrue();
    }

    @Test
    void twoBasesMergedAndTwoHeads() {
      RevisionGraph g = RevisionGraph.of(List.of(rev("z", "x1", "y1"), rev("y1"), rev("x1")));
      assertThat(g.bases()).containsExactly("x1", "y1");
      assertThat(g.heads()).containsExactly("z");
      assertThat(FORK.heads()).containsExactly("c", "e");
      assertThat(FORK.branchPoints()).containsExactly("b");
    }

    @Test
    void dependsOnOrdersButDoesNotMakeAParent() {
      RevisionGraph g =
          RevisionGraph.of(
              List.of(
                  rev("q", "p").withDependsOn(List.of("b")), rev("p"), rev("b", "a"), rev("a")));
      assertThat(ids(g.revisions())).containsExactly("a", "b", "p", "q");
      assertThat(g.heads()).containsExactly("b", "q");
      assertThat(g.applied(Set.of("q"))).containsExactly("a", "b", "p", "q");
      // q depends on b, so b needs no row of its own (Alembic keeps the same table)
      assertThat(g.versionRows(Set.of("a", "b", "p", "q"))).containsExactly("q");
      assertThat(ids(g.upgradePlan(Set.of(), "q"))).containsExactly("a", "b", "p", "q");
      assertThat(ids(g.downgradePlan(Set.of("b", "q"), "a"))).containsExactly("q", "b");
    }

    @Test
    void appliedAndVersionRows() {
      assertThat(MERGED.applied(Set.of("r3a", "r2b")))
          .containsExactly("r0", "r1", "r2a", "r2b", "r3a");
      assertThat(MERGED.applied(Set.of())).isEmpty();
      assertThat(MERGED.versionRows(Set.of("r0", "r1", "r2a", "r2b")))
          .containsExactly("r2a", "r2b");
      assertThat(MERGED.versionRows(Set.copyOf(MERGED.applied(Set.of("r5")))))
          .containsExactly("r5");
    }

    @Test
    void resolveIdByFullIdOrUniquePrefix() {
      RevisionGraph g =
          RevisionGraph.of(List.of(rev("abc1"), rev("abd2", "abc1"), rev("ab", "abd2")));
      assertThat(g.resolveId("abc")).isEqualTo("abc1");
      assertThat(g.resolveId("abd2")).isEqualTo("abd2");
      assertThat(g.resolveId("ab")).isEqualTo("ab");
      assertThatThrownBy(() -> g.resolveId("a"))
          .isInstanceOf(RevisionGraphException.class)
          .hasMessageContaining("ambiguous revision prefix 'a' matches ab, abc1, abd2");
      assertThatThrownBy(() -> g.resolveId("zz9")).hasMessage("unknown revision 'zz9'");
      assertThatThrownBy(() -> g.resolveId("abe2"))
          .hasMessage("unknown revision 'abe2'; did you mean 'abd2'?");
      assertThatThrownBy(() -> g.get("abc")).hasMessageContaining("unknown revision 'abc'");
    }
  }

  @Nested
  class Validation {
    @Test
    void duplicateIdsNameBothOrigins() {
      Revision one =
          new Revision(
              "a",
              List.of(),
              Set.of(),
              List.of(),
              "",
              true,
              Optional.of(Path.of("m/a_one.sql")),
              Revision.Format.SQL,
              "");
      Revision two =
          new Revision(
              "a",
              List.of(),
              Set.of(),
              List.of(),
              "",
              true,
              Optional.of(Path.of("m/a_two.java")),
              Revision.Format.JAVA,
              "");
      assertThatThrownBy(() -> RevisionGraph.of(List.of(one, two)))
          .isInstanceOf(RevisionGraphException.class)
          .hasMessageContaining("duplicate revision id 'a'")
          .hasMessageContaining(Path.of("m/a_one.sql").toString())
          .hasMessageContaining(Path.of("m/a_two.java").toString());
    }

    @Test
    void missingParentNamesRevisionFileAndMissingId() {
      Revision b =
          new Revision(
              "b",
              List.of("zz"),
              Set.of(),
              List.of(),
              "",
              true,
              Optional.of(Path.of("m/b.sql")),
              Revision.Format.SQL,
              "");
      assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), b)))
          .isInstanceOf(RevisionGraphException.class)
          .hasMessage(
              "revision b ("
                  + Path.of("m/b.sql")
                  + ") revises 'zz', which is not a known revision");
    }

    @Test
    void missingDependsOn() {
      assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a").withDependsOn(List.of("qq")))))
          .isInstanceOf(RevisionGraphException.class)
          .hasMessage("revision a depends on 'qq', which is not a known revision or branch label");
    }

    @Test
    void cycleNamesItsRevisions() {
      assertThatThrownBy(
              () ->
                  RevisionGraph.of(
                      List.of(rev("base"), rev("x", "base", "z"), rev("y", "x"), rev("z", "y"))))
          .isInstanceOf(RevisionGraphException.class)
          .hasMessageContaining("cycle")
          .hasMessageContainingAll("x", "y", "z")
          .hasMessageNotContaining("base ->");
      assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("s", "s"))))
          .hasMessageContaining("cycle: s -> s");
    }

    @Test
    void cycleThroughDependsOn() {
      assertThatThrownBy(
              () -> RevisionGraph.of(List.of(rev("a").withDependsOn(List.of("b")), rev("b", "a"))))
          .hasMessageContaining("cycle");
    }

    @Test
    void branchLabelProblems() {
      assertThatThrownBy(
              () ->
                  RevisionGraph.of(
                      List.of(
                          rev("a").withBranchLabels(Set.of("x")),
                          rev("b", "a").withBranchLabels(Set.of("x")))))
          .hasMessage("branch label 'x' is used by both revision a and revision b");
      assertThatThrownBy(
              () ->
                  RevisionGraph.of(List.of(rev("a"), rev("b", "a").withBranchLabels(Set.of("a")))))
          .hasMessage("revision b uses branch label 'a', which is also a revision id");
      assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a").withBranchLabels(Set.of("head")))))
          .hasMessageContaining("reserved word 'head'");
    }

    @Test
    void unknownVersionRow() {
      assertThatThrownBy(() -> LINEAR.upgradePlan(Set.of("gone"), "head"))
          .isInstanceOf(RevisionGraphException.class)
          .hasMessageContaining(
              "the database is at revision gone, which is not in the migrations directory")
          .hasMessageContaining("stamp --purge");
    }
  }

  @Nested
  class Upgrade {
    @Test
    void headFromEmptyAndFromTheMiddle() {
      assertThat(ids(LINEAR.upgradePlan(Set.of(), "head"))).containsExactly("a1", "b2", "c3");
      assertThat(ids(LINEAR.upgradePlan(Set.of("a1"), "head"))).containsExactly("b2", "c3");
      assertThat(LINEAR.upgradePlan(Set.of("c3"), "head")).isEmpty();
      assertThat(LINEAR.upgradePlan(Set.of("c3"), "b2")).isEmpty();
    }

    @Test
    void headWithSeveralHeadsSaysToMerge() {
      assertThatThrownBy(() -> FORK.upgradePlan(Set.of(), "head"))
          .isInstanceOf(RevisionGraphException.class)
          .hasMessageContaining("c, e")
          .hasMessageContaining("merge them (merge c e) or give one head by id, or 'heads'");
    }

    @Test
    void headsIdPrefixAndLabel() {
      assertThat(ids(FORK.upgradePlan(Set.of(), "heads"))).containsExactly("a", "b", "c", "d", "e");
      assertThat(ids(FORK.upgradePlan(Set.of("c"), "heads"))).containsExactly("d", "e");
      assertThat(ids(FORK.upgradePlan(Set.of(), "d"))).containsExactly("a", "b", "d");
      assertThat(ids(LINEAR.upgradePlan(Set.of(), "b"))).containsExactly("a1", "b2");
      // a label names the labelled revision, as in Alembic; LABEL@head names the branch's head
      assertThat(ids(FORK.upgradePlan(Set.of("c"), "side"))).containsExactly("d");
      assertThat(ids(FORK.upgradePlan(Set.of(), "side@head"))).containsExactly("a", "b", "d", "e");
      assertThat(ids(MERGED.upgradePlan(Set.of("r2b"), "feat@head")))
          .containsExactly("r2a", "r3a", "m4", "r5");
    }

    @Test
    void mergeTargetAppliesBothParents() {
      assertThat(ids(MERGED.upgradePlan(Set.of("r3a"), "head"))).containsExactly("r2b", "m4", "r5");
      assertThat(ids(MERGED.upgradePlan(Set.of("r2b"), "m4"))).containsExactly("r2a", "r3a", "m4");
    }

    @Test
    void relativeFromCurrentHead() {
      assertThat(ids(LINEAR.upgradePlan(Set.of(), "+1"))).containsExactly("a1");
      assertThat(ids(LINEAR.upgradePlan(Set.of(), "+2"))).containsExactly("a1", "b2");
      assertThat(ids(LINEAR.upgradePlan(Set.of("a1"), "+2"))).containsExactly("b2", "c3");
      assertThat(ids(MERGED.upgradePlan(Set.of("r3a"), "+1"))).containsExactly("r2b", "m4");
    }

    @Test
    void relativeFromRevisionAndBranch() {
      assertThat(ids(LINEAR.upgradePlan(Set.of(), "a1+1"))).containsExactly("a1", "b2");
      assertThat(ids(LINEAR.upgradePlan(Set.of(), "a+2"))).containsExactly("a1", "b2", "c3");
      assertThat(ids(FORK.upgradePlan(Set.of("c"), "side@+1"))).containsExactly("d");
      assertThat(ids(FORK.upgradePlan(Set.of("c", "d"), "side@+1"))).containsExactly("e");
      assertThat(ids(MERGED.upgradePlan(Set.of("r3a"), "feat@+1"))).containsExactly("r2b", "m4");
    }

    @Test
    void relativeErrors() {
      assertThatThrownBy(() -> LINEAR.upgradePlan(Set.of("a1"), "+3"))
          .isInstanceOf(RevisionGraphException.class)
          .hasMessageContaining("only 2 steps possible");
      assertThatThrownBy(() -> FORK.upgradePlan(Set.of("c"), "side@+3"))
          .hasMessageContaining("only 2 steps possible");
      assertThatThrownBy(() -> FORK.upgradePlan(Set.of("a"), "+2"))
          .hasMessageContaining("revision b forks (c, d), so '+2' is ambiguous; name a branch");
      assertThatThrownBy(() -> FORK.upgradePlan(Set.of("c", "e"), "+1"))
          .hasMessageContaining("several heads (c, e), so '+1' is ambiguous; name a branch");
      RevisionGraph twoBases =
          RevisionGraph.of(List.of(rev("z", "x1", "y1"), rev("y1"), rev("x1")));
      assertThatThrownBy(() -> twoBases.upgradePlan(Set.of(), "+1"))
          .hasMessageContaining("several bases (x1, y1)");
      assertThatThrownBy(() -> LINEAR.upgradePlan(Set.of(), "-1"))
          .hasMessageContaining("downgrade to it instead");
      assertThatThrownBy(() -> LINEAR.upgradePlan(Set.of(), "base"))
          .hasMessageContaining("not an upgrade target");
      assertThatThrownBy(() -> LINEAR.upgradePlan(Set.of(), "+0"))
          .hasMessageContaining("zero steps");
      assertThatThrownBy(() -> FORK.upgradePlan(Set.of(), "nolabel@+1"))
          .hasMessageContaining("no branch label or revision 'nolabel'");
    }
  }

  @Nested
  class Downgrade {
    @Test
    void baseAndRelative() {
      assertThat(ids(LINEAR.downgradePlan(Set.of("c3"), "base"))).containsExactly("c3", "b2", "a1");
      assertThat(ids(LINEAR.downgradePlan(Set.of("c3"), "-1"))).containsExactly("c3");
      assertThat(ids(LINEAR.downgradePlan(Set.of("c3"), "-3"))).containsExactly("c3", "b2", "a1");
      assertThat(ids(LINEAR.downgradePlan(Set.of("c3"), "c3-2"))).containsExactly("c3", "b2");
      assertThat(LINEAR.downgradePlan(Set.of(), "base")).isEmpty();
    }

    @Test
    void toARevisionKeepsIt() {
      assertThat(ids(LINEAR.downgradePlan(Set.of("c3"), "a"))).containsExactly("c3", "b2");
      assertThat(ids(FORK.downgradePlan(Set.of("c", "e"), "b"))).containsExactly("e", "d", "c");
      assertThat(ids(MERGED.downgradePlan(Set.of("r5"), "r2b"))).containsExactly("r5", "m4");
      assertThat(LINEAR.downgradePlan(Set.of("c3"), "c3")).isEmpty();
    }

    @Test
    void branchRelativeAndBranchBase() {
      assertThat(ids(FORK.downgradePlan(Set.of("c", "e"), "side@-1"))).containsExactly("e");
      assertThat(ids(FORK.downgradePlan(Set.of("c", "e"), "side@-2"))).containsExactly("e", "d");
      // side shares its base with c, so side@base is that base, as in Alembic
      assertThat(ids(FORK.downgradePlan(Set.of("c", "e"), "side@base")))
          .containsExactly("e", "d", "c", "b", "a");
      assertThat(ids(FORK.downgradePlan(Set.of("c"), "side@base"))).containsExactly("c", "b", "a");
    }

    @Test
    void acrossAMerge() {
      assertThat(ids(MERGED.downgradePlan(Set.of("r5"), "-2"))).containsExactly("r5", "m4");
      assertThatThrownBy(() -> MERGED.downgradePlan(Set.of("r5"), "-3"))
          .isInstanceOf(RevisionGraphException.class)
          .hasMessageContaining("revision m4 merges r2b, r3a");
    }

    @Test
    void errors() {
      assertThatThrownBy(() -> FORK.downgradePlan(Set.of("c"), "d"))
          .isInstanceOf(RevisionGraphException.class)
          .hasMessageContaining("revision d is not applied")
          .hasMessageContaining("the database is at c");
      assertThatThrownBy(() -> LINEAR.downgradePlan(Set.of(), "a1"))
          .hasMessageContaining("revision a1 is not applied")
          .hasMessageContaining("base (nothing applied)");
      assertThatThrownBy(() -> LINEAR.downgradePlan(Set.of("b2"), "-3"))
          .hasMessageContaining("b2 is only 2 steps above base");
      // the walk goes on below the branch point, as Alembic's does
      assertThat(ids(FORK.downgradePlan(Set.of("c", "e"), "side@-3")))
          .containsExactly("e", "d", "c", "b");
      assertThatThrownBy(() -> FORK.downgradePlan(Set.of("c", "e"), "-1"))
          .hasMessageContaining("several heads (c, e), so '-1' is ambiguous; use '<label>@-1'");
      assertThatThrownBy(() -> LINEAR.downgradePlan(Set.of(), "-1"))
          .hasMessageContaining("nothing is applied");
      assertThatThrownBy(() -> FORK.downgradePlan(Set.of("c"), "side@-1"))
          .hasMessageContaining("nothing on branch 'side' is applied");
      assertThat(LINEAR.downgradePlan(Set.of("c3"), "head")).isEmpty();
      assertThatThrownBy(() -> LINEAR.downgradePlan(Set.of("c3"), "+1"))
          .hasMessageContaining("upgrade to it instead");
    }
  }

  @Test
  void labelWithDashIsNotReadAsRelativeStep() {
    RevisionGraph g =
        RevisionGraph.of(
            List.of(rev("a"), rev("b", "a").withBranchLabels(Set.of("feature-2")), rev("c", "b")));
    assertThat(ids(g.upgradePlan(Set.of(), "feature-2"))).containsExactly("a", "b");
    assertThat(ids(g.downgradePlan(Set.of("c"), "feature-2"))).containsExactly("c");
    assertThat(ids(g.downgradePlan(Set.of("c"), "feature-2@-1"))).containsExactly("c");
    assertThat(ids(g.downgradePlan(Set.of("c"), "c-1"))).containsExactly("c");
  }

  @Nested
  class Stamp {
    @Test
    void everyTargetForm() {
      assertThat(FORK.stampRows(Set.of(), "heads")).containsExactly("c", "e");
      assertThat(LINEAR.stampRows(Set.of(), "head")).containsExactly("c3");
      assertThat(LINEAR.stampRows(Set.of("c3"), "base")).isEmpty();
      assertThat(FORK.stampRows(Set.of("c", "e"), "b")).containsExactly("b");
      assertThat(FORK.stampRows(Set.of("c"), "side")).containsExactly("c", "d");
      assertThat(FORK.stampRows(Set.of("c"), "side@head")).containsExactly("c", "e");
      assertThat(FORK.stampRows(Set.of("c", "e"), "side@base")).containsExactly("c");
      assertThat(FORK.stampRows(Set.of("c", "e"), "side@-1")).containsExactly("c", "d");
      assertThat(LINEAR.stampRows(Set.of("c3"), "-1")).containsExactly("b2");
      assertThat(LINEAR.stampRows(Set.of("a1"), "+1")).containsExactly("b2");
      assertThat(MERGED.stampRows(Set.of("r5"), "r2b")).containsExactly("r2b");
      assertThat(FORK.stampRows(Set.of("c", "e"), "d")).containsExactly("c", "d");
    }

    @Test
    void severalHeadsForHead() {
      assertThatThrownBy(() -> FORK.stampRows(Set.of(), "head")).hasMessageContaining("merge c e");
    }
  }

  @Nested
  class Range {
    @Test
    void boundedAndOpenRanges() {
      assertThat(ids(range(FORK, "b", "e"))).containsExactly("e", "d", "b");
      assertThat(ids(range(FORK, "", "c"))).containsExactly("c", "b", "a");
      assertThat(ids(range(FORK, "d", ""))).containsExactly("e", "d");
      assertThat(ids(range(FORK, "base", "heads"))).containsExactly("e", "d", "c", "b", "a");
      assertThat(ids(range(FORK, "side", "heads"))).containsExactly("e", "d");
      assertThat(ids(range(MERGED, "r2b", "r5"))).containsExactly("r5", "m4", "r2b");
      assertThatThrownBy(() -> range(FORK, "zz", "")).hasMessageContaining("unknown revision 'zz'");
    }
  }

  @Nested
  class Scale {
    /**
     * A 10,000-revision main line with a three-revision side branch off every 500th revision,
     * merged back five revisions later.
     */
    @Test
    void tenThousandRevisionsPlanFromBase() {
      List<Revision> all = new ArrayList<>();
      String previous = null;
      for (int i = 0; i < 10_000; i++) {
        String id = String.format("m%05d", i);
        List<String> parents = new ArrayList<>();
        if (previous != null) {
          parents.add(previous);
        }
        if (i % 500 == 5 && i > 5) {
          parents.add(String.format("s%05d_2", i - 5));
        }
        all.add(Revision.of(id, parents));
        previous = id;
        if (i % 500 == 0 && i > 0) {
          all.add(Revision.of(String.format("s%05d_0", i), List.of(id)));
          all.add(Revision.of(String.format("s%05d_1", i), List.of(String.format("s%05d_0", i))));
          all.add(Revision.of(String.format("s%05d_2", i), List.of(String.format("s%05d_1", i))));
        }
      }
      java.util.Collections.shuffle(all, new java.util.Random(42));
      RevisionGraph g = RevisionGraph.of(all);
      assertThat(g.heads()).containsExactly("m09999");
      assertThat(g.bases()).containsExactly("m00000");

      List<Revision> plan = g.upgradePlan(Set.of(), "head");
      assertThat(plan).hasSize(all.size());
      Map<String, Integer> position = new HashMap<>();
      for (int i = 0; i < plan.size(); i++) {
        position.put(plan.get(i).id(), i);
      }
      for (Revision r : plan) {
        for (String p : r.parents()) {
          assertThat(position.get(p))
              .as("%s before %s", p, r.id())
              .isLessThan(position.get(r.id()));
        }
      }
      assertThat(plan.get(0).id()).isEqualTo("m00000");

      assertThat(g.downgradePlan(Set.of("m09999"), "base"))
          .hasSize(all.size())
          .first()
          .extracting(Revision::id)
          .isEqualTo("m09999");
      assertThat(ids(g.downgradePlan(Set.of("m09999"), "-3")))
          .containsExactly("m09999", "m09998", "m09997");
      assertThat(ids(g.upgradePlan(Set.of("m09990"), "+2"))).containsExactly("m09991", "m09992");
      assertThat(g.stampRows(Set.of("m09999"), "m05000")).containsExactly("m05000");
      assertThat(range(g, "m09000", "")).hasSize(1000 + 2 * 3); // side branches at 9000 and 9500
    }
  }
}
