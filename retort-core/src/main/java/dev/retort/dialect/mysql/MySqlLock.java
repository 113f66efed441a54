package dev.retort.dialect.mysql;

import dev.retort.dialect.MigrationLock;
import dev.retort.error.DatabaseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A named user-level lock ({@code GET_LOCK}, "Locking Functions" in the MySQL 8.0 Reference Manual
 * and the MariaDB Knowledge Base), named {@code retort:<database>:<key>} so that projects in
 * different databases, or with different version tables, do not wait for each other.
 *
 * <p>It is taken by polling {@code GET_LOCK(name, 0)}, which returns at once, rather than by a
 * {@code GET_LOCK} with a timeout: a waiter then never sits inside a statement, where it would show
 * up as a long-running query, hold its connection's statement timeout, and could not be told apart
 * from a hung run. The lock belongs to the session and is released when the session ends, so a
 * killed run cannot leave it behind; DDL and commits do not release it.
 */
final class MySqlLock implements MigrationLock {

  static final Duration POLL = Duration.ofMillis(100);

  /** MySQL refuses lock names longer than 64 characters (since 5.7.5). */
  static final int MAX_NAME = 64;

  private static final String HOLDER =
      """
      SELECT USER, HOST, COMMAND, TIME FROM information_schema.PROCESSLIST WHERE ID = ?""";

  @Override
  public Held acquire(Connection connection, String key, Duration timeout) throws SQLException {
    if (!connection.getAutoCommit()) {
      throw new IllegalStateException(
          "the migration lock must be taken in autocommit mode, so "
              + "that waiting holds no transaction open");
    }
    String name = name(database(connection), key);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (tryLock(connection, name)) {
        return MigrationLock.Held.sessionLock(connection, c -> release(c, name));
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new DatabaseException(
            String.format(
                Locale.ROOT,
                "Timed out after %.1f s waiting "
                    + "for the migration lock \"%s\" (GET_LOCK name '%s'): %s. If that run is gone, KILL "
                    + "<connection id> ends its session and releases the lock.",
                timeout.toMillis() / 1000.0,
                key,
                name,
                holder(connection, name)));
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
   * {@code retort:<database>:<key>}; when that exceeds {@link #MAX_NAME} characters, {@code
   * retort:} and the start of its SHA-256, which is stable across JVMs and releases.
   */
  static String name(String database, String key) {
    String name = "retort:" + database + ":" + key;
    if (name.length() <= MAX_NAME) {
      return name;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return ("retort:" + HexFormat.of().formatHex(digest)).substring(0, MAX_NAME);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  private static String database(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
      String database = rs.next() ? rs.getString(1) : null;
      return database == null ? "" : database;
    }
  }

  /** GET_LOCK returns 1 when taken, 0 when another session holds it, NULL on an error. */
  private static boolean tryLock(Connection connection, String name) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        int result = rs.getInt(1);
        if (rs.wasNull()) {
          throw new DatabaseException(
              "GET_LOCK('" + name + "', 0) failed on the server " + "(returned NULL)");
        }
        return result == 1;
      }
    }
  }

  /** Who holds the lock: IS_USED_LOCK gives its connection id, PROCESSLIST the rest. */
  private static String holder(Connection connection, String name) throws SQLException {
    long id;
    try (PreparedStatement st = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
        if (rs.wasNull()) {
          return "it was released just now; try again";
        }
      }
    }
    StringBuilder out = new StringBuilder("it is held by connection id ").append(id);
    try (PreparedStatement st = connection.prepareStatement(HOLDER)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          out.append(" (")
              .append(rs.getString("USER"))
              .append('@')
              .append(rs.getString("HOST"))
              .append(", ")
              .append(rs.getString("COMMAND"))
              .append(" for ")
              .append(rs.getLong("TIME"))
              .append(" s)");
        }
      }
    }
    return out.toString();
  }

  /** Releases the named lock; a session that no longer held it is an error. */
  private static void release(Connection connection, String name) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        if (rs.getInt(1) != 1) {
          throw new SQLException(
              "the migration lock '"
                  + name
                  + "' was no longer held by "
                  + "this session when it was released (was it released by other code on this "
                  + "connection, or the connection reset?)");
        }
      }
    }
  }
}
