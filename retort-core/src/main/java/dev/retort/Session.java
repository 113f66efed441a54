package dev.retort;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.error.DatabaseException;
import dev.retort.error.RetortException;
import dev.retort.error.UsageException;
import dev.retort.runtime.Runner;
import dev.retort.script.RevisionGraph;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** The facade's access to the database: URL, dialect, connections and the runner. */
final class Session {
  private final RetortConfig config;

  Session(RetortConfig config) {
    this.config = config;
  }

  /** Work done on one open connection, which is closed afterwards. */
  interface Work<T> {
    T run(Dialect dialect, Connection c) throws SQLException;
  }

  Dialect dialect() {
    return Dialects.forUrl(url());
  }

  Path classCache() {
    return config.projectDir().resolve(".retort").resolve("classes");
  }

  Runner runner(Dialect dialect, RevisionGraph graph) {
    return new Runner(dialect, graph, config.versionTable(), config.historyTable(),
        classCache(),
        new Runner.Options(config.allowChanged(), config.lockTimeout(), who(), config.progress()));
  }

  <T> T withConnection(Work<T> work) {
    String url = url();
    Dialect dialect = Dialects.forUrl(url);
    Properties props = new Properties();
    config.user().ifPresent(u -> props.setProperty("user", u));
    config.password().ifPresent(p -> props.setProperty("password", p));
    Connection c;
    try {
      c = connect(dialect, url, props);
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
        throw new UsageException("no JDBC driver on the classpath accepts " + JdbcUrls.redact(url)
            + "; the retort command ships PostgreSQL and SQLite drivers", e);
      }
      throw new DatabaseException("cannot connect to " + JdbcUrls.redact(url) + ": "
          + e.getMessage(), e);
    }
    try (c) {
      return work.run(dialect, c);
    } catch (SQLException e) {
      throw new DatabaseException("database error: " + e.getMessage(), e);
    } catch (RetortException e) {
      throw e;
    }
  }

  private String url() {
    return config.url().orElseThrow(() -> new UsageException("no database URL: set url in "
        + "retort.properties, RETORT_URL in the environment or .env, or pass --url"));
  }

  private static String who() {
    String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("");
    return System.getProperty("user.name", "?") + (host.isEmpty() ? "" : "@" + host);
  }

  /**
   * Connects through the dialect's own driver when it is on the class path and accepts the URL,
   * without {@link DriverManager} (whose first use loads and registers every driver in the jar);
   * otherwise through {@code DriverManager}, as before.
   */
  private static Connection connect(Dialect dialect, String url, Properties props) throws SQLException {
    Optional<String> name = dialect.driverClass();
    if (name.isPresent()) {
      java.sql.Driver driver = null;
      try {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> cls = Class.forName(name.get(), true,
            loader != null ? loader : Retort.class.getClassLoader());
        driver = (java.sql.Driver) cls.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
        driver = null; // not shipped here: let DriverManager find whatever is
      }
      if (driver != null) {
        Connection c = driver.connect(url, props);
        if (c != null) {
          return c;
        }
      }
    }
    return DriverManager.getConnection(url, props);
  }
}
