package dev.retort.runtime;

import java.sql.SQLException;

/** A statement the database refused, carried out of the migration code to the runner. */
final class StatementFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final String statement;
  final String location;

  StatementFailure(String statement, String location, SQLException cause) {
    super(cause.getMessage(), cause);
    this.statement = statement;
    this.location = location;
  }
}
