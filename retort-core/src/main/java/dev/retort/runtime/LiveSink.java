package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.ops.Op;
import dev.retort.ops.OpSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders each op for the live database and executes it: at once, or (when {@code batch}) held back
 * and sent with the step's bookkeeping as one JDBC batch, which pgjdbc sends in one round trip. The
 * batch is sent early whenever something needs the database to be up to date: a statement with
 * bound parameters or one that may return rows (run on its own), and the migration asking for the
 * connection.
 */
final class LiveSink implements OpSink {
  /** The first word of a statement that may return rows, which a JDBC batch cannot carry. */
  private static final Pattern MAY_RETURN_ROWS =
      Pattern.compile(
          "(?is)^(?:\\s|\\(|--[^\\n]*\\n|/\\*.*?\\*/)*(?:select|with|values|table|show|explain|fetch|call)\\b.*|.*\\breturning\\b.*");

  private final Connection connection;
  private final Dialect dialect;
  private final Renderer renderer;
  private final int skip;
  private final boolean batch;
  private final List<String> pending = new ArrayList<>();
  private String location = "";
  private int executed;
  private boolean batchFailed;

  /** Outside a transaction: told before each statement runs, so that the history row keeps up. */
  private Progress progress;

  /**
   * On a resumed run: the sums of the statements it passes over, as the run that ran them recorded
   * them.
   */
  private List<String> expected;

  /** The sums of the statements run or passed over so far, when {@link #progress} is set. */
  private StatementSums applied = StatementSums.NONE;

  /** Hears of each statement of a step outside a transaction just before it runs. */
  interface Progress {
    /**
     * @param statement the 1-based index of the statement about to run
     * @param applied the sums of the statements before it, which ran
     */
    void before(int statement, StatementSums applied) throws SQLException;
  }

  /**
   * @param skip how many of the migration's statements to pass over without running them: those a
   *     failed run outside a transaction already committed
   * @param batch hold statements back and send them as one batch; only inside a transaction, where
   *     a failure rolls back the whole batch and the runner can replay it one by one
   */
  LiveSink(Connection connection, Dialect dialect, int skip, boolean batch) {
    this.connection = connection;
    this.dialect = dialect;
    this.renderer = dialect.renderer(dialect.catalog(connection));
    this.skip = skip;
    this.batch = batch;
  }

  /**
   * Tracks the step outside a transaction: {@code progress} hears of each statement before it runs,
   * and the statements passed over (a resumed run) are checked against {@code expected}, the sums
   * the run that ran them recorded (null when it recorded none).
   */
  LiveSink tracking(Progress progress, List<String> expected) {
    this.progress = progress;
    this.expected = expected;
    return this;
  }

  /** The sums of the statements run or passed over so far (tracked steps only). */
  StatementSums applied() {
    return applied;
  }

  /**
   * Whether a batch was refused. The batch's error does not say reliably which statement failed, so
   * the runner rolls back and runs the step again without batching, which stops at the failing
   * statement with the database's own message.
   */
  boolean batchFailed() {
    return batchFailed;
  }

  /** Whether statements are held back and sent as one batch with the bookkeeping. */
  boolean batching() {
    return batch;
  }

  /** Where the next statements come from (file:line of an SQL migration), for error messages. */
  void at(String where) {
    location = where;
  }

  /** How many of the migration's statements have run or been skipped. */
  int executed() {
    return executed;
  }

  @Override
  public void accept(Op op) {
    for (Sql sql : renderer.render(op)) {
      String sum = progress == null ? null : StatementSums.of(sql.inline(dialect));
      if (executed < skip) {
        checkPassedOver(executed + 1, sum, sql);
      } else if (batch
          && sql.parameters().isEmpty()
          && !MAY_RETURN_ROWS.matcher(sql.text()).matches()) {
        pending.add(sql.text());
      } else {
        flush();
        if (progress != null) {
          before(executed + 1);
        }
        execute(connection, sql, location);
      }
      if (sum != null) {
        applied = applied.plus(sum);
      }
      executed++;
    }
  }

  private void before(int statement) {
    try {
      progress.before(statement, applied);
    } catch (SQLException e) {
      throw new StatementFailure(
          "(recording statement " + statement + " in the history table)", location, e);
    }
  }

  /**
   * A resumed run passes over the statements that ran: each must be the one that ran, else the file
   * changed above the resume point and the database holds what the file no longer says.
   */
  private void checkPassedOver(int statement, String sum, Sql sql) {
    if (expected == null || sum == null) {
      return;
    }
    if (statement > expected.size() || !expected.get(statement - 1).equals(sum)) {
      throw new ResumeRefused(statement, location, sql.text());
    }
  }

  /** Sends the statements held back, as one batch. */
  void flush() {
    if (batchFailed) {
      throw new IllegalStateException("a batch of this step already failed");
    }
    if (pending.isEmpty()) {
      return;
    }
    String[] texts = pending.toArray(new String[0]);
    pending.clear();
    if (texts.length == 1) {
      try (Statement s = connection.createStatement()) {
        s.execute(texts[0]);
      } catch (SQLException e) {
        batchFailed = true;
        throw new StatementFailure(texts[0], location, e);
      }
      return;
    }
    try (Statement s = connection.createStatement()) {
      for (String text : texts) {
        s.addBatch(text);
      }
      s.executeBatch();
    } catch (SQLException e) {
      batchFailed = true;
      throw new StatementFailure(String.join(";\n", texts), location, e);
    }
  }

  /**
   * Runs bookkeeping statements (version and history rows), which are not counted. Two or more go
   * as one JDBC batch, with their parameters written as literals the way offline scripts write
   * them: one round trip to the server instead of one per statement, in the same transaction.
   */
  void record(List<Sql> statements) {
    if (batch) {
      for (Sql sql : statements) {
        pending.add(sql.inline(dialect));
      }
      flush();
      return;
    }
    recordUnbatched(statements);
  }

  /**
   * Runs the bookkeeping statements and commits. A batching sink sends the {@code COMMIT} at the
   * end of its batch, so that a migration is one round trip: should any statement fail, the server
   * skips the rest of the batch, the {@code COMMIT} with it, and the transaction stays open and
   * failed for the runner to roll back. Otherwise {@code beforeCommit} runs, then the connection
   * commits.
   */
  void recordAndCommit(List<Sql> statements, SqlRunnable beforeCommit) throws SQLException {
    if (batch) {
      for (Sql sql : statements) {
        pending.add(sql.inline(dialect));
      }
      pending.add("COMMIT");
      flush();
    } else {
      record(statements);
      beforeCommit.run();
    }
    // after the batch's COMMIT the driver sees no open transaction, and this sends nothing
    connection.commit();
  }

  /** Work that may throw {@link SQLException}. */
  interface SqlRunnable {
    void run() throws SQLException;
  }

  private void recordUnbatched(List<Sql> statements) {
    if (statements.size() < 2) {
      for (Sql sql : statements) {
        execute(connection, sql, location);
      }
      return;
    }
    String[] texts = new String[statements.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = statements.get(i).inline(dialect);
    }
    try (Statement s = connection.createStatement()) {
      for (String text : texts) {
        s.addBatch(text);
      }
      s.executeBatch();
    } catch (java.sql.BatchUpdateException e) {
      throw new StatementFailure(failedText(texts, e.getUpdateCounts()), location, e);
    } catch (SQLException e) {
      throw new StatementFailure(String.join(";\n", texts), location, e);
    }
  }

  /**
   * The statement of a batch that failed: the first marked failed, or the one after those that ran.
   */
  private static String failedText(String[] texts, int[] counts) {
    if (counts != null) {
      for (int i = 0; i < counts.length && i < texts.length; i++) {
        if (counts[i] == Statement.EXECUTE_FAILED) {
          return texts[i];
        }
      }
      if (counts.length < texts.length) {
        return texts[counts.length];
      }
    }
    return String.join(";\n", texts);
  }

  static void execute(Connection connection, Sql sql, String location) {
    try {
      if (sql.parameters().isEmpty()) {
        try (Statement s = connection.createStatement()) {
          s.execute(sql.text());
        }
      } else {
        try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
          for (int i = 0; i < sql.parameters().size(); i++) {
            ps.setObject(i + 1, sql.parameters().get(i));
          }
          ps.execute();
        }
      }
    } catch (SQLException e) {
      throw new StatementFailure(sql.text(), location, e);
    }
  }

  /**
   * The connection, with every statement held back sent first. Outside a transaction the history
   * row is brought up to date first: what the migration does with the connection may change the
   * database.
   */
  @Override
  public Connection connection() {
    flush();
    if (progress != null && executed >= skip) {
      before(executed + 1);
    }
    return connection;
  }

  @Override
  public boolean isOffline() {
    return false;
  }

  @Override
  public String dialectName() {
    return dialect.name();
  }
}
