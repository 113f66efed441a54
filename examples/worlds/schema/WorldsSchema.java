import static dev.retort.schema.ColumnType.*;
import static dev.retort.schema.ReferentialAction.CASCADE;

import dev.retort.dsl.SchemaBuilder;
import dev.retort.dsl.SchemaDefinition;

/**
 * The schema of the worlds app: users sign in (optionally with WebAuthn), own worlds, and fill
 * them with elements whose metadata is free-form JSON (JSONB on PostgreSQL, JSON text on SQLite).
 * Change it, then run 'retort revision --autogenerate -m "..."'.
 */
public final class WorldsSchema implements SchemaDefinition {
  @Override
  public void define(SchemaBuilder s) {
    s.table("users", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("email", varchar(255)).notNull().unique();
      t.column("username", varchar(80)).unique();
      t.column("password_hash", varchar(255)).notNull();
      t.column("webauthn_credentials", jsonb());
      t.column("created_at", timestamp()).notNull().defaultExpr("CURRENT_TIMESTAMP");
    });
    s.table("worlds", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("user_id", integer()).notNull().references("users", "id").onDelete(CASCADE);
      t.column("name", varchar(200)).notNull();
      t.column("metadata", jsonb());
      t.column("created_at", timestamp()).notNull().defaultExpr("CURRENT_TIMESTAMP");
      t.index("ix_worlds_user_id", "user_id");
    });
    s.table("world_elements", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("world_id", integer()).notNull().references("worlds", "id").onDelete(CASCADE);
      t.column("kind", varchar(50)).notNull();
      t.column("metadata", jsonb());
      t.column("user_id", integer()).references("users", "id").onDelete(CASCADE);
      t.index("ix_world_elements_world_id", "world_id");
    });
    s.table("user_preferences", t -> {
      t.column("id", integer()).primaryKey().autoIncrement();
      t.column("user_id", integer()).notNull().unique().references("users", "id").onDelete(CASCADE);
      t.column("theme", varchar(20)).notNull().defaultValue("light");
      t.column("language", varchar(10)).notNull().defaultValue("en");
      t.column("email_notifications", bool()).notNull().defaultValue(true);
      t.column("items_per_page", integer()).notNull().defaultValue(20);
      t.column("created_at", timestamp()).notNull().defaultExpr("CURRENT_TIMESTAMP");
      t.column("updated_at", timestamp()).notNull().defaultExpr("CURRENT_TIMESTAMP");
    });
  }
}
