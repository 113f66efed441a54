package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.DatabaseException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** started_at as each database hands it back, read as the same instant. */
class HistoryRowTest {
  @Test
  void readsEachDatabasesSpelling() {
    Instant t = Instant.parse("2026-12-06T10:00:01.123456Z");
    assertThat(HistoryRow.parseStarted(1, "2026-12-06T10:00:01.123456Z"))
        .isEqualTo(t); // SQLite, Retort's
    assertThat(HistoryRow.parseStarted(1, "2026-12-06 10:00:01.123456+00"))
        .isEqualTo(t); // PostgreSQL
    assertThat(HistoryRow.parseStarted(1, "2026-12-06 12:00:01.123456+02")).isEqualTo(t);
    assertThat(HistoryRow.parseStarted(1, "2026-12-06 15:30:01.123456+05:30")).isEqualTo(t);
    assertThat(HistoryRow.parseStarted(1, "2026-12-06 10:00:01.123456"))
        .isEqualTo(t); // MariaDB, UTC
    assertThat(HistoryRow.parseStarted(1, "2026-12-06 10:00:01")) // CURRENT_TIMESTAMP on SQLite
        .isEqualTo(Instant.parse("2026-12-06T10:00:01Z"));
    assertThatThrownBy(() -> HistoryRow.parseStarted(7, "yesterday"))
        .isInstanceOf(DatabaseException.class)
        .hasMessage("history row 7 has a start time Retort cannot read: 'yesterday'");
  }
}
