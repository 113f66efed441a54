package dev.retort.dialect;

/**
 * What a database can do, asked by shared code instead of asking which database it is.
 *
 * @param transactionalDdl DDL takes part in transactions, so a failed migration rolls back whole
 * @param batchesStatements a migration's statements may go to the server as one JDBC batch with its
 *     version and history rows and its {@code COMMIT}: the driver sends a batch in one round trip,
 *     and the server can time the step ({@link Dialect#transactionMillisSql}). A refused batch is
 *     rolled back and the migration run again statement by statement, so errors still name the
 *     statement. Only for dialects whose renderer never reads the live catalog.
 * @param connectingChangesNothing opening a connection leaves the database as it was, so that
 *     Retort may connect while it still reads the migrations directory and close the connection
 *     unused when that fails (SQLite creates a missing database file on connect)
 */
public record Capabilities(
    boolean transactionalDdl, boolean batchesStatements, boolean connectingChangesNothing) {}
