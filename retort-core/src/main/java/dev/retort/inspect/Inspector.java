package dev.retort.inspect;

import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a live database into a {@link Schema}. Implementations read the whole schema with a fixed,
 * small number of set-based queries, however many tables there are: no round trip per table.
 */
public interface Inspector {
  Schema inspect(Connection connection, InspectOptions options) throws SQLException;
}
