package dev.retort;

import dev.retort.runtime.DirtyRevision;

/**
 * A migration whose last run failed outside a transaction, so that the statements before the
 * failing one stay applied. Runs refuse to go on until the migration is fixed (then the next run
 * resumes at the failed statement) or the state is declared with {@code stamp}.
 *
 * @param revision the revision id
 * @param upgrade whether the failed run was an upgrade (else a downgrade)
 * @param failedStatement the 1-based index of the statement that failed; those before it ran
 * @param message the database's message
 */
public record DirtyMigration(String revision, boolean upgrade, int failedStatement, String message) {

  /** One line, as {@code retort current} prints it. */
  public String describe() {
    return revision + " (dirty: " + (upgrade ? "upgrade" : "downgrade")
        + " failed at statement " + failedStatement + "; statements before it stay applied)";
  }

  static DirtyMigration from(DirtyRevision d) {
    return new DirtyMigration(d.revision(), !d.direction().equals("down"), d.failedStatement(),
        d.message());
  }
}
