package dev.retort.dialect;

import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Everything Retort needs to know about one database family. Shared code asks a dialect's {@link
 * #capabilities()}, never its name. New dialects arrive through {@link java.util.ServiceLoader}
 * (see {@link Dialects}).
 */
public interface Dialect {

  /** A short lower-case name for messages: {@code postgresql}, {@code sqlite}. */
  String name();

  /** Whether this dialect serves a JDBC URL, e.g. one starting with {@code jdbc:postgresql:}. */
  boolean accepts(String jdbcUrl);

  /** What the database can do. */
  Capabilities capabilities();

  /**
   * A renderer that may consult {@code catalog} (SQLite table rebuilds do). On a live run, pass
   * {@link #catalog(Connection)} and render each op just before executing it: a rebuild is planned
   * from the table as it is at that moment, including changes made by the step's earlier ops. An
   * offline run passes {@link Catalog#NONE}, and ops that need a rebuild then fail with a {@link
   * dev.retort.error.UsageException} saying so.
   */
  Renderer renderer(Catalog catalog);

  /** A catalog reading the live database through {@code connection}. */
  Catalog catalog(Connection connection);

  /**
   * Reads the live database into a schema model, for autogenerate and {@code check}.
   *
   * @throws dev.retort.error.UsageException for a dialect that cannot inspect yet
   */
  default dev.retort.inspect.Inspector inspector() {
    throw new dev.retort.error.UsageException(
        "reading the schema of a " + name() + " database is not supported yet");
  }

  /**
   * Loads a desired schema into a scratch copy that leaves nothing behind, and inspects it: the way
   * a desired-state {@code schema.sql} becomes a {@link dev.retort.schema.Schema}.
   *
   * @param live the connection to the real database, for dialects whose scratch copy lives there
   */
  default dev.retort.schema.Schema inspectScratch(
      Connection live, dev.retort.inspect.ScratchLoader loader) throws SQLException {
    throw new dev.retort.error.UsageException(
        "a desired-state SQL schema is not supported on " + name() + " yet");
  }

  /**
   * The same, knowing what the loader will run and how to open another connection: a dialect may
   * then choose where the copy lives (PostgreSQL takes a database of its own when the statements
   * name the live database's schemas or change the search path). The default ignores both.
   *
   * @param statements the statements {@code loader} runs, in order
   * @param connector opens a connection with the project's credentials; null when there is none
   */
  default dev.retort.schema.Schema inspectScratch(
      Connection live,
      dev.retort.inspect.ScratchLoader loader,
      List<String> statements,
      dev.retort.inspect.Connector connector)
      throws SQLException {
    return inspectScratch(live, loader);
  }

  /**
   * Rewrites a schema into this database's canonical form; the inspected and the desired schema
   * both go through it before they are compared. The default changes nothing.
   */
  default dev.retort.diff.Normalizer normalizer() {
    return dev.retort.diff.Normalizer.NONE;
  }

  /** The lock that serialises concurrent runs. */
  MigrationLock lock();

  /** The identifier as the database must see it: quoted when needed, with quotes escaped. */
  String quote(String identifier);

  /** A qualified name, each part through {@link #quote(String)}. */
  default String quote(QualifiedName name) {
    return name.schema().map(s -> quote(s) + ".").orElse("") + quote(name.name());
  }

  /** A value as an SQL literal, for offline scripts: strings quoted and escaped, NULL as NULL. */
  String literal(Object value);

  /** How this database reads quotes and comments, to tell a {@code ?} placeholder from text. */
  default Sql.Lexis lexis() {
    return Sql.Lexis.STANDARD;
  }

  /** Statements that create the version and history tables if they do not exist yet. */
  List<Sql> createVersionTables(QualifiedName versionTable, QualifiedName historyTable);

  /**
   * Whether an op cannot run inside a transaction block (PostgreSQL's {@code CREATE INDEX
   * CONCURRENTLY}); a migration containing one then runs in autocommit, as if marked {@code
   * transactional false}.
   */
  default boolean requiresAutocommit(dev.retort.ops.Op op) {
    return false;
  }

  /**
   * The same, knowing the server's major version (0 when unknown, as in an offline script); for ops
   * that only old servers refuse inside a transaction.
   */
  default boolean requiresAutocommit(dev.retort.ops.Op op, int serverMajorVersion) {
    return requiresAutocommit(op);
  }

  /**
   * Prepares the connection before a migration's transaction begins, in autocommit mode (SQLite
   * switches foreign key enforcement off here, which it ignores inside a transaction). Call {@link
   * #beforeStep}, {@link #beforeCommit} and {@link #afterStep} of one step on the same dialect
   * instance: it may remember per-connection settings between them.
   */
  default void beforeStep(Connection connection) throws SQLException {}

  /**
   * Verifies the database just before a migration commits; throws to fail the migration (SQLite
   * runs {@code PRAGMA foreign_key_check} here).
   */
  default void beforeCommit(Connection connection) throws SQLException {}

  /**
   * Restores the connection after a migration has committed or rolled back, once autocommit is back
   * on; called even when the step failed.
   */
  default void afterStep(Connection connection) throws SQLException {}

  /**
   * An SQL expression for the whole milliseconds since the current transaction began, for the
   * history row of a batched migration: its statements have not run when the row is written, so
   * only the server can say how long they took. Needed where {@link Capabilities#batchesStatements}
   * is true.
   */
  default Optional<String> transactionMillisSql() {
    return Optional.empty();
  }

  /**
   * The class name of the JDBC driver that usually serves this dialect's URLs, when there is one:
   * Retort then loads and asks just that driver instead of {@link java.sql.DriverManager}, which
   * loads every driver on the class path. Empty, an absent class or a driver that declines the URL
   * falls back to {@code DriverManager}, so other drivers keep working.
   */
  default java.util.Optional<String> driverClass() {
    return java.util.Optional.empty();
  }

  /**
   * Called before connecting to {@code url}: what undoes the traces connecting alone leaves (an
   * empty SQLite file, its lock file), to run after the connection is closed. It removes them only
   * when nothing was written, so that a run refused after connecting leaves no database behind.
   */
  default Runnable forgetUnusedConnect(String url) {
    return () -> {};
  }

  /**
   * A cheaper way than {@link java.sql.DatabaseMetaData#getTables} to ask whether {@code table}
   * exists as a table where an unqualified name resolves: a query whose first row's first column is
   * true when it does. Empty (the default) means {@code getTables}.
   */
  default java.util.Optional<Sql> tableExistsQuery(QualifiedName table) {
    return java.util.Optional.empty();
  }
}
