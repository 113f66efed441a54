/*
 * Renames the tables to snake_case plural. Not the annotation: @Revision(id = "nope").
 */
package migrations;

import static dev.retort.ops.Types.varchar;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;

// @Revision(id = "commented_out")
/** Javadoc mentioning {@link dev.retort.migration.Revision @Revision}. */
@SuppressWarnings("unused")
@dev.retort.migration.Revision(
    id = "033faf89f4e5",
    revises = {"bc311ce7dcf8", "4c1d2e3f4a5b",}, // a merge
    branchLabels = "naming",
    dependsOn = {},
    message = "rename \"tables\" to snake_case \\ plural, caf\u00e9, " + "second part",
    transactional = false,
    created = "2026-01-13T10:00:00Z")
public final class RenameTables implements Migration {
  private static final String NOTE = "@Revision(id = \"inside_body\")";

  public void upgrade(Operations op) {
    op.renameTable("DiaryEntry", "diary_entries");
  }

  public void downgrade(Operations op) {
    op.renameTable("diary_entries", "DiaryEntry");
  }
}
