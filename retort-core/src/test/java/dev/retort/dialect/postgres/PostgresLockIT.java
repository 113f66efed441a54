package dev.retort.dialect.postgres;

import static dev.retort.dialect.postgres.PgTestDatabase.execute;
import static dev.retort.dialect.postgres.PgTestDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.MigrationLock;
import dev.retort.error.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgres")
// holding a lock in try-with-resources without touching it is the point of these tests
@SuppressWarnings("try")
class PostgresLockIT {

  private static final String KEY = "retort_version";
  private static PgTestDatabase db;
  private final MigrationLock lock = new PostgresDialect().lock();

  @BeforeAll
  static void createDatabase() {
    db = PgTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void closingReleasesOnceAndAClosedSessionNeedsNoRelease() throws SQLException {
    try (Connection c = db.connect();
        Connection other = db.connect()) {
      MigrationLock.Held held = lock.acquire(c, KEY, Duration.ofSeconds(1));
      held.close();
      assertThat(advisoryLocksHeldBy(c)).isZero();
      // a second unlock would find no lock and throw; the second close sends none
      held.close();
      MigrationLock.Held gone = lock.acquire(other, KEY, Duration.ofSeconds(1));
      other.close();
      gone.close();
    }
  }

  @Test
  void aSecondSessionWaitsThenTimesOutNamingTheHolder() throws SQLException {
    try (Connection first = db.connect();
        Connection second = db.connect()) {
      String holderPid = rows(first, "SELECT pg_backend_pid()").get(0);
      try (MigrationLock.Held held = lock.acquire(first, KEY, Duration.ofSeconds(1))) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> lock.acquire(second, KEY, Duration.ofMillis(600)))
            .isInstanceOf(DatabaseException.class)
            .hasMessageContaining("Timed out after 0.6 s")
            .hasMessageContaining("retort_version")
            .hasMessageContaining("backend pid " + holderPid);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isGreaterThanOrEqualTo(Duration.ofMillis(600));
        // polling leaves the waiter idle between polls, never inside a statement or transaction
        assertThat(
                rows(
                    first,
                    "SELECT count(*) FROM pg_stat_activity WHERE pid = "
                        + rows(second, "SELECT pg_backend_pid()").get(0)
                        + " AND state = 'idle'"))
            .containsExactly("1");
      }
      try (MigrationLock.Held again = lock.acquire(second, KEY, Duration.ofMillis(500))) {
        assertThat(advisoryLocksHeldBy(second)).isEqualTo(1);
      }
      assertThat(advisoryLocksHeldBy(second)).isZero();
    }
  }

  @Test
  void aWaiterGetsTheLockWhenTheHolderReleasesIt() throws Exception {
    try (Connection first = db.connect();
        Connection second = db.connect()) {
      MigrationLock.Held held = lock.acquire(first, KEY, Duration.ofSeconds(1));
      CompletableFuture<MigrationLock.Held> waiter =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return lock.acquire(second, KEY, Duration.ofSeconds(10));
                } catch (SQLException e) {
                  throw new RuntimeException(e);
                }
              });
      Thread.sleep(300);
      assertThat(waiter).isNotDone();
      held.close();
      waiter.get(5, TimeUnit.SECONDS).close();
    }
  }

  @Test
  void aKilledSessionReleasesTheLock() throws Exception {
    try (Connection first = db.connect();
        Connection second = db.connect();
        Connection admin = db.connect()) {
      lock.acquire(first, KEY, Duration.ofSeconds(1));
      String pid = rows(first, "SELECT pg_backend_pid()").get(0);
      assertThatThrownBy(() -> lock.acquire(second, KEY, Duration.ofMillis(200)))
          .isInstanceOf(DatabaseException.class);
      execute(admin, "SELECT pg_terminate_backend(" + pid + ")");
      try (MigrationLock.Held held = lock.acquire(second, KEY, Duration.ofSeconds(5))) {
        assertThat(advisoryLocksHeldBy(second)).isEqualTo(1);
      }
    }
    try (Connection first = db.connect();
        Connection second = db.connect()) {
      lock.acquire(first, KEY, Duration.ofSeconds(1));
      first.close();
      lock.acquire(second, KEY, Duration.ofSeconds(5)).close();
    }
  }

  @Test
  void differentKeysDoNotWaitForEachOther() throws SQLException {
    try (Connection first = db.connect();
        Connection second = db.connect();
        MigrationLock.Held a = lock.acquire(first, "project_a_version", Duration.ofSeconds(1));
        MigrationLock.Held b = lock.acquire(second, "project_b_version", Duration.ofMillis(200))) {
      assertThat(advisoryLocksHeldBy(first)).isEqualTo(1);
      assertThat(advisoryLocksHeldBy(second)).isEqualTo(1);
    }
  }

  /**
   * The reason the lock polls: the holder's CREATE INDEX CONCURRENTLY waits for every snapshot
   * older than its own, and a waiter blocked inside pg_advisory_lock would hold one forever.
   */
  @Test
  void theHolderCanCreateAnIndexConcurrentlyWhileAnotherRunWaits() throws Exception {
    try (Connection first = db.connect();
        Connection second = db.connect()) {
      execute(first, "CREATE TABLE IF NOT EXISTS cic (id integer)");
      try (MigrationLock.Held held = lock.acquire(first, KEY, Duration.ofSeconds(1))) {
        CompletableFuture<Void> waiter =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    lock.acquire(second, KEY, Duration.ofSeconds(4)).close();
                  } catch (SQLException e) {
                    throw new RuntimeException(e);
                  }
                });
        Thread.sleep(200);
        execute(first, "SET statement_timeout = '3s'");
        execute(first, "CREATE INDEX CONCURRENTLY ix_cic ON cic (id)");
        assertThat(waiter).isNotDone();
        held.close();
        waiter.get(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void refusesAConnectionInsideATransaction() throws SQLException {
    try (Connection first = db.connect()) {
      first.setAutoCommit(false);
      assertThatThrownBy(() -> lock.acquire(first, KEY, Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("autocommit");
    }
  }

  private static int advisoryLocksHeldBy(Connection c) throws SQLException {
    return Integer.parseInt(
        rows(
                c,
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                    + "AND granted AND pid = pg_backend_pid()")
            .get(0));
  }
}
