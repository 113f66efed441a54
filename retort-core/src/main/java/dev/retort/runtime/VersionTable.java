package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Sql;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The version table (one row per applied head) and the history table (one row per step), as SQL.
 * Statements are built here once so that live runs and offline scripts write the same rows.
 */
final class VersionTable {
  private final Dialect dialect;
  private final QualifiedName version;
  private final QualifiedName history;

  VersionTable(Dialect dialect, QualifiedName version, QualifiedName history) {
    this.dialect = dialect;
    this.version = version;
    this.history = history;
  }

  QualifiedName name() {
    return version;
  }

  List<Sql> create() {
    return dialect.createVersionTables(version, history);
  }

  boolean exists(Connection c) throws SQLException {
    java.util.Optional<Sql> query = dialect.tableExistsQuery(version);
    if (query.isPresent()) {
      try (java.sql.PreparedStatement ps = c.prepareStatement(query.get().text())) {
        for (int i = 0; i < query.get().parameters().size(); i++) {
          ps.setObject(i + 1, query.get().parameters().get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        }
      }
    }
    DatabaseMetaData md = c.getMetaData();
    String schema = version.schema().orElse(null);
    for (String name : List.of(version.name(), version.name().toUpperCase(java.util.Locale.ROOT))) {
      try (ResultSet rs = md.getTables(c.getCatalog(), schema, name, new String[] {"TABLE"})) {
        while (rs.next()) {
          // getTables matches LIKE patterns ('_' is a wildcard), so confirm the exact name
          if (rs.getString("TABLE_NAME").equalsIgnoreCase(version.name())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  Set<String> read(Connection c) throws SQLException {
    Set<String> rows = new TreeSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version_num FROM " + dialect.quote(version))) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  /** What the history table says: checksums of applied files, and revisions left dirty. */
  record History(Map<String, String> checksums, Map<String, DirtyRevision> dirty) {
    static final History EMPTY = new History(Map.of(), Map.of());
  }

  /**
   * The message of the row a step outside a transaction writes before its first statement. The
   * step's end replaces it; a row that still says this was cut off (killed, connection lost).
   */
  static final String IN_PROGRESS =
      "in progress (the run that wrote this row replaces this message when it ends;"
          + " if it stays, that run was cut off during the statement this row names)";

  /**
   * Reads the history once, in order: the checksum each revision had when last applied or stamped,
   * and the revisions whose last word is a failure outside a transaction, or a run outside a
   * transaction that never reported back.
   */
  History readHistory(Connection c) throws SQLException {
    Map<String, String> sums = new HashMap<>();
    Map<String, DirtyRevision> dirty = new java.util.LinkedHashMap<>();
    // SELECT *: a history table written by an older Retort may lack the newer columns
    String sql = "SELECT * FROM " + dialect.quote(history) + " ORDER BY id";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      boolean hasFailedStatement = hasColumn(rs.getMetaData(), "failed_statement");
      boolean hasSums = hasColumn(rs.getMetaData(), "statement_sums");
      while (rs.next()) {
        String revision = rs.getString("revision");
        String direction = rs.getString("direction");
        String checksum = rs.getString("checksum");
        if (rs.getBoolean("success")) {
          dirty.remove(revision);
          if (direction.equals(Direction.DOWN.word())) {
            sums.remove(revision);
          } else if (checksum != null && !checksum.isEmpty()) {
            sums.put(revision, checksum);
          }
        } else if (hasFailedStatement) {
          int failed = rs.getInt("failed_statement");
          if (!rs.wasNull()) {
            String message = rs.getString("message");
            String applied = hasSums ? rs.getString("statement_sums") : null;
            dirty.put(
                revision,
                new DirtyRevision(
                    revision,
                    Direction.fromWord(direction),
                    failed,
                    checksum == null ? "" : checksum,
                    message == null ? "" : message,
                    IN_PROGRESS.equals(message),
                    applied == null
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(StatementSums.parse(applied).sums())));
          }
        }
      }
    }
    return new History(sums, dirty);
  }

  /** Every row of the history table, oldest first. */
  List<HistoryRow> rows(Connection c) throws SQLException {
    List<HistoryRow> rows = new ArrayList<>();
    // SELECT *: a history table written by an older Retort may lack the newer columns
    String sql = "SELECT * FROM " + dialect.quote(history) + " ORDER BY id";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      boolean hasFailedStatement = hasColumn(rs.getMetaData(), "failed_statement");
      while (rs.next()) {
        long id = rs.getLong("id");
        Integer failed = null;
        if (hasFailedStatement) {
          failed = rs.getInt("failed_statement");
          failed = rs.wasNull() ? null : failed;
        }
        String checksum = rs.getString("checksum");
        String message = rs.getString("message");
        rows.add(
            new HistoryRow(
                id,
                rs.getString("revision"),
                rs.getString("direction"),
                checksum == null ? "" : checksum,
                HistoryRow.parseStarted(id, rs.getString("started_at")),
                rs.getLong("duration_ms"),
                rs.getString("who"),
                rs.getBoolean("success"),
                java.util.Optional.ofNullable(failed),
                message == null ? "" : message));
      }
    }
    return rows;
  }

  private static boolean hasColumn(java.sql.ResultSetMetaData md, String name) throws SQLException {
    for (int i = 1; i <= md.getColumnCount(); i++) {
      if (md.getColumnName(i).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Brings a history table made by an older Retort up to date: {@code failed_statement} came with
   * dirty-state tracking, {@code statement_sums} with checking a resumed migration's applied
   * statements. Cheap when there is nothing to do: one empty query.
   */
  void upgrade(Connection c) throws SQLException {
    List<String> missing = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + dialect.quote(history) + " WHERE 1 = 0")) {
      if (!hasColumn(rs.getMetaData(), "failed_statement")) {
        missing.add("failed_statement INTEGER");
      }
      if (!hasColumn(rs.getMetaData(), "statement_sums")) {
        missing.add("statement_sums TEXT");
      }
    }
    for (String column : missing) {
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE " + dialect.quote(history) + " ADD COLUMN " + column);
      }
    }
  }

  /**
   * Inserts the history row of a step that runs outside a transaction, before its statement {@code
   * statement} (1-based) runs, and returns the row's id: from here on, whatever cuts the run off,
   * the revision reads as dirty at that statement.
   *
   * @param applied the sums of the statements before it, which ran (in an earlier run, resumed)
   */
  long startStep(Connection c, HistoryEntry e, int statement, StatementSums applied)
      throws SQLException {
    Sql row =
        history(
            new HistoryEntry(
                e.revision(),
                e.direction(),
                e.checksum(),
                e.startedAtSql(),
                0,
                e.who(),
                false,
                statement,
                IN_PROGRESS),
            null,
            applied.toString());
    try (PreparedStatement ps = c.prepareStatement(row.text(), Statement.RETURN_GENERATED_KEYS)) {
      bind(ps, row.parameters());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the new row of " + history);
        }
        // PostgreSQL returns every column (RETURNING *); id is the first
        return keys.getLong(1);
      }
    }
  }

  /** Moves a started step's row on to statement {@code statement}; those before it ran. */
  Sql progress(long rowId, int statement, StatementSums applied) {
    return new Sql(
        "UPDATE "
            + dialect.quote(history)
            + " SET failed_statement = ?, statement_sums = ? WHERE id = ?",
        java.util.Arrays.asList(statement, applied.toString(), rowId));
  }

  /**
   * Writes a started step's outcome into its row: done, or failed (dirty when {@code
   * failedStatement} is set).
   */
  Sql finish(long rowId, HistoryEntry e, String durationSql, StatementSums applied) {
    List<Object> params = new ArrayList<>();
    if (durationSql == null) {
      params.add(e.durationMs());
    }
    params.addAll(
        java.util.Arrays.asList(
            e.success(),
            e.failedStatement(),
            e.message(),
            e.success() ? null : applied.toString(),
            rowId));
    return new Sql(
        "UPDATE "
            + dialect.quote(history)
            + " SET duration_ms = "
            + (durationSql == null ? "?" : durationSql)
            + ", success = ?, failed_statement = ?, message = ?, statement_sums = ? WHERE id = ?",
        params);
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }

  /** Statements turning the rows {@code before} into {@code after}. */
  List<Sql> update(Set<String> before, Set<String> after) {
    List<Sql> out = new ArrayList<>();
    Set<String> gone = new LinkedHashSet<>(before);
    gone.removeAll(after);
    Set<String> added = new LinkedHashSet<>(after);
    added.removeAll(before);
    for (String row : gone) {
      out.add(
          new Sql(
              "DELETE FROM " + dialect.quote(version) + " WHERE version_num = ?", List.of(row)));
    }
    for (String row : added) {
      out.add(
          new Sql(
              "INSERT INTO " + dialect.quote(version) + " (version_num) VALUES (?)", List.of(row)));
    }
    return out;
  }

  /** Removes every row (stamp --purge). */
  Sql purge() {
    return Sql.of("DELETE FROM " + dialect.quote(version));
  }

  /**
   * One history row. {@code startedAt} is an SQL expression so offline scripts can say
   * CURRENT_TIMESTAMP.
   */
  Sql history(HistoryEntry e) {
    return history(e, null);
  }

  /**
   * One history row whose duration, when {@code durationSql} is not null, the database computes
   * from that expression instead of {@code e.durationMs()}: for a batched migration, whose
   * statements run only after the row is rendered.
   */
  Sql history(HistoryEntry e, String durationSql) {
    return history(e, durationSql, null);
  }

  /** One history row, with the sums of the statements that ran when it leaves a revision dirty. */
  Sql history(HistoryEntry e, String durationSql, String statementSums) {
    List<Object> params = new ArrayList<>(List.of(e.revision(), e.direction().word()));
    params.add(e.checksum());
    if (durationSql == null) {
      params.add(e.durationMs());
    }
    params.addAll(java.util.Arrays.asList(e.who(), e.success(), e.failedStatement(), e.message()));
    if (statementSums == null) {
      return new Sql(
          "INSERT INTO "
              + dialect.quote(history)
              + " (revision, direction, checksum, started_at, duration_ms, who, success, failed_statement, message)"
              + " VALUES (?, ?, ?, "
              + e.startedAtSql()
              + ", "
              + (durationSql == null ? "?" : durationSql)
              + ", ?, ?, ?, ?)",
          params);
    }
    params.add(statementSums);
    return new Sql(
        "INSERT INTO "
            + dialect.quote(history)
            + " (revision, direction, checksum, started_at, duration_ms, who, success, failed_statement,"
            + " message, statement_sums)"
            + " VALUES (?, ?, ?, "
            + e.startedAtSql()
            + ", "
            + (durationSql == null ? "?" : durationSql)
            + ", ?, ?, ?, ?, ?)",
        params);
  }

  /**
   * What one history row says. {@code failedStatement} is the 1-based index of the statement a run
   * outside a transaction failed at (the revision is then dirty), null otherwise.
   */
  record HistoryEntry(
      String revision,
      Direction direction,
      String checksum,
      String startedAtSql,
      long durationMs,
      String who,
      boolean success,
      Integer failedStatement,
      String message) {}
}
