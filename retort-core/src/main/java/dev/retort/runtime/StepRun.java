package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Sql;
import dev.retort.error.MigrationFailedException;
import dev.retort.error.RetortException;
import dev.retort.error.UsageException;
import dev.retort.ops.Op;
import dev.retort.ops.Operations;
import dev.retort.script.Revision;
import dev.retort.text.Inert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One step run against the live database. Inside a transaction when the migration and the database
 * allow it, the version update included: whatever stops it, nothing of it stays. Otherwise in
 * autocommit, where every statement stays as it commits, so the history table is told before each
 * one: a row written before the first statement runs, moved on to each next statement before it
 * runs, and turned into the step's outcome at the end. Whatever cuts the run off (a kill, a lost
 * connection, an error in the migration's code, {@code System.exit}), the revision then reads as
 * dirty at the statement that was running, and {@code current} says so.
 */
final class StepRun {
  private final Connection c;
  private final Dialect dialect;
  private final VersionTable versions;
  private final Runner.Options options;
  private final Step step;
  private final MigrationBody body;
  private final DirtyRevisions.Resume resume;
  private final Optional<Op> blocker;
  private final boolean tx;
  private Instant started;
  private long t0;

  /** The history row of a step outside a transaction, once written; -1 before. */
  private long rowId = -1;

  /** The statement the row names: the one running. */
  private int rowStatement;

  private LiveSink sink;

  StepRun(
      Connection c,
      Dialect dialect,
      VersionTable versions,
      Runner.Options options,
      Step step,
      MigrationBody body,
      DirtyRevisions.Resume resume,
      Optional<Op> blocker,
      boolean tx) {
    this.c = c;
    this.dialect = dialect;
    this.versions = versions;
    this.options = options;
    this.step = step;
    this.body = body;
    this.resume = resume;
    this.blocker = blocker;
    this.tx = tx;
  }

  void run() throws SQLException {
    Revision r = step.revision();
    int skip = resume.skip();
    options
        .progress()
        .accept(
            Inert.text(
                "Running "
                    + step.describe()
                    + (skip == 0
                        ? ""
                        : resume.interrupted()
                            ? " (resuming at statement "
                                + (skip + 1)
                                + ", which was running when an earlier run"
                                + " was cut off)"
                            : " (resuming at statement " + (skip + 1) + ")")
                    + blocker
                        .map(
                            o ->
                                " (outside a transaction: "
                                    + o.describe()
                                    + " cannot run inside one)")
                        .orElse("")));
    started = Instant.now();
    t0 = System.nanoTime();
    // Only an SQL file is batched: a refused batch is run again statement by statement (below),
    // and a Java migration's code must run once, as it may do more than send SQL
    boolean sqlFile = r.file().map(f -> f.getFileName().toString().endsWith(".sql")).orElse(false);
    sink = newSink(tx && sqlFile && dialect.capabilities().batchesStatements());
    dialect.beforeStep(c);
    ExitGuard guard = ExitGuard.install(this::onExit);
    try {
      try {
        attempt();
      } catch (Throwable e) {
        if (!sink.batchFailed()) {
          throw e;
        }
        // A refused batch rolled back whole, and its error does not say reliably which statement
        // it was: run the step again one statement at a time, which stops at that statement with
        // the database's own message (or succeeds, when the failure was transient).
        c.rollback();
        sink = newSink(false);
        attempt();
      }
    } catch (ResumeRefused e) {
      // thrown before any statement of the step ran, and before its row was written
      rollbackQuietly();
      throw e;
    } catch (Throwable e) {
      rollbackQuietly();
      throw failure(e);
    } finally {
      guard.remove();
      restore();
    }
  }

  /**
   * Puts the connection back as the run found it. Quietly when the connection is gone: the failure
   * that took it is the one to report.
   */
  private void restore() throws SQLException {
    if (c.isClosed()) {
      return;
    }
    c.setAutoCommit(true);
    dialect.afterStep(c);
  }

  private LiveSink newSink(boolean batch) {
    LiveSink s = new LiveSink(c, dialect, resume.skip(), batch);
    return tx ? s : s.tracking(this::before, resume.expected().orElse(null));
  }

  /**
   * Writes or moves on the step's history row before {@code statement} runs outside a transaction.
   */
  private void before(int statement, StatementSums applied) throws SQLException {
    if (statement == rowStatement) {
      return;
    }
    if (rowId < 0) {
      rowId = versions.startStep(c, entry(false, statement, ""), statement, applied);
    } else {
      LiveSink.execute(c, versions.progress(rowId, statement, applied), "");
    }
    rowStatement = statement;
  }

  /** Runs the step's body and bookkeeping through the sink, and commits. */
  private void attempt() throws Exception {
    if (tx) {
      c.setAutoCommit(false);
    }
    body.run(step.direction(), new Operations(sink), sink::at);
    if (sink.executed() < resume.skip()) {
      throw new ResumeRefused(
          sink.executed() + 1,
          step.revision().origin(),
          "(none: the migration now has "
              + sink.executed()
              + " statements, and "
              + resume.skip()
              + " ran before the earlier run stopped)");
    }
    if (!tx) {
      // the migration's own statements are committed; the bookkeeping goes in one transaction
      c.setAutoCommit(false);
    }
    sink.at("version table");
    List<Sql> bookkeeping = new ArrayList<>(versions.update(step.rowsBefore(), step.rowsAfter()));
    // a batched step's statements run only with the batch: the server times them
    String duration = sink.batching() ? dialect.transactionMillisSql().orElse(null) : null;
    VersionTable.HistoryEntry done = entry(true, null, "");
    bookkeeping.add(
        rowId >= 0
            ? versions.finish(rowId, done, duration, sink.applied())
            : versions.history(done, duration));
    // one round trip; with a batching sink, the migration's statements and the COMMIT too
    sink.recordAndCommit(bookkeeping, () -> dialect.beforeCommit(c));
  }

  private void rollbackQuietly() {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the original failure is the one to report; a lost connection rolls back by itself
    }
  }

  /**
   * Records the failure and says what it left: rolled back, nothing applied, or the revision dirty
   * at the statement it stopped at.
   */
  private RetortException failure(Throwable e) {
    Revision r = step.revision();
    // outside a transaction: the statement it stopped at; those before it (run now or by an
    // earlier, resumed run) stay applied
    Integer failedStatement = tx ? null : sink.executed() + 1;
    Integer dirtyAt = failedStatement != null && failedStatement > 1 ? failedStatement : null;
    String statement = e instanceof StatementFailure f ? f.statement : "";
    String where =
        e instanceof StatementFailure f && !f.location.isEmpty() ? f.location : r.origin();
    String cause =
        e instanceof StatementFailure || e instanceof SQLException || e instanceof RetortException
            ? String.valueOf(e.getMessage())
            : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    String recorded = options.secrets().scrub(abbreviate(cause, 2000));
    boolean saved = record(entry(false, dirtyAt, recorded));
    String before = Runner.rowsText(step.rowsBefore());
    String outcome;
    if (failedStatement == null) {
      outcome = "The migration was rolled back; the database stays at " + before + ".";
    } else if (dirtyAt == null && (saved || rowId < 0)) {
      outcome = "Nothing of it ran; the database stays at " + before + ".";
    } else if (!saved) {
      outcome =
          "It ran outside a transaction ("
              + whyNoTransaction()
              + ") and the failure could not"
              + " be recorded (the connection is gone?), so revision "
              + r.id()
              + " stays marked dirty,"
              + " cut off at statement "
              + rowStatement
              + ", which may or may not have run; the version"
              + " table stays at "
              + before
              + ". current shows it; a rerun resumes there.";
    } else {
      outcome =
          "It ran outside a transaction ("
              + whyNoTransaction()
              + "), so "
              + (dirtyAt == 2
                  ? "its first statement stays"
                  : "its first " + (dirtyAt - 1) + " statements stay")
              + " applied and revision "
              + r.id()
              + " is now marked dirty; the version table stays"
              + " at "
              + before
              + ". Fix the migration and run again to resume at statement "
              + dirtyAt
              + ", or repair by hand and stamp the revision the schema then matches.";
    }
    String msg =
        Inert.text(step.describe())
            + " failed"
            + "\n  at: "
            + where
            + (statement.isEmpty() ? "" : "\n  statement: " + abbreviate(statement.strip(), 2000))
            + "\n  error: "
            + cause
            + "\n"
            + outcome;
    if (e instanceof UsageException u && statement.isEmpty()) {
      return new UsageException(msg, u);
    }
    return new MigrationFailedException(r.id(), statement, msg, e);
  }

  /** Writes the outcome into the step's row, or a new row; false when the database is gone. */
  private boolean record(VersionTable.HistoryEntry outcome) {
    try {
      Sql sql =
          rowId >= 0
              ? versions.finish(rowId, outcome, null, sink.applied())
              : versions.history(
                  outcome,
                  null,
                  outcome.failedStatement() == null ? null : sink.applied().toString());
      LiveSink.execute(c, sql, "");
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private String whyNoTransaction() {
    return !step.revision().transactional()
        ? "the migration is marked transactional false"
        : blocker.isPresent()
            ? blocker.get().describe() + " cannot run inside one"
            : dialect.name() + " commits DDL as it goes";
  }

  /**
   * The JVM is exiting while this step runs. When the migration's own thread called {@code
   * System.exit}, the connection is idle (that thread waits in the exit): record the failure as any
   * other, say so, and end with exit status 3 instead of the status the migration chose. A signal
   * needs nothing: the server rolls back an open transaction when the connection drops, and a step
   * outside one has its row already.
   */
  private void onExit(Thread runner) {
    if (!ExitGuard.isExiting(runner)) {
      return;
    }
    rollbackQuietly();
    RetortException e =
        failure(
            new IllegalStateException(
                "the migration called System.exit, which would end Retort as if it had succeeded"));
    System.err.println("error: " + options.secrets().scrub(Inert.terminal(e.getMessage())));
    System.err.flush();
    Runtime.getRuntime().halt(3);
  }

  private VersionTable.HistoryEntry entry(boolean ok, Integer failedStatement, String message) {
    Revision r = step.revision();
    return new VersionTable.HistoryEntry(
        r.id(),
        step.direction(),
        r.checksum(),
        dialect.literal(started),
        (System.nanoTime() - t0) / 1_000_000,
        options.who(),
        ok,
        failedStatement,
        message);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
