package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Sql;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
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

  /** The checksum each revision had when it was last applied or stamped successfully. */
  Map<String, String> appliedChecksums(Connection c) throws SQLException {
    Map<String, String> sums = new HashMap<>();
    String sql = "SELECT revision, checksum, direction FROM " + dialect.quote(history)
        + " WHERE success = " + dialect.literal(true) + " ORDER BY id";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String direction = rs.getString(3);
        if (direction.equals(Direction.DOWN.word())) {
          sums.remove(rs.getString(1));
        } else if (rs.getString(2) != null && !rs.getString(2).isEmpty()) {
          sums.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return sums;
  }

  /** Statements turning the rows {@code before} into {@code after}. */
  List<Sql> update(Set<String> before, Set<String> after) {
    List<Sql> out = new ArrayList<>();
    Set<String> gone = new LinkedHashSet<>(before);
    gone.removeAll(after);
    Set<String> added = new LinkedHashSet<>(after);
    added.removeAll(before);
    for (String row : gone) {
      out.add(new Sql("DELETE FROM " + dialect.quote(version) + " WHERE version_num = ?", List.of(row)));
    }
    for (String row : added) {
      out.add(new Sql("INSERT INTO " + dialect.quote(version) + " (version_num) VALUES (?)", List.of(row)));
    }
    return out;
  }

  /** Removes every row (stamp --purge). */
  Sql purge() {
    return Sql.of("DELETE FROM " + dialect.quote(version));
  }

  /** One history row. {@code startedAt} is an SQL expression so offline scripts can say CURRENT_TIMESTAMP. */
  Sql history(HistoryEntry e) {
    return new Sql("INSERT INTO " + dialect.quote(history)
        + " (revision, direction, checksum, started_at, duration_ms, who, success, message)"
        + " VALUES (?, ?, ?, " + e.startedAtSql() + ", ?, ?, ?, ?)",
        java.util.Arrays.asList(e.revision(), e.direction().word(), e.checksum(), e.durationMs(),
            e.who(), e.success(), e.message()));
  }

  /** What one history row says. */
  record HistoryEntry(String revision, Direction direction, String checksum, String startedAtSql,
      long durationMs, String who, boolean success, String message) {}
}
