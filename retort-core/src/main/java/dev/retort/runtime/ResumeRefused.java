package dev.retort.runtime;

import dev.retort.error.UsageException;
import dev.retort.text.Inert;

/**
 * A resumed run found that a statement before its resume point is not the one that ran: the file
 * was edited above the point where the earlier run stopped. Thrown before any statement of the step
 * runs, so the database is unchanged. Exit code 2.
 */
final class ResumeRefused extends UsageException {
  private static final long serialVersionUID = 1L;
  final int statement;

  ResumeRefused(int statement, String location, String sql) {
    super(
        "statement "
            + statement
            + (location.isEmpty() ? "" : " (" + location + ")")
            + " is not the statement that ran there before the earlier run stopped: the migration was "
            + "edited above its resume point, so what the database holds is no longer what the file "
            + "says. Restore the statements before the resume point, or repair the database by hand "
            + "and stamp the revision it then matches, which declares where it stands. The statement "
            + "now reads: "
            + Inert.text(abbreviate(sql.strip())));
    this.statement = statement;
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }
}
