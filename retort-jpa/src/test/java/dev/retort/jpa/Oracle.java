package dev.retort.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs {@code HibernateOracle} with one Hibernate line, on the same entities Retort reads. */
final class Oracle {
  private Oracle() {}

  /**
   * Hibernate's {@code create} or {@code validate} of {@code targets} in the database at {@code
   * url}.
   */
  static String run(
      HibernateLine line,
      String action,
      List<String> targets,
      String naming,
      Map<String, String> extra,
      String url) {
    return run(line.classpath(), action, targets, naming, extra, url, Map.of());
  }

  /**
   * The same with the schema class path {@code classpath}; {@code request} adds to what the oracle
   * is asked ({@code entity} for {@code persist}).
   */
  static String run(
      String classpath,
      String action,
      List<String> targets,
      String naming,
      Map<String, String> extra,
      String url,
      Map<String, Object> request) {
    List<Path> entries = SchemaClasspath.resolve(classpath, Path.of(""));
    try (SchemaClassLoader loader =
        new SchemaClassLoader(
            entries, Oracle.class.getClassLoader(), ClassLoader.getPlatformClassLoader())) {
      EntityScanner.Found found = EntityScanner.scan(targets, loader, entries);
      Map<String, String> settings = new LinkedHashMap<>(Naming.settings(naming, loader));
      settings.putAll(extra);
      Supplier<Connection> connection =
          () -> {
            try {
              return DriverManager.getConnection(url);
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          };
      Thread t = Thread.currentThread();
      ClassLoader before = t.getContextClassLoader();
      t.setContextClassLoader(loader);
      try {
        @SuppressWarnings("unchecked")
        Function<Map<String, Object>, String> oracle =
            (Function<Map<String, Object>, String>)
                loader
                    .loadClass("dev.retort.jpa.hibernate.HibernateOracle")
                    .getConstructor()
                    .newInstance();
        Map<String, Object> all = new LinkedHashMap<>(request);
        all.put("action", action);
        all.put("classes", found.classes());
        all.put("settings", settings);
        all.put("connection", connection);
        return oracle.apply(all);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      } finally {
        t.setContextClassLoader(before);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
