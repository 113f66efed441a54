package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An installed PostgreSQL extension ("CREATE EXTENSION"). The version is not modelled: upgrading an
 * extension is {@code ALTER EXTENSION ... UPDATE}, written by hand.
 *
 * @param name the extension, as {@code pg_available_extensions} names it
 * @param schema the schema holding its objects; empty: the current schema
 */
public record Extension(String name, Optional<String> schema) {
  public Extension {
    requireNonNull(name, "name");
    requireNonNull(schema, "schema");
  }

  /** An extension in the current schema. */
  public static Extension of(String name) {
    return new Extension(name, Optional.empty());
  }
}
