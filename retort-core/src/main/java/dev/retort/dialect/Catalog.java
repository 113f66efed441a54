package dev.retort.dialect;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.util.Optional;

/**
 * What a renderer may look up about the database as it is now. SQLite needs it to rebuild a table
 * for changes its {@code ALTER TABLE} cannot make; other dialects render without it. An offline run
 * has no database, so its catalog knows nothing.
 */
@FunctionalInterface
public interface Catalog {
  /** A catalog that knows no tables: the offline case. */
  Catalog NONE = name -> Optional.empty();

  /** The table as it is in the database now, if it exists and can be read. */
  Optional<Table> table(QualifiedName name);

  /** Whether this catalog reads a live database (false for {@link #NONE}). */
  default boolean isLive() {
    return this != NONE;
  }
}
