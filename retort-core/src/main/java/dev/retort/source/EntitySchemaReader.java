package dev.retort.source;

/**
 * Reads entity classes into Retort's schema model: the service the {@code retort-jpa} module
 * provides (through {@link java.util.ServiceLoader}), so that the core needs no JPA or Hibernate
 * class and loads none unless the desired schema is {@code jpa:}.
 */
public interface EntitySchemaReader {

  /**
   * The schema the entities describe, for the database {@code model} names, with the rows some of
   * its tables must start with ({@link InitialRows}): what the entities' own schema creation would
   * insert.
   *
   * @throws dev.retort.error.RetortException with exit code 2 when the classes cannot be read: the
   *     message names the class, package or jar and gives Hibernate's own reason
   */
  DesiredSchema.Desired read(EntityModel model);
}
