import static dev.retort.schema.ColumnType.*;
import static dev.retort.schema.ReferentialAction.CASCADE;

import dev.retort.dsl.SchemaBuilder;
import dev.retort.dsl.SchemaDefinition;

/**
 * The schema the three migrations arrive at: the tables of 1a2b3c4d5e6f with the wider password
 * of bc311ce7dcf8, under the snake_case plural names of 033faf89f4e5. Renaming a table keeps the
 * names of its indexes and constraints, so they keep their first names here too. PostgreSQL keeps
 * the rating check as it reads BETWEEN back; SQLite and MariaDB keep the words as written.
 */
public final class AimSchema implements SchemaDefinition {
  @Override
  public void define(SchemaBuilder s) {
    s.table("users", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("email", varchar(120)).notNull();
      t.column("password", varchar(255)).notNull();
      t.column("user_name", varchar(200));
      t.column("created_at", timestamp()).notNull().defaultExpr("CURRENT_TIMESTAMP");
      t.unique("user_email_key", "email");
    });
    s.table("diary_entries", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("user_id", integer()).notNull();
      t.column("entry_date", date()).notNull();
      t.column("content", text());
      t.column("behavior_rating", integer());
      t.column("created_at", timestamp()).notNull().defaultExpr("CURRENT_TIMESTAMP");
      t.foreignKey("diary_entry_user_id_fkey", "user_id").references("users", "id").onDelete(CASCADE);
      t.check("ck_diary_entry_rating", s.isPostgres()
          ? "behavior_rating >= 1 AND behavior_rating <= 10" : "behavior_rating BETWEEN 1 AND 10");
      t.index("ix_diary_entry_user_id", "user_id");
      t.index("ix_diary_entry_entry_date", "entry_date");
    });
    s.table("daily_stats", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("user_id", integer()).notNull();
      t.column("stat_date", date()).notNull();
      t.column("entries_count", integer()).notNull().defaultValue(0);
      t.column("streak", integer()).notNull().defaultValue(0);
      t.column("average_rating", numeric(4, 2));
      t.foreignKey("daily_stat_user_id_fkey", "user_id").references("users", "id").onDelete(CASCADE);
      t.unique("uq_daily_stat_user_date", "user_id", "stat_date");
      t.index("ix_daily_stat_user_id", "user_id");
    });
    s.table("goals", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("user_id", integer()).notNull();
      t.column("title", varchar(200)).notNull();
      t.column("description", text());
      t.column("target_value", integer());
      t.column("progress", integer()).notNull().defaultValue(0);
      t.column("completed", bool()).notNull().defaultValue(false);
      t.column("created_at", timestamp()).notNull().defaultExpr("CURRENT_TIMESTAMP");
      t.foreignKey("goal_user_id_fkey", "user_id").references("users", "id").onDelete(CASCADE);
      t.index("ix_goal_user_id", "user_id");
    });
  }
}
