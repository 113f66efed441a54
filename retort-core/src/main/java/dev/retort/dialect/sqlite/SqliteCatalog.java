package dev.retort.dialect.sqlite;

import dev.retort.dialect.Catalog;
import dev.retort.error.DatabaseException;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the renderer asks of the live database while a migration runs: a table as it is now (to plan
 * a rebuild; the reading is {@link SqliteInspector}'s), and what else a rebuild of it must drop and
 * recreate.
 */
final class SqliteCatalog implements Catalog {

  /** A trigger, view or index that the table model cannot hold, recreated from its SQL. */
  record Dependent(String type, String name, String sql) {}

  private final Connection connection;
  private final SqliteDialect dialect;

  SqliteCatalog(Connection connection, SqliteDialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  @Override
  public Optional<Table> table(QualifiedName name) {
    try {
      return SqliteInspector.table(connection, dialect, name);
    } catch (SQLException e) {
      throw new DatabaseException(
          "Cannot read table " + name + " from the SQLite database: " + e.getMessage(), e);
    }
  }

  /**
   * What a rebuild must drop and recreate besides the table, per step 3 of
   * https://www.sqlite.org/lang_altertable.html#otheralter, in the order they were created: the
   * triggers on the table; every view and trigger that names it, or names a view that goes too (the
   * RENAME at the end of a rebuild checks the whole schema, and fails on a view or trigger that
   * names a table or view missing at that moment); and the indexes on expressions whose statement
   * the inspector cannot read into the table. Names are matched as the statements' tokens, without
   * regard to case.
   */
  List<Dependent> dependents(QualifiedName table) {
    String sql =
        "SELECT type, name, tbl_name, sql FROM "
            + master(table)
            + " WHERE sql IS NOT NULL AND (type IN ('trigger', 'view')"
            + " OR (type = 'index' AND tbl_name = ? COLLATE NOCASE)) ORDER BY rowid";
    List<String[]> rows = new ArrayList<>();
    List<Dependent> indexes = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setString(1, table.name());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Dependent d = new Dependent(rs.getString(1), rs.getString(2), rs.getString(4));
          if (!d.type().equals("index")) {
            rows.add(new String[] {d.type(), d.name(), rs.getString(3), d.sql()});
          } else if (hasExpression(table, d.name()) && !readable(table, d)) {
            indexes.add(d);
          }
        }
      }
    } catch (SQLException e) {
      throw new DatabaseException(
          "Cannot read the triggers and views of " + table + ": " + e.getMessage(), e);
    }
    Set<String> gone = new HashSet<>(Set.of(lower(table.name())));
    Set<String> chosen = new HashSet<>();
    boolean more = true;
    while (more) {
      more = false;
      for (String[] r : rows) {
        if (!chosen.contains(r[1])
            && (r[0].equals("trigger") && gone.contains(lower(r[2])) || names(r[3], gone))) {
          chosen.add(r[1]);
          if (r[0].equals("view")) {
            gone.add(lower(r[1]));
          }
          more = true;
        }
      }
    }
    List<Dependent> out = new ArrayList<>();
    for (String[] r : rows) {
      if (chosen.contains(r[1])) {
        out.add(new Dependent(r[0], r[1], r[3]));
      }
    }
    out.addAll(indexes);
    return out;
  }

  private static boolean names(String sql, Set<String> any) {
    return SqliteTableSql.names(sql).stream().anyMatch(n -> any.contains(lower(n)));
  }

  private static String lower(String name) {
    return name.toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the inspector reads this expression index into the table (then it is no dependent). */
  private boolean readable(QualifiedName table, Dependent index) throws SQLException {
    int keys = 0;
    try (ResultSet rs = pragma("index_info", index.name(), table)) {
      while (rs.next()) {
        keys++;
      }
    }
    return keys > 0 && SqliteTableSql.indexKeys(index.sql()).size() == keys;
  }

  private boolean hasExpression(QualifiedName table, String index) throws SQLException {
    try (ResultSet rs = pragma("index_info", index, table)) {
      while (rs.next()) {
        if (rs.getString("name") == null) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A PRAGMA as a table-valued function, so that names are bound as parameters rather than quoted
   * into the text (https://www.sqlite.org/pragma.html#pragfunc). The result set closes its
   * statement.
   */
  private ResultSet pragma(String pragma, String argument, QualifiedName scope)
      throws SQLException {
    PreparedStatement st =
        connection.prepareStatement(
            "SELECT * FROM pragma_"
                + pragma
                + "(?"
                + (scope.schema().isPresent() ? ", ?" : "")
                + ")");
    st.closeOnCompletion();
    st.setString(1, argument);
    if (scope.schema().isPresent()) {
      st.setString(2, scope.schema().get());
    }
    return st.executeQuery();
  }

  private String master(QualifiedName scope) {
    return scope.schema().map(s -> dialect.quote(s) + ".").orElse("") + "sqlite_master";
  }
}
