package dev.retort.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Keeps concurrent runs against one database from colliding: the second waits for the first. The
 * lock must vanish when its holder dies, and waiting must not hold a snapshot or a transaction open
 * (PostgreSQL's {@code CREATE INDEX CONCURRENTLY} waits for every open snapshot).
 */
public interface MigrationLock {

  /** A held lock; closing it releases it. */
  interface Held extends AutoCloseable {
    @Override
    void close() throws SQLException;

    /**
     * A lock that lives as long as the session holding it: the first close runs {@code release} on
     * {@code connection}, later ones do nothing, and on a closed connection (whose end released it)
     * nothing is run.
     */
    static Held sessionLock(Connection connection, Release release) {
      return new Held() {
        private boolean open = true;

        @Override
        public void close() throws SQLException {
          boolean wasOpen = open;
          open = false;
          if (wasOpen && !connection.isClosed()) {
            release.run(connection);
          }
        }
      };
    }
  }

  /** Gives a session lock back; throws when the session no longer held it. */
  @FunctionalInterface
  interface Release {
    void run(Connection connection) throws SQLException;
  }

  /**
   * Waits for the lock up to {@code timeout}.
   *
   * @param connection the connection the run uses, in autocommit mode
   * @param key identifies what is locked (the version table's name), so that two projects sharing a
   *     database with different version tables do not wait for each other
   * @throws dev.retort.error.DatabaseException when the timeout passes first; the message says who
   *     holds it where the database can tell
   */
  Held acquire(Connection connection, String key, Duration timeout) throws SQLException;
}
