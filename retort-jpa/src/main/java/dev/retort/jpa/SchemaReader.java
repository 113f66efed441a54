package dev.retort.jpa;

import dev.retort.source.DesiredSchema;

/** The adapter's entry point, seen from Retort's side of the class loader bridge. */
public interface SchemaReader {
  /**
   * The schema Hibernate's boot metamodel describes for {@code request}, with the rows its schema
   * creation inserts.
   */
  DesiredSchema.Desired read(BootRequest request);
}
