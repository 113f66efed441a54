package dev.retort.error;

/**
 * The process exit codes of the command line, shared by every error so that scripts can branch on
 * them.
 */
public enum ExitCode {
  /** Success. */
  OK(0),
  /** A check failed: drift between database and definition, a verification or lint finding. */
  CHECK_FAILED(1),
  /** Bad usage or bad input: the message says what and where. Nothing was changed. */
  USAGE(2),
  /** The database refused or could not be reached. */
  DATABASE(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The numeric process exit status. */
  public int code() {
    return code;
  }
}
