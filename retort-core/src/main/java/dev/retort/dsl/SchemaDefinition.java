package dev.retort.dsl;

/**
 * The desired schema, written in Java: the file the {@code schema} setting names. Retort compiles
 * it at run time (cached like migrations) and calls {@link #define}.
 *
 * <pre>{@code
 * import static dev.retort.schema.ColumnType.*;
 * import static dev.retort.schema.ReferentialAction.CASCADE;
 *
 * import dev.retort.dsl.SchemaBuilder;
 * import dev.retort.dsl.SchemaDefinition;
 *
 * public final class AppSchema implements SchemaDefinition {
 *   public void define(SchemaBuilder s) {
 *     s.table("users", t -> {
 *       t.column("id", integer()).primaryKey().autoIncrement();
 *       t.column("email", varchar(255)).notNull().unique();
 *     });
 *     s.table("worlds", t -> {
 *       t.column("id", integer()).primaryKey().autoIncrement();
 *       t.column("user_id", integer()).notNull().references("users", "id").onDelete(CASCADE);
 *       t.column("metadata", s.isSqlite() ? text() : jsonb());
 *     }).renamedFrom("world");
 *   }
 * }
 * }</pre>
 */
public interface SchemaDefinition {
  /** Declares every table of the schema on {@code schema}. */
  void define(SchemaBuilder schema);
}
