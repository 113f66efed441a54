package dev.retort;

import dev.retort.runtime.Direction;
import dev.retort.runtime.DirtyRevision;

/**
 * A migration whose last run outside a transaction did not finish, so that the statements before
 * the one it stopped at stay applied: it failed there, or it was cut off (killed, its connection
 * lost) while that statement ran. Runs refuse to go on until the migration is fixed (then the next
 * run resumes at that statement), resume a run that was cut off, or the state is declared with
 * {@code stamp}.
 *
 * @param revision the revision id
 * @param upgrade whether the run was an upgrade (else a downgrade)
 * @param failedStatement the 1-based index of the statement that failed or was running; those
 *     before it ran
 * @param message the database's message, or a note that the run was cut off
 * @param interrupted whether the run was cut off: the statement may or may not have run
 */
public record DirtyMigration(
    String revision, boolean upgrade, int failedStatement, String message, boolean interrupted) {

  /** One line, as {@code retort current} prints it. */
  public String describe() {
    String verb = upgrade ? "upgrade" : "downgrade";
    return revision
        + (interrupted
            ? " (dirty: "
                + verb
                + " cut off at statement "
                + failedStatement
                + ", which may or may not"
                + " have run; statements before it stay applied)"
            : " (dirty: "
                + verb
                + " failed at statement "
                + failedStatement
                + "; statements before it stay applied)");
  }

  static DirtyMigration from(DirtyRevision d) {
    return new DirtyMigration(
        d.revision(),
        d.direction() != Direction.DOWN,
        d.failedStatement(),
        d.message(),
        d.interrupted());
  }
}
