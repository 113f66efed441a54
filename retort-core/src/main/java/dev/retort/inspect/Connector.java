package dev.retort.inspect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens another connection with the project's credentials: for a dialect whose scratch copy is a
 * database of its own on the same server, which a connection to the live database cannot reach.
 */
@FunctionalInterface
public interface Connector {
  /** A new connection to {@code jdbcUrl}, which the caller closes. */
  Connection open(String jdbcUrl) throws SQLException;
}
