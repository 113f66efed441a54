import dev.retort.migration.Migration;
import dev.retort.migration.Revision;
import dev.retort.ops.Operations;

/**
 * Table names become snake_case plurals. Foreign keys follow their tables on every supported
 * database, so no constraint needs recreating and no row moves.
 */
@Revision(id = "033faf89f4e5", revises = "bc311ce7dcf8",
    message = "rename tables to snake_case plural", created = "2026-01-20T15:30:00Z")
final class RenameTablesToSnakeCasePlural implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.renameTable("user", "users");
    op.renameTable("diary_entry", "diary_entries");
    op.renameTable("daily_stat", "daily_stats");
    op.renameTable("goal", "goals");
  }

  @Override
  public void downgrade(Operations op) {
    op.renameTable("goals", "goal");
    op.renameTable("daily_stats", "daily_stat");
    op.renameTable("diary_entries", "diary_entry");
    op.renameTable("users", "user");
  }
}
