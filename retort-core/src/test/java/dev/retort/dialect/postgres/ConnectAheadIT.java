package dev.retort.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Retort;
import dev.retort.dialect.MigrationLock;
import dev.retort.error.DatabaseException;
import dev.retort.error.MigrationFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a server database, upgrade connects, takes the lock and reads the version tables while it
 * reads the migrations directory. What the user sees must not change: a bad file is still the error
 * (and the early connection is closed, its lock with it), a server that refuses is still named, a
 * lock held elsewhere still times out naming its holder, and the work is done once.
 */
class ConnectAheadIT {
  @TempDir Path dir;
  private PgTestDatabase db;

  @BeforeEach
  void create() throws Exception {
    db = PgTestDatabase.create();
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(
        dir.resolve("migrations/a1.sql"),
        """
        -- retort:revision a1
        -- retort:message first
        -- retort:upgrade
        CREATE TABLE t1 (id integer);
        -- retort:downgrade
        DROP TABLE t1;
        """);
  }

  @AfterEach
  void drop() throws SQLException {
    db.close();
  }

  private Retort retort(String url) {
    return Retort.configure().projectDir(dir).url(url).migrations("migrations").load();
  }

  @Test
  void upgradesAndDowngradesAsBefore() {
    assertThat(retort(db.url).upgrade("head").after()).containsExactly("a1");
    assertThat(retort(db.url).current()).containsExactly("a1");
    assertThat(retort(db.url).downgrade("base").after()).isEmpty();
  }

  @Test
  void aBadFileIsTheErrorAndTheEarlyConnectionIsClosed() throws Exception {
    Files.writeString(
        dir.resolve("migrations/b2.sql"), "-- retort:revision b2\nCREATE TABLE t2 ();\n");

    assertThatThrownBy(() -> retort(db.url).upgrade("head"))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageContaining("b2.sql");

    try (Connection c = db.connect()) {
      String others =
          "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
              + "AND pid <> pg_backend_pid()";
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!PgTestDatabase.rows(c, others).equals(java.util.List.of("0"))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(PgTestDatabase.rows(c, others)).as("sessions left open").containsExactly("0");
      assertThat(PgTestDatabase.rows(c, "SELECT to_regclass('retort_version') IS NULL"))
          .as("nothing was created")
          .containsExactly("t");
    }
  }

  @Test
  void aBadFileWinsOverALockHeldElsewhereAndTheWaitingSessionGoesAway() throws Exception {
    Files.writeString(
        dir.resolve("migrations/b2.sql"), "-- retort:revision b2\nCREATE TABLE t2 ();\n");
    try (Connection holder = db.connect()) {
      MigrationLock.Held held =
          new PostgresLock().acquire(holder, "retort_version", Duration.ofSeconds(1));
      Retort r =
          Retort.configure()
              .projectDir(dir)
              .url(db.url)
              .migrations("migrations")
              .lockTimeout(Duration.ofSeconds(30))
              .load();
      long start = System.nanoTime();
      assertThatThrownBy(() -> r.upgrade("head"))
          .isInstanceOf(MigrationFileException.class)
          .hasMessageContaining("b2.sql");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("the file's error does not wait for the lock")
          .isLessThan(Duration.ofSeconds(20));
      String others =
          "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
              + "AND pid <> pg_backend_pid()";
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!PgTestDatabase.rows(holder, others).equals(java.util.List.of("1"))
          && System.nanoTime() < deadline) {
        Thread.sleep(50); // the session opened ahead, waiting for the lock
      }
      held.close();
      deadline = System.nanoTime() + 10_000_000_000L;
      while (!PgTestDatabase.rows(holder, others).equals(java.util.List.of("0"))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(PgTestDatabase.rows(holder, others))
          .as("the session that waited for the lock is closed once it had it")
          .containsExactly("0");
      assertThat(
              PgTestDatabase.rows(
                  holder, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
          .containsExactly("0");
    }
  }

  @Test
  void aLockHeldElsewhereStillTimesOutNamingItsHolder() throws Exception {
    try (Connection holder = db.connect();
        MigrationLock.Held held =
            new PostgresLock().acquire(holder, "retort_version", Duration.ofSeconds(1))) {
      String pid = PgTestDatabase.rows(holder, "SELECT pg_backend_pid()").get(0);
      Retort r =
          Retort.configure()
              .projectDir(dir)
              .url(db.url)
              .migrations("migrations")
              .lockTimeout(Duration.ofMillis(500))
              .load();
      assertThatThrownBy(() -> r.upgrade("head"))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("Timed out after 0.5 s")
          .hasMessageContaining("backend pid " + pid);
    }
    assertThat(retort(db.url).upgrade("head").after()).containsExactly("a1");
  }

  @Test
  void sqliteIsNotConnectedAheadSoABadFileCreatesNoDatabaseFile() throws Exception {
    Files.writeString(
        dir.resolve("migrations/b2.sql"), "-- retort:revision b2\nCREATE TABLE t2 ();\n");
    assertThatThrownBy(() -> retort("jdbc:sqlite:" + dir.resolve("app.db")).upgrade("head"))
        .isInstanceOf(MigrationFileException.class);
    assertThat(dir.resolve("app.db")).doesNotExist();
  }

  @Test
  void aServerThatRefusesIsStillNamed() {
    String missing = db.url.replace("/" + db.name + "?", "/" + db.name + "_missing?");
    assertThatThrownBy(() -> retort(missing).upgrade("head"))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("cannot connect to")
        .hasMessageContaining(db.name + "_missing");
  }
}
