package dev.retort.error;

/**
 * A migration failed while running. The message names the revision, the statement and the
 * database's own message; the version table still matches what was committed. Exit code 3.
 */
public class MigrationFailedException extends DatabaseException {
  private static final long serialVersionUID = 1L;
  private final String revision;
  private final String statement;

  public MigrationFailedException(
      String revision, String statement, String message, Throwable cause) {
    super(message, cause);
    this.revision = revision;
    this.statement = statement;
  }

  /** The revision whose step failed. */
  public String revision() {
    return revision;
  }

  /** The statement the database refused, or an empty string when the failure was not in SQL. */
  public String statement() {
    return statement;
  }
}
