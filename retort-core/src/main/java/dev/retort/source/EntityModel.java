package dev.retort.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What reading JPA entities into a schema needs: which entities, where their classes are, how
 * Hibernate names things, and the database they are meant for.
 *
 * @param targets packages (sub-packages included) and fully qualified class names
 * @param classpath the {@code schema-classpath} setting as written: directories and jars separated
 *     by the platform's path separator, {@code dir/*} for every jar in {@code dir}; empty for the
 *     class loader of the calling thread
 * @param projectDir what relative classpath entries are resolved against
 * @param naming {@code hibernate} or {@code spring}; empty to decide by the class path
 * @param properties Hibernate settings passed through ({@code hibernate.default_schema} ...)
 * @param dialect Retort's dialect name: {@code postgresql}, {@code mysql}, {@code sqlite}
 * @param product the database product as the JDBC driver names it ({@code PostgreSQL}, {@code
 *     MariaDB}, {@code MySQL}, {@code SQLite})
 * @param majorVersion the server's major version
 * @param minorVersion the server's minor version
 */
public record EntityModel(
    List<String> targets,
    String classpath,
    Path projectDir,
    Optional<String> naming,
    Map<String, String> properties,
    String dialect,
    String product,
    int majorVersion,
    int minorVersion) {
  public EntityModel {
    targets = List.copyOf(targets);
    requireNonNull(classpath, "classpath");
    requireNonNull(projectDir, "projectDir");
    requireNonNull(naming, "naming");
    properties = Map.copyOf(properties);
    requireNonNull(dialect, "dialect");
    requireNonNull(product, "product");
  }
}
