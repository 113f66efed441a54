package dev.retort.maven;

import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the settings, read as the command line reads them ({@code
 * retort.properties}, {@code .env}, {@code RETORT_*} in the project's directory), then the POM's
 * {@code <configuration>}, then {@code -Dretort.<key>=value} on the command line, each overriding
 * the one before; and with {@code schema=jpa:...} and no {@code schema-classpath}, the project's
 * compiled classes and runtime dependencies as the schema class path (in a class loader of their
 * own, see retort-jpa).
 */
abstract class AbstractRetortMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /** The database URL (JDBC, {@code postgresql://...}, {@code sqlite:///file}). */
  @Parameter(property = "retort.url")
  String url;

  @Parameter(property = "retort.user")
  String user;

  /** The database password; never printed. */
  @Parameter(property = "retort.password")
  String password;

  /** The migrations directory, relative to the project (default {@code migrations}). */
  @Parameter(property = "retort.migrations")
  String migrations;

  /**
   * The desired schema: {@code jpa:PKG[,PKG|FQCN...]}, a {@code .java} definition or a {@code .sql}
   * file.
   */
  @Parameter(property = "retort.schema")
  String schema;

  /** The schema class path; default with {@code jpa:}, the project's runtime class path. */
  @Parameter(property = "retort.schema-classpath")
  String schemaClasspath;

  /** {@code hibernate} or {@code spring}; default by whether Spring Boot is on the class path. */
  @Parameter(property = "retort.jpa-naming")
  String jpaNaming;

  /** Hibernate settings passed through, as {@code jpa-property.<key>} in retort.properties. */
  @Parameter Map<String, String> jpaProperties;

  /** The settings file, relative to the project (default {@code retort.properties}). */
  @Parameter(property = "retort.config")
  File configFile;

  @Parameter(property = "retort.version-table")
  String versionTable;

  @Parameter(property = "retort.history-table")
  String historyTable;

  @Parameter(property = "retort.lock-timeout")
  String lockTimeout;

  /** Skips the goal. */
  @Parameter(property = "retort.skip", defaultValue = "false")
  boolean skip;

  /** Goal parameters that are no project settings. */
  private static final List<String> GOAL_KEYS =
      List.of(
          "target",
          "message",
          "autogenerate",
          "format",
          "skip",
          "config",
          "purge",
          "range",
          "output",
          "rev-id",
          "head",
          "verbose",
          "downgrade");

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("retort: skipped");
      return;
    }
    try {
      run(retort());
    } catch (RetortException e) {
      String message = "retort: " + e.getMessage();
      if (e.exitCode() == ExitCode.DATABASE) {
        throw new MojoExecutionException(message, e);
      }
      throw new MojoFailureException(message, e);
    }
  }

  /** The goal's work. */
  abstract void run(Retort retort) throws MojoFailureException, MojoExecutionException;

  /** The facade over the project's settings. */
  Retort retort() throws MojoExecutionException {
    RetortConfig.Builder b =
        Retort.configure()
            .projectDir(project.getBasedir().toPath())
            .progress(line -> getLog().info(line));
    if (configFile != null) {
      b.configFile(configFile.toPath());
    }
    Map<String, String> pom = new LinkedHashMap<>();
    put(pom, "url", url);
    put(pom, "user", user);
    put(pom, "password", password);
    put(pom, "migrations", migrations);
    put(pom, "schema", schema);
    put(pom, "schema-classpath", schemaClasspath);
    put(pom, "jpa-naming", jpaNaming);
    put(pom, "version-table", versionTable);
    put(pom, "history-table", historyTable);
    put(pom, "lock-timeout", lockTimeout);
    if (jpaProperties != null) {
      jpaProperties.forEach((k, v) -> put(pom, "jpa-property." + k, v));
    }
    // -Dretort.<key> beats the POM's configuration, as it does for Flyway's plugin
    Properties cli = session.getUserProperties();
    for (String name : cli.stringPropertyNames()) {
      String key = name.substring(name.indexOf('.') + 1);
      if (name.startsWith("retort.") && !GOAL_KEYS.contains(key)) {
        pom.put(key, cli.getProperty(name));
      }
    }
    pom.forEach(b::setting);
    RetortConfig config = b.build();
    config.warnings().forEach(w -> getLog().warn(w));
    boolean jpa =
        config.schema().map(s -> s instanceof dev.retort.source.SchemaSource.Jpa).orElse(false);
    if (jpa && config.setting("schema-classpath").isEmpty()) {
      b.setting("schema-classpath", projectClasspath());
      config = b.build();
    }
    return Retort.of(config);
  }

  /** The project's compiled classes and runtime dependencies. */
  private String projectClasspath() throws MojoExecutionException {
    try {
      return String.join(File.pathSeparator, project.getRuntimeClasspathElements());
    } catch (org.apache.maven.artifact.DependencyResolutionRequiredException e) {
      throw new MojoExecutionException(
          "retort: the project's dependencies are not resolved: " + e.getMessage(), e);
    }
  }

  private static void put(Map<String, String> m, String key, String value) {
    if (value != null && !value.isBlank()) {
      m.put(key, value);
    }
  }
}
