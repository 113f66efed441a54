package dev.retort.ops;

import java.sql.Connection;

/**
 * Where {@link Operations} sends each op as the migration produces it: the runner renders and
 * executes it at once (so data code on the connection sees the schema as the ops before it left
 * it), an offline run writes it to the script, a test collects it.
 */
public interface OpSink {
  /** Takes one op. */
  void accept(Op op);

  /**
   * The live connection, inside the migration's transaction when it has one.
   *
   * @throws dev.retort.error.UsageException in an offline run, which has no database
   */
  Connection connection();

  /** Whether this run writes a script instead of touching a database. */
  boolean isOffline();

  /** The dialect's short name ({@code postgresql}, {@code sqlite}), for code that must differ. */
  String dialectName();
}
