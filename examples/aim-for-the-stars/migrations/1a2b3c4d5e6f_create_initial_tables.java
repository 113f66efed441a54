import static dev.retort.schema.ColumnType.*;
import static dev.retort.schema.ReferentialAction.CASCADE;

import dev.retort.migration.Migration;
import dev.retort.migration.Revision;
import dev.retort.ops.Operations;

/**
 * The first schema of Aim for the Stars: users, their diary entries, daily statistics and goals.
 * The tables start with singular names; 033faf89f4e5 renames them.
 */
@Revision(id = "1a2b3c4d5e6f", message = "create initial tables", created = "2026-01-10T09:00:00Z")
final class CreateInitialTables implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.createTable("user", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("email", varchar(120)).notNull().unique();
      t.column("password", varchar(128)).notNull();
      t.column("user_name", varchar(200));
      t.column("created_at", timestamp()).notNull().defaultExpr("CURRENT_TIMESTAMP");
    });
    op.createTable("diary_entry", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("user_id", integer()).notNull().references("user", "id").onDelete(CASCADE);
      t.column("entry_date", date()).notNull();
      t.column("content", text());
      t.column("behavior_rating", integer());
      t.column("created_at", timestamp()).notNull().defaultExpr("CURRENT_TIMESTAMP");
      t.check("ck_diary_entry_rating", "behavior_rating BETWEEN 1 AND 10");
    });
    op.createTable("daily_stat", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("user_id", integer()).notNull().references("user", "id").onDelete(CASCADE);
      t.column("stat_date", date()).notNull();
      t.column("entries_count", integer()).notNull().defaultValue(0);
      t.column("streak", integer()).notNull().defaultValue(0);
      t.column("average_rating", numeric(4, 2));
      t.unique("uq_daily_stat_user_date", "user_id", "stat_date");
    });
    op.createTable("goal", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("user_id", integer()).notNull().references("user", "id").onDelete(CASCADE);
      t.column("title", varchar(200)).notNull();
      t.column("description", text());
      t.column("target_value", integer());
      t.column("progress", integer()).notNull().defaultValue(0);
      t.column("completed", bool()).notNull().defaultValue(false);
      t.column("created_at", timestamp()).notNull().defaultExpr("CURRENT_TIMESTAMP");
    });
    op.createIndex("ix_diary_entry_user_id", "diary_entry", "user_id");
    op.createIndex("ix_diary_entry_entry_date", "diary_entry", "entry_date");
    op.createIndex("ix_daily_stat_user_id", "daily_stat", "user_id");
    op.createIndex("ix_goal_user_id", "goal", "user_id");
  }

  @Override
  public void downgrade(Operations op) {
    // Dropping a table drops its indexes. Dropping them first would fail on MariaDB/MySQL, where
    // InnoDB keeps the index a foreign key uses.
    op.dropTable("goal");
    op.dropTable("daily_stat");
    op.dropTable("diary_entry");
    op.dropTable("user");
  }
}
