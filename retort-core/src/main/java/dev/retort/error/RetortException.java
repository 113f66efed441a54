package dev.retort.error;

/**
 * The base of every error Retort reports on purpose. Its message is written for the user: it says
 * what failed, where (file, line, revision, statement) and, when there is one, what to do next.
 */
public class RetortException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ExitCode exitCode;

  public RetortException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public RetortException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** How the command line should exit when this error reaches it. */
  public ExitCode exitCode() {
    return exitCode;
  }
}
