package dev.retort.jpa;

import dev.retort.schema.Schema;

/** The adapter's entry point, seen from Retort's side of the class loader bridge. */
public interface SchemaReader {
  /** The schema Hibernate's boot metamodel describes for {@code request}. */
  Schema read(BootRequest request);
}
