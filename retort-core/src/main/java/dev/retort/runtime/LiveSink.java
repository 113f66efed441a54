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
import java.util.List;

/** Renders each op for the live database and executes it at once. */
final class LiveSink implements OpSink {
  private final Connection connection;
  private final Dialect dialect;
  private final Renderer renderer;
  private final int skip;
  private String location = "";
  private int executed;

  /**
   * @param skip how many of the migration's statements to pass over without running them: those
   *     a failed run outside a transaction already committed
   */
  LiveSink(Connection connection, Dialect dialect, int skip) {
    this.connection = connection;
    this.dialect = dialect;
    this.renderer = dialect.renderer(dialect.catalog(connection));
    this.skip = skip;
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
      if (executed >= skip) {
        execute(connection, sql, location);
      }
      executed++;
    }
  }

  /**
   * Runs bookkeeping statements (version and history rows), which are not counted. Two or more go
   * as one JDBC batch, with their parameters written as literals the way offline scripts write
   * them: one round trip to the server instead of one per statement, in the same transaction.
   */
  void record(List<Sql> statements) {
    if (statements.size() < 2) {
      for (Sql sql : statements) {
        execute(connection, sql, location);
      }
      return;
    }
    String[] texts = new String[statements.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = inline(dialect, statements.get(i));
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

  /** The statement of a batch that failed: the first marked failed, or the one after those that ran. */
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

  /** The statement with its parameters written as the dialect's literals (as {@code OfflineSink} does). */
  static String inline(Dialect dialect, Sql sql) {
    if (sql.parameters().isEmpty()) {
      return sql.text();
    }
    StringBuilder b = new StringBuilder();
    int p = 0;
    String text = sql.text();
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '?' && p < sql.parameters().size()) {
        b.append(dialect.literal(sql.parameters().get(p++)));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
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

  @Override
  public Connection connection() {
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
