package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.MigrationLock;
import dev.retort.error.DatabaseException;
import dev.retort.schema.QualifiedName;
import dev.retort.script.RevisionGraph;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The migration lock, held, and what the version and history tables said under it: what {@link
 * Runner#run(Connection, LockedRead, java.util.function.Function)} checks the checksums and plans
 * from. None of it needs the migrations, so the facade takes it on the thread that connects while
 * the migrations directory is read. Closing it releases the lock (explicitly: a pooled connection's
 * session outlives its {@code close}).
 */
public final class LockedRead implements AutoCloseable {
  private final MigrationLock.Held held;
  final boolean exists;
  final Set<String> rows;
  final VersionTable.History history;

  private LockedRead(
      MigrationLock.Held held, boolean exists, Set<String> rows, VersionTable.History history) {
    this.held = held;
    this.exists = exists;
    this.rows = rows;
    this.history = history;
  }

  /**
   * Takes the lock on {@code c} (in autocommit mode, as waiting must hold no transaction), then
   * reads the version rows and the history; the lock is released again when reading fails.
   *
   * @throws DatabaseException when the lock is not had in time or the database refuses a read
   */
  public static LockedRead take(
      Dialect dialect,
      String versionTable,
      String historyTable,
      Duration lockTimeout,
      Connection c) {
    VersionTable versions =
        new VersionTable(
            dialect, QualifiedName.parse(versionTable), QualifiedName.parse(historyTable));
    return take(dialect, versions, lockTimeout, c);
  }

  static LockedRead take(
      Dialect dialect, VersionTable versions, Duration lockTimeout, Connection c) {
    MigrationLock.Held held =
        guarded(
            () -> {
              c.setAutoCommit(true);
              return dialect.lock().acquire(c, versions.name().toString(), lockTimeout);
            });
    try {
      return guarded(
          () -> {
            // Read before creating anything, so that a target that does not plan leaves no trace.
            boolean exists = versions.exists(c);
            Set<String> rows = exists ? versions.read(c) : Set.of();
            VersionTable.History history =
                exists ? versions.readHistory(c) : VersionTable.History.EMPTY;
            return new LockedRead(held, exists, rows, history);
          });
    } catch (RuntimeException | Error e) {
      release(held);
      throw e;
    }
  }

  /**
   * The applied revisions whose file has the checksum the history recorded for it: the files as
   * they were when they were applied.
   *
   * @throws dev.retort.error.RevisionGraphException when a version row names a revision {@code
   *     graph} does not know
   */
  public Set<String> unchanged(RevisionGraph graph) {
    Set<String> same = new HashSet<>();
    Map<String, String> recorded = history.checksums();
    for (String id : graph.applied(rows)) {
      String sum = recorded.get(id);
      if (sum != null && sum.equals(graph.get(id).checksum())) {
        same.add(id);
      }
    }
    return same;
  }

  @Override
  public void close() {
    release(held);
  }

  static void release(MigrationLock.Held held) {
    if (held != null) {
      try {
        held.close();
      } catch (SQLException e) {
        // the lock dies with the session anyway; closing the connection ends it
      }
    }
  }

  /** Work on the connection whose database errors become {@link DatabaseException}s. */
  interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work}, reporting what the database refused as a {@link DatabaseException}. */
  static <T> T guarded(Work<T> work) {
    try {
      return work.run();
    } catch (StatementFailure f) {
      throw new DatabaseException(
          "the database refused: " + f.statement + "\n  " + f.getMessage(), f);
    } catch (SQLException e) {
      throw new DatabaseException("database error: " + e.getMessage(), e);
    }
  }
}
