package dev.retort.runtime;

/**
 * A revision whose last run failed outside a transaction, so that the statements before the failing
 * one stay applied. Runs refuse to go on until the migration is fixed (then the next run resumes at
 * the failed statement) or the state is declared with {@code stamp}.
 *
 * @param revision the revision id
 * @param direction {@code up} or {@code down}
 * @param failedStatement the 1-based index of the statement that failed; those before it ran
 * @param checksum the file's checksum when it failed, to tell a fixed file from an unchanged one
 * @param message the database's message
 */
public record DirtyRevision(
    String revision, String direction, int failedStatement, String checksum, String message) {

  /** One line for {@code current}. */
  public String describe() {
    return revision + " (dirty: " + (direction.equals("down") ? "downgrade" : "upgrade")
        + " failed at statement " + failedStatement + "; statements before it stay applied)";
  }
}
