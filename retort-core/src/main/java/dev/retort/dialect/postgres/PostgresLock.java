package dev.retort.dialect.postgres;

import dev.retort.dialect.MigrationLock;
import dev.retort.error.DatabaseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A session-level advisory lock (https://www.postgresql.org/docs/current/explicit-locking.html,
 * "Advisory Locks"), keyed by two integers derived from the lock key.
 *
 * <p>It is taken by polling {@code pg_try_advisory_lock} in autocommit, one short statement per
 * poll, and never by a blocking {@code pg_advisory_lock}: a waiter blocked inside a statement holds
 * a snapshot, and a {@code CREATE INDEX CONCURRENTLY} run by the holder waits for every older
 * snapshot to finish, so holder and waiter would wait for each other forever. A session lock is
 * released when the session ends, so a killed run cannot leave it behind.
 */
final class PostgresLock implements MigrationLock {

  static final Duration POLL = Duration.ofMillis(100);

  private static final String HOLDER =
      """
      SELECT l.pid, a.application_name, a.client_addr, a.backend_start, a.state
      FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 2""";

  @Override
  public Held acquire(Connection connection, String key, Duration timeout) throws SQLException {
    if (!connection.getAutoCommit()) {
      throw new IllegalStateException(
          "the migration lock must be taken in autocommit mode, so "
              + "that waiting holds no transaction or snapshot open");
    }
    int[] keys = keys(key);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (tryLock(connection, keys)) {
        return MigrationLock.Held.sessionLock(connection, c -> release(c, keys));
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new DatabaseException(
            "Timed out after "
                + seconds(timeout)
                + " waiting for the "
                + "migration lock \""
                + key
                + "\" (PostgreSQL advisory lock "
                + keys[0]
                + ", "
                + keys[1]
                + "): "
                + holder(connection, keys)
                + ". If that run is gone, "
                + "SELECT pg_terminate_backend(<pid>) ends its session and releases the lock.");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DatabaseException(
            "Interrupted while waiting for the migration lock \"" + key + "\"", e);
      }
    }
  }

  /**
   * Two 32-bit keys from SHA-256 of the key text: stable across JVMs and releases (unlike {@link
   * String#hashCode()}, which is not a contract), and 64 bits leave collisions negligible.
   */
  static int[] keys(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("retort:" + key).getBytes(StandardCharsets.UTF_8));
      ByteBuffer buffer = ByteBuffer.wrap(digest);
      return new int[] {buffer.getInt(), buffer.getInt()};
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  private static boolean tryLock(Connection connection, int[] keys) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      st.setInt(1, keys[0]);
      st.setInt(2, keys[1]);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** Who holds the lock, from pg_locks; objsubid 2 marks the two-key form of the lock functions. */
  private static String holder(Connection connection, int[] keys) throws SQLException {
    List<String> holders = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(HOLDER)) {
      st.setLong(1, Integer.toUnsignedLong(keys[0]));
      st.setLong(2, Integer.toUnsignedLong(keys[1]));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String app = rs.getString("application_name");
          String client = rs.getString("client_addr");
          holders.add(
              "backend pid "
                  + rs.getInt("pid")
                  + (app == null || app.isEmpty() ? "" : " (" + app + ")")
                  + (client == null ? "" : " from " + client)
                  + " connected since "
                  + rs.getString("backend_start")
                  + ", now "
                  + rs.getString("state"));
        }
      }
    }
    return holders.isEmpty()
        ? "it was released just now; try again"
        : "it is held by " + String.join("; ", holders);
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** Releases the advisory lock on {@code keys}; a session that no longer held it is an error. */
  private static void release(Connection connection, int[] keys) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
      st.setInt(1, keys[0]);
      st.setInt(2, keys[1]);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new SQLException(
              "the migration lock was no longer held by this session when "
                  + "it was released (was it unlocked by other code on this connection?)");
        }
      }
    }
  }
}
