package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Direction;
import dev.retort.runtime.DirtyRevision;
import dev.retort.runtime.Runner;
import dev.retort.runtime.Step;
import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facade's records carry what the command line prints, without the internal types. */
class ResultRecordsTest {
  private final RevisionGraph graph =
      RevisionGraph.of(
          List.of(
              Revision.of("a", List.of()),
              Revision.of("b", List.of("a")),
              Revision.of("c", List.of("a")),
              Revision.of("d", List.of("b", "c"))));

  @Test
  void revisionInfoKnowsItsPlaceInTheGraph() {
    RevisionInfo a = RevisionInfo.from(graph, graph.get("a"));
    assertThat(a.children()).containsExactly("b", "c");
    assertThat(a.isBranchPoint()).isTrue();
    assertThat(a.head()).isFalse();
    RevisionInfo d = RevisionInfo.from(graph, graph.get("d"));
    assertThat(d.head()).isTrue();
    assertThat(d.isMerge()).isTrue();
    assertThat(d.format()).isEqualTo(MigrationFormat.SQL);
  }

  @Test
  void runResultDescribesEachStep() {
    Runner.Result r =
        new Runner.Result(
            List.of(new Step(graph.get("b"), Direction.UP, Set.of("a"), Set.of("b"))),
            Set.of("a"),
            Set.of("b"));
    RunResult result = RunResult.from(r);
    assertThat(result.steps()).containsExactly(new RunResult.Step("b", true, "upgrade a -> b"));
    assertThat(result.before()).containsExactly("a");
    assertThat(result.after()).containsExactly("b");
  }

  @Test
  void dirtyMigrationSaysWhetherTheRunFailedOrWasCutOff() {
    DirtyRevision failed =
        new DirtyRevision("b", Direction.DOWN, 3, "abc", "boom", false, java.util.Optional.empty());
    assertThat(DirtyMigration.from(failed).describe())
        .isEqualTo("b (dirty: downgrade failed at statement 3; statements before it stay applied)");
    DirtyRevision cut =
        new DirtyRevision(
            "b",
            Direction.UP,
            2,
            "abc",
            "in progress",
            true,
            java.util.Optional.of(List.of("0011223344556677")));
    assertThat(DirtyMigration.from(cut).describe())
        .contains("upgrade cut off at statement 2")
        .contains("may or may not have run");
  }

  @Test
  void compareOptionsBecomeDiffOptionsAndFilter() {
    CompareOptions o =
        CompareOptions.defaults()
            .withRenames(Map.of("old", "new"), Map.of("t.a", "b"))
            .withTables(List.of("t*"), List.of("tmp"));
    assertThat(o.diffOptions().tableRenames()).containsEntry("old", "new");
    assertThat(o.diffOptions().columnRenames()).containsEntry("t.a", "b");
    assertThat(o.tableFilter().accepts(dev.retort.schema.QualifiedName.parse("things"))).isTrue();
    assertThat(o.tableFilter().accepts(dev.retort.schema.QualifiedName.parse("users"))).isFalse();
  }
}
