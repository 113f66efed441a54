package dev.retort.spring;

import dev.retort.AppliedStep;
import dev.retort.DirtyMigration;
import dev.retort.Retort;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code retort} Actuator endpoint ({@code /actuator/retort}): the revisions the database is
 * at, the heads, what an upgrade would run, dirty migrations, and the history table's audit rows.
 */
@Endpoint(id = "retort")
public class RetortEndpoint {
  private final Retort retort;

  public RetortEndpoint(Retort retort) {
    this.retort = retort;
  }

  /** The report, read from the database and the migrations now. */
  @ReadOperation
  public Report report() {
    RetortState state = RetortState.of(retort);
    return new Report(
        revisions(state, state.current()),
        revisions(state, state.heads()),
        state.pending().stream().map(r -> new RevisionDescriptor(r.id(), r.message())).toList(),
        state.dirty().stream().map(DirtyMigration::describe).toList(),
        retort.applied().stream().map(HistoryDescriptor::of).toList());
  }

  private static List<RevisionDescriptor> revisions(RetortState state, Collection<String> ids) {
    return ids.stream()
        .map(id -> new RevisionDescriptor(id, state.messages().getOrDefault(id, "")))
        .toList();
  }

  /**
   * What the endpoint returns.
   *
   * @param current the revisions the database is at (the version table's rows)
   * @param heads the newest revisions of the migrations
   * @param pending what an upgrade to the heads would run, in order
   * @param dirty half-applied migrations, described; empty when there are none
   * @param history every step run or stamped, oldest first
   */
  public record Report(
      List<RevisionDescriptor> current,
      List<RevisionDescriptor> heads,
      List<RevisionDescriptor> pending,
      List<String> dirty,
      List<HistoryDescriptor> history) {}

  /** A revision: its id and message. */
  public record RevisionDescriptor(String id, String message) {}

  /**
   * One row of the history table.
   *
   * @param direction {@code up}, {@code down} or {@code stamp}
   * @param checksum the checksum of the migration as it ran
   */
  public record HistoryDescriptor(
      long id,
      String revision,
      String direction,
      Instant startedAt,
      long durationMs,
      String who,
      boolean success,
      String checksum,
      String message) {
    static HistoryDescriptor of(AppliedStep s) {
      return new HistoryDescriptor(
          s.id(),
          s.revision(),
          s.direction(),
          s.startedAt(),
          s.durationMs(),
          s.who(),
          s.success(),
          s.checksum(),
          s.message());
    }
  }
}
