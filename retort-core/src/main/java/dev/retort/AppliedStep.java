package dev.retort;

import dev.retort.runtime.HistoryRow;
import java.time.Instant;
import java.util.Optional;

/**
 * One step the database's history table recorded: the audit trail of what ran, when, for how long,
 * by whom, and whether it succeeded. {@link Retort#applied()} lists them.
 *
 * @param id the row's id, increasing with time
 * @param revision the revision the step ran
 * @param direction {@code up}, {@code down}, or {@code stamp} (set without running)
 * @param checksum the checksum of the migration when it ran; empty when none was recorded
 * @param startedAt when the step started
 * @param durationMs how long it took, in milliseconds
 * @param who the user and host that ran it ({@code offline script} for a row a {@code --sql} script
 *     wrote)
 * @param success whether it finished
 * @param failedStatement for a step outside a transaction that failed or was cut off: the 1-based
 *     statement it stopped at
 * @param message the error of a failure, a note of a stamp; empty otherwise
 */
public record AppliedStep(
    long id,
    String revision,
    String direction,
    String checksum,
    Instant startedAt,
    long durationMs,
    String who,
    boolean success,
    Optional<Integer> failedStatement,
    String message) {

  static AppliedStep from(HistoryRow r) {
    return new AppliedStep(
        r.id(),
        r.revision(),
        r.direction(),
        r.checksum(),
        r.startedAt(),
        r.durationMs(),
        r.who(),
        r.success(),
        r.failedStatement(),
        r.message());
  }
}
