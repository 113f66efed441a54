package dev.retort.dialect.sqlite;

import dev.retort.inspect.InspectOptions;
import dev.retort.inspect.Inspector;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every table of an SQLite database through {@link SqliteCatalog}. SQLite runs in process, so
 * its per-table PRAGMA calls cost no network round trips.
 */
final class SqliteInspector implements Inspector {
  private final SqliteDialect dialect;

  SqliteInspector(SqliteDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public Schema inspect(Connection c, InspectOptions options) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
            + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
      while (rs.next()) {
        if (!options.excludeTables().contains(rs.getString(1))) {
          names.add(rs.getString(1));
        }
      }
    }
    SqliteCatalog catalog = new SqliteCatalog(c, dialect);
    List<Table> tables = new ArrayList<>();
    for (String name : names) {
      catalog.table(QualifiedName.of(name)).ifPresent(tables::add);
    }
    return new Schema(tables);
  }
}
