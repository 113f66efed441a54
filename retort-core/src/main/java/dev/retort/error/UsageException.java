package dev.retort.error;

/** Bad usage or bad input: a malformed file, an unknown option value, a wrong URL. Exit code 2. */
public class UsageException extends RetortException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(ExitCode.USAGE, message);
  }

  public UsageException(String message, Throwable cause) {
    super(ExitCode.USAGE, message, cause);
  }
}
