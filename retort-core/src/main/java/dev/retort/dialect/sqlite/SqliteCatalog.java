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
import java.util.List;
import java.util.Optional;

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
   * The triggers on the table, the views that mention it, and the indexes on expressions whose
   * statement the inspector cannot read into the table: what a rebuild must drop or recreate
   * besides the table, per step 3 of https://www.sqlite.org/lang_altertable.html#otheralter.
   */
  List<Dependent> dependents(QualifiedName table) {
    String sql =
        "SELECT type, name, sql FROM "
            + master(table)
            + " WHERE sql IS NOT NULL AND ("
            + "(type = 'trigger' AND tbl_name = ? COLLATE NOCASE)"
            + " OR (type = 'view' AND instr(lower(sql), lower(?)) > 0)"
            + " OR (type = 'index' AND tbl_name = ? COLLATE NOCASE)) ORDER BY type, name";
    List<Dependent> out = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setString(1, table.name());
      st.setString(2, table.name());
      st.setString(3, table.name());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Dependent d = new Dependent(rs.getString(1), rs.getString(2), rs.getString(3));
          if (!d.type().equals("index") || hasExpression(table, d.name()) && !readable(table, d)) {
            out.add(d);
          }
        }
      }
    } catch (SQLException e) {
      throw new DatabaseException(
          "Cannot read the triggers and views of " + table + ": " + e.getMessage(), e);
    }
    return out;
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
