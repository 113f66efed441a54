package dev.retort.runtime;

import dev.retort.error.DatabaseException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One row of the history table as it was written: the audit record of one step.
 *
 * @param id the row's id, increasing with time
 * @param revision the revision the step ran
 * @param direction {@code up}, {@code down} or {@code stamp}
 * @param checksum the checksum of the migration when it ran; empty when none was recorded
 * @param startedAt when the step started
 * @param durationMs how long it took
 * @param who the user and host that ran it
 * @param success whether it finished
 * @param failedStatement for a step outside a transaction that failed or was cut off: the statement
 *     it stopped at
 * @param message the error of a failure, a note of a stamp; empty otherwise
 */
public record HistoryRow(
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

  /**
   * The ways the dialects hand back {@code started_at}: ISO-8601 text written by Retort (SQLite), a
   * timestamp with an offset ({@code 2026-12-06 10:00:01.5+00}, PostgreSQL) or without one, in UTC
   * as Retort writes it (MariaDB, and CURRENT_TIMESTAMP on SQLite).
   */
  private static final DateTimeFormatter STARTED =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:mm", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter();

  static Instant parseStarted(long id, String text) {
    try {
      var parsed = STARTED.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime o
          ? o.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new DatabaseException(
          "history row " + id + " has a start time Retort cannot read: '" + text + "'", e);
    }
  }
}
