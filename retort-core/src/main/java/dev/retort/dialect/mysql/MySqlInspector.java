package dev.retort.dialect.mysql;

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
 * Reads the tables of the current MySQL/MariaDB database through {@link MySqlCatalog}, one table
 * at a time: a first cut, correct but not yet set-based like the PostgreSQL inspector.
 */
final class MySqlInspector implements Inspector {
  @Override
  public Schema inspect(Connection c, InspectOptions options) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE "
            + "table_schema = database() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      while (rs.next()) {
        if (!options.excludeTables().contains(rs.getString(1))) {
          names.add(rs.getString(1));
        }
      }
    }
    MySqlCatalog catalog = new MySqlCatalog(c);
    List<Table> tables = new ArrayList<>();
    for (String name : names) {
      catalog.table(QualifiedName.of(name)).ifPresent(tables::add);
    }
    return new Schema(tables);
  }
}
