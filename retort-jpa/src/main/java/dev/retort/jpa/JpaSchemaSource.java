package dev.retort.jpa;

import dev.retort.error.RetortException;
import dev.retort.error.UsageException;
import dev.retort.source.DesiredSchema;
import dev.retort.source.EntityModel;
import dev.retort.source.EntitySchemaReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JPA entities as the desired schema ({@code schema=jpa:...}): finds the entity classes on the
 * schema class path, and has the application's own Hibernate build its boot metamodel from them, in
 * a class loader of their own and without a database, for the dialect and server version of the
 * live connection. Found by the core through {@link java.util.ServiceLoader}; this class loads no
 * Hibernate class itself.
 */
public final class JpaSchemaSource implements EntitySchemaReader {
  private static final String ADAPTER = SchemaClassLoader.ADAPTER + "HibernateSchemaReader";

  /** Used by {@link java.util.ServiceLoader}. */
  public JpaSchemaSource() {}

  @Override
  public DesiredSchema.Desired read(EntityModel model) {
    List<Path> entries = SchemaClasspath.resolve(model.classpath(), model.projectDir());
    ClassLoader retort = JpaSchemaSource.class.getClassLoader();
    ClassLoader parent = entries.isEmpty() ? contextLoader() : ClassLoader.getPlatformClassLoader();
    try (SchemaClassLoader loader = new SchemaClassLoader(entries, retort, parent)) {
      requireHibernate(loader, model, entries);
      EntityScanner.Found found = EntityScanner.scan(model.targets(), loader, entries);
      String naming = model.naming().orElseGet(() -> Naming.defaultFor(loader));
      Map<String, String> settings = new LinkedHashMap<>(Naming.settings(naming, loader));
      settings.putAll(model.properties());
      return boot(loader, new BootRequest(model, found.classes(), found.packages(), settings));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ClassLoader contextLoader() {
    ClassLoader c = Thread.currentThread().getContextClassLoader();
    return c != null ? c : JpaSchemaSource.class.getClassLoader();
  }

  /** Hibernate 6.6 or later must be there; EclipseLink alone is named as such. */
  private static void requireHibernate(ClassLoader loader, EntityModel model, List<Path> entries) {
    String where =
        entries.isEmpty()
            ? "the class path"
            : "the schema class path (schema-classpath: " + model.classpath() + ")";
    if (!Naming.has(loader, "org.hibernate.Version")) {
      String found =
          Naming.has(loader, "org.eclipse.persistence.Version")
              ? "; it holds EclipseLink, and Retort reads entities through Hibernate's metamodel"
              : "";
      throw new UsageException(
          "schema=jpa: no Hibernate on "
              + where
              + found
              + ". Add "
              + "org.hibernate.orm:hibernate-core (6.6 or 7.x) and its dependencies to it: the "
              + "application's runtime class path, e.g. target/classes and target/dependency/* after "
              + "'mvn dependency:copy-dependencies'");
    }
    if (model.dialect().equals("sqlite")
        && !Naming.has(loader, "org.hibernate.community.dialect.SQLiteDialect")) {
      throw new UsageException(
          "schema=jpa: on SQLite, Hibernate's dialect comes from "
              + "org.hibernate.orm:hibernate-community-dialects, which is not on "
              + where
              + "; add the version of hibernate-core that the application uses");
    }
  }

  private static DesiredSchema.Desired boot(SchemaClassLoader loader, BootRequest request) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    // jboss-logging picks a backend once per class loader: the JDK's, quiet below warnings,
    // rather than whatever logging library the application carries (whose default is often
    // to print everything at DEBUG)
    String provider = System.getProperty(LOGGING_PROVIDER);
    java.util.logging.Logger hibernateLog = java.util.logging.Logger.getLogger("org.hibernate");
    java.util.logging.Level level = hibernateLog.getLevel();
    thread.setContextClassLoader(loader);
    try {
      System.setProperty(LOGGING_PROVIDER, "jdk");
      hibernateLog.setLevel(java.util.logging.Level.SEVERE);
      SchemaReader reader = (SchemaReader) loader.loadClass(ADAPTER).getConstructor().newInstance();
      return reader.read(request);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      if (cause instanceof RetortException r) {
        throw r;
      }
      throw new IllegalStateException("cannot start Retort's Hibernate adapter: " + cause, cause);
    } catch (LinkageError e) {
      throw new UsageException(
          "schema=jpa: the Hibernate on the schema class path cannot be used: "
              + e
              + "; Retort supports Hibernate 6.6 and 7.x",
          e);
    } finally {
      thread.setContextClassLoader(before);
      hibernateLog.setLevel(level);
      if (provider == null) {
        System.clearProperty(LOGGING_PROVIDER);
      } else {
        System.setProperty(LOGGING_PROVIDER, provider);
      }
    }
  }

  private static final String LOGGING_PROVIDER = "org.jboss.logging.provider";
}
