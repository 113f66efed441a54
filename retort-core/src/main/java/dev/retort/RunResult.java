package dev.retort;

import dev.retort.runtime.Direction;
import dev.retort.runtime.Runner;
import java.util.List;
import java.util.Set;

/**
 * What an upgrade, downgrade or stamp did: the migrations it ran and the version rows before and
 * after.
 *
 * @param steps the migrations run, in order; empty when there was nothing to do (and for a stamp)
 * @param before the version rows before the run
 * @param after the version rows after the run
 */
public record RunResult(List<Step> steps, Set<String> before, Set<String> after) {
  public RunResult {
    steps = List.copyOf(steps);
    before = Set.copyOf(before);
    after = Set.copyOf(after);
  }

  /**
   * One migration run in one direction.
   *
   * @param revision the revision id
   * @param upgrade whether it ran forward (else backward)
   * @param description Alembic-style: {@code upgrade 1a2b -> bc31, message}
   */
  public record Step(String revision, boolean upgrade, String description) {}

  static RunResult from(Runner.Result r) {
    return new RunResult(
        r.steps().stream()
            .map(s -> new Step(s.revision().id(), s.direction() == Direction.UP, s.describe()))
            .toList(),
        r.before(),
        r.after());
  }
}
