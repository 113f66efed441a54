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

  /** Set by {@link Secrets#scrub(RuntimeException)}: what to show instead of the original. */
  private String redactedMessage;

  private Throwable redactedCause;
  private boolean redacted;

  void redact(String message, Throwable cause) {
    this.redactedMessage = message;
    this.redactedCause = cause;
    this.redacted = true;
  }

  @Override
  public String getMessage() {
    return redacted ? redactedMessage : super.getMessage();
  }

  @Override
  public synchronized Throwable getCause() {
    return redacted ? redactedCause : super.getCause();
  }

  /** How the command line should exit when this error reaches it. */
  public ExitCode exitCode() {
    return exitCode;
  }
}
