package dev.retort.dialect.mysql;

import static dev.retort.dialect.mysql.MySqlTestDatabase.execute;
import static dev.retort.dialect.mysql.MySqlTestDatabase.rows;
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

@Tag("mysql")
// holding a lock in try-with-resources without touching it is the point of these tests
@SuppressWarnings("try")
class MySqlLockIT {

  private static final String KEY = "retort_version";
  private static MySqlTestDatabase db;
  private final MigrationLock lock = new MySqlDialect().lock();

  @BeforeAll
  static void createDatabase() {
    db = MySqlTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void aSecondSessionWaitsThenTimesOutNamingTheHolder() throws SQLException {
    try (Connection first = db.connect();
        Connection second = db.connect()) {
      String holderId = rows(first, "SELECT CONNECTION_ID()").get(0);
      String waiterId = rows(second, "SELECT CONNECTION_ID()").get(0);
      try (MigrationLock.Held held = lock.acquire(first, KEY, Duration.ofSeconds(1))) {
        assertThat(lockHolder()).isEqualTo(holderId);
        long start = System.nanoTime();
        CompletableFuture<Void> waiting =
            CompletableFuture.runAsync(
                () ->
                    assertThatThrownBy(() -> lock.acquire(second, KEY, Duration.ofMillis(700)))
                        .isInstanceOf(DatabaseException.class)
                        .hasMessageContaining("Timed out after 0.7 s")
                        .hasMessageContaining("retort_version")
                        .hasMessageContaining("retort:" + db.name + ":retort_version")
                        .hasMessageContaining("connection id " + holderId)
                        .hasMessageContaining("KILL"));
        // between polls the waiter is idle, never inside a statement
        sleep(350);
        try (Connection admin = db.connect()) {
          assertThat(
                  rows(
                      admin,
                      "SELECT COMMAND FROM information_schema.PROCESSLIST WHERE ID = " + waiterId))
              .containsExactly("Sleep");
        }
        waiting.join();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isGreaterThanOrEqualTo(Duration.ofMillis(700));
      }
      assertThat(lockHolder()).isNull();
      try (MigrationLock.Held again = lock.acquire(second, KEY, Duration.ofMillis(500))) {
        assertThat(lockHolder()).isEqualTo(waiterId);
      }
      assertThat(lockHolder()).isNull();
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
  void aClosedOrKilledSessionReleasesTheLock() throws Exception {
    try (Connection first = db.connect();
        Connection second = db.connect();
        Connection admin = db.connect()) {
      lock.acquire(first, KEY, Duration.ofSeconds(1));
      String id = rows(first, "SELECT CONNECTION_ID()").get(0);
      assertThatThrownBy(() -> lock.acquire(second, KEY, Duration.ofMillis(200)))
          .isInstanceOf(DatabaseException.class);
      execute(admin, "KILL " + id);
      try (MigrationLock.Held held = lock.acquire(second, KEY, Duration.ofSeconds(5))) {
        assertThat(lockHolder()).isEqualTo(rows(second, "SELECT CONNECTION_ID()").get(0));
      }
    }
    try (Connection first = db.connect();
        Connection second = db.connect()) {
      lock.acquire(first, KEY, Duration.ofSeconds(1));
      first.close();
      lock.acquire(second, KEY, Duration.ofSeconds(5)).close();
    }
  }

  /** A migration's DDL commits implicitly; a named lock is not a transaction's and survives it. */
  @Test
  void ddlAndCommitsDoNotReleaseTheLock() throws SQLException {
    try (Connection first = db.connect();
        Connection second = db.connect();
        MigrationLock.Held held = lock.acquire(first, KEY, Duration.ofSeconds(1))) {
      execute(first, "CREATE TABLE IF NOT EXISTS ddl_probe (id int)");
      execute(first, "DROP TABLE ddl_probe");
      assertThatThrownBy(() -> lock.acquire(second, KEY, Duration.ofMillis(200)))
          .isInstanceOf(DatabaseException.class);
    }
  }

  @Test
  void differentKeysDoNotWaitForEachOther() throws SQLException {
    try (Connection first = db.connect();
        Connection second = db.connect();
        MigrationLock.Held a = lock.acquire(first, "project_a_version", Duration.ofSeconds(1));
        MigrationLock.Held b = lock.acquire(second, "project_b_version", Duration.ofMillis(200))) {
      assertThat(rows(first, "SELECT IS_USED_LOCK('retort:" + db.name + ":project_b_version')"))
          .containsExactly(rows(second, "SELECT CONNECTION_ID()").get(0));
    }
  }

  @Test
  void aLongKeyIsHashedToALegalName() throws SQLException {
    String key = "k".repeat(100);
    try (Connection first = db.connect();
        Connection second = db.connect();
        MigrationLock.Held held = lock.acquire(first, key, Duration.ofSeconds(1))) {
      assertThatThrownBy(() -> lock.acquire(second, key, Duration.ofMillis(200)))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining(MySqlLock.name(db.name, key));
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

  /** The connection id holding the default key's lock, or null. */
  private static String lockHolder() throws SQLException {
    try (Connection admin = db.connect()) {
      String id = rows(admin, "SELECT IS_USED_LOCK('retort:" + db.name + ":" + KEY + "')").get(0);
      return id.equals("null") ? null : id;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
