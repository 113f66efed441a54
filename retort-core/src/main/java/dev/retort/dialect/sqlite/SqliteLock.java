package dev.retort.dialect.sqlite;

import dev.retort.dialect.MigrationLock;
import dev.retort.error.DatabaseException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * An exclusive OS file lock on {@code <database file>.retort-lock} beside the database. SQLite has
 * no lock that outlives a transaction, and holding a write transaction open for a whole run would
 * block the migrations' own transactions, so the lock is a file lock instead: the OS releases it
 * when the process ends, however it ends. In-memory databases are private to one connection and
 * need none.
 *
 * <p>Different keys lock different byte ranges of the same file, so runs with different version
 * tables do not wait for each other.
 */
final class SqliteLock implements MigrationLock {

  static final Duration POLL = Duration.ofMillis(100);

  @Override
  public Held acquire(Connection connection, String key, Duration timeout) throws SQLException {
    Optional<Path> database = databaseFile(connection.getMetaData().getURL());
    if (database.isEmpty()) {
      return () -> {};
    }
    Path lockFile = lockFile(database.get());
    long position = position(key);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new DatabaseException("Cannot open the migration lock file " + lockFile + ": " + e, e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        FileLock lock = tryLock(channel, position);
        if (lock != null) {
          return () -> {
            try {
              lock.release();
              channel.close();
            } catch (IOException e) {
              throw new SQLException("Cannot release the migration lock file " + lockFile, e);
            }
          };
        }
        if (System.nanoTime() - deadline >= 0) {
          throw new DatabaseException(
              String.format(
                  Locale.ROOT,
                  "Timed out after %.1f s waiting for the migration lock \"%s\" on %s: another "
                      + "Retort run holds it (fuser %s shows its process). The lock is released "
                      + "when that run ends, even if it is killed.",
                  timeout.toMillis() / 1000.0,
                  key,
                  lockFile,
                  lockFile));
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (IOException e) {
      close(channel);
      throw new DatabaseException("Cannot lock the migration lock file " + lockFile + ": " + e, e);
    } catch (InterruptedException e) {
      close(channel);
      Thread.currentThread().interrupt();
      throw new DatabaseException(
          "Interrupted while waiting for the migration lock " + lockFile, e);
    } catch (RuntimeException e) {
      close(channel);
      throw e;
    }
  }

  /** The lock file beside {@code database}. */
  static Path lockFile(Path database) {
    return Path.of(database + ".retort-lock");
  }

  /**
   * The byte the key locks. String.hashCode is specified by its Javadoc (s[0]*31^(n-1) + ...), so
   * the position is the same in every JVM, which matters when two processes compete.
   */
  static long position(String key) {
    return Integer.toUnsignedLong(key.hashCode());
  }

  /** The lock, or null while another process (or another channel in this JVM) holds the range. */
  private static FileLock tryLock(FileChannel channel, long position) throws IOException {
    try {
      return channel.tryLock(position, 1, false);
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing is best effort; the lock attempt's own error is the one to report
    }
  }

  /**
   * The database file of a {@code jdbc:sqlite:} URL (https://github.com/xerial/sqlite-jdbc,
   * "Usage"), or empty for an in-memory database: {@code jdbc:sqlite:}, {@code :memory:}, {@code
   * file::memory:} and {@code mode=memory}.
   */
  static Optional<Path> databaseFile(String url) {
    String rest = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : url;
    int query = rest.indexOf('?');
    String parameters = query < 0 ? "" : rest.substring(query + 1);
    String path = query < 0 ? rest : rest.substring(0, query);
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
      if (path.startsWith("//")) {
        path = path.substring(2);
      }
    }
    if (path.isEmpty()
        || path.startsWith(":memory:")
        || path.startsWith(":resource:")
        || parameters.contains("mode=memory")) {
      return Optional.empty();
    }
    return Optional.of(
        Path.of(java.net.URLDecoder.decode(path, StandardCharsets.UTF_8)).toAbsolutePath());
  }
}
