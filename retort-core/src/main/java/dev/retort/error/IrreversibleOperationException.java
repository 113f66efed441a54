package dev.retort.error;

/** An operation was asked for its inverse but does not carry what the inverse needs. */
public class IrreversibleOperationException extends UsageException {
  private static final long serialVersionUID = 1L;

  public IrreversibleOperationException(String message) {
    super(message);
  }
}
