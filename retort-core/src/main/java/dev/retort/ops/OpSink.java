package dev.retort.ops;

import java.sql.Connection;
import java.util.List;

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

  /**
   * A sink that appends every op to {@code into} and has no database: for code that wants to know
   * what a migration or a builder would do (codegen, the autocommit probe, tests). Its {@link
   * #connection()} throws {@link NoConnection}, which callers may catch to tell "the code wanted
   * the database" apart from other failures.
   */
  static OpSink recording(List<Op> into, String dialectName) {
    return new Recording(into, dialectName);
  }

  /** Thrown by a recording sink's {@link #connection()}. */
  final class NoConnection extends UnsupportedOperationException {
    NoConnection() {
      super("ops are being recorded: there is no database connection");
    }
  }
}
