package dev.retort.migration;

import dev.retort.ops.Operations;

/**
 * A migration written in Java. Retort compiles pending migrations at run time (or finds them
 * compiled on the classpath) and calls {@link #upgrade} or {@link #downgrade} with an {@link
 * Operations} bound to the database, or to an offline script for {@code --sql}.
 *
 * <pre>{@code
 * import static dev.retort.schema.ColumnType.*;
 *
 * import dev.retort.migration.Migration;
 * import dev.retort.migration.Revision;
 * import dev.retort.ops.Operations;
 *
 * @Revision(id = "bc311ce7dcf8", revises = "1a2b3c4d5e6f", message = "widen password")
 * final class WidenPassword implements Migration {
 *   public void upgrade(Operations op) {
 *     op.alterColumn("users", "password", c -> c.existingType(varchar(128)).type(varchar(255)));
 *   }
 *   public void downgrade(Operations op) {
 *     op.alterColumn("users", "password", c -> c.existingType(varchar(255)).type(varchar(128)));
 *   }
 * }
 * }</pre>
 */
public interface Migration {
  /** Brings the schema forward to this revision. */
  void upgrade(Operations op) throws Exception;

  /** Takes the schema back to the parent revision(s). */
  void downgrade(Operations op) throws Exception;
}
