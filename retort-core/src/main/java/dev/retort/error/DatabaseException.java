package dev.retort.error;

/** The database could not be reached, refused a statement, or held a lock too long. Exit code 3. */
public class DatabaseException extends RetortException {
  private static final long serialVersionUID = 1L;

  public DatabaseException(String message) {
    super(ExitCode.DATABASE, message);
  }

  public DatabaseException(String message, Throwable cause) {
    super(ExitCode.DATABASE, message, cause);
  }
}
