package dev.retort.dialect.mysql;

import dev.retort.dialect.Catalog;
import dev.retort.error.DatabaseException;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the renderer asks of the live database while a migration runs: a table as it is now (to
 * restate a column, which MySQL changes whole), whether an index exists, and which server this is.
 * The reading is {@link MySqlInspector}'s.
 */
final class MySqlCatalog implements Catalog {
  private final Connection connection;
  private MySqlServer server;

  MySqlCatalog(Connection connection) {
    this.connection = connection;
  }

  /** The server, read once. */
  MySqlServer server() {
    if (server == null) {
      server = MySqlServer.read(connection);
    }
    return server;
  }

  @Override
  public Optional<Table> table(QualifiedName name) {
    try {
      return MySqlInspector.table(connection, server(), name);
    } catch (SQLException e) {
      throw new DatabaseException(
          "Cannot read table " + name + " from information_schema: " + e.getMessage(), e);
    }
  }

  /**
   * Whether the table has an index of this name, including the one InnoDB made for a foreign key,
   * which {@link #table} leaves out.
   */
  boolean hasIndex(QualifiedName table, String index) {
    try (PreparedStatement st =
        connection.prepareStatement(
            MySqlCatalogQueries.oneTable(MySqlCatalogQueries.INDEXES, true, "TABLE_NAME"))) {
      st.setString(1, table.schema().orElse(null));
      st.setString(2, table.name());
      st.setString(3, table.name());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(2).equalsIgnoreCase(index)) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new DatabaseException(
          "Cannot read the indexes of "
              + table
              + " from "
              + "information_schema: "
              + e.getMessage(),
          e);
    }
  }
}
