package dev.retort;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.error.DatabaseException;
import dev.retort.error.RetortException;
import dev.retort.error.UsageException;
import dev.retort.runtime.Runner;
import dev.retort.script.ScriptStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** The facade's access to the database: URL or data source, dialect, connections and the runner. */
final class Session {
  private final RetortConfig config;

  /** The dialect of the data source's connections, found on the first one. */
  private Dialect dataSourceDialect;

  Session(RetortConfig config) {
    this.config = config;
  }

  /** Work done on one open connection, which is closed afterwards. */
  interface Work<T> {
    T run(Dialect dialect, Connection c) throws SQLException;
  }

  Dialect dialect() {
    if (config.dataSource().isPresent()) {
      return withConnection((dialect, c) -> dialect);
    }
    return Dialects.forUrl(url());
  }

  Path classCache() {
    return config.projectDir().resolve(".retort").resolve("classes");
  }

  /** A runner over {@code store}'s graph, running the SQL texts the store read. */
  Runner runner(Dialect dialect, ScriptStore store) {
    return new Runner(
        dialect,
        store.graph(),
        config.versionTable(),
        config.historyTable(),
        classCache(),
        new Runner.Options(
            config.allowChanged(),
            config.lockTimeout(),
            who(),
            config.progress(),
            config.secrets()),
        store::sqlText,
        store::compiled);
  }

  /** A runner that knows no migration: for reading the version and history tables alone. */
  Runner tablesOnly(Dialect dialect) {
    return new Runner(
        dialect,
        dev.retort.script.RevisionGraph.of(java.util.List.of()),
        config.versionTable(),
        config.historyTable(),
        classCache(),
        new Runner.Options(false, config.lockTimeout(), who(), line -> {}, config.secrets()));
  }

  /** Work that needs what {@code prepare} made, on one open connection. */
  interface PreparedWork<P, T> {
    T run(P prepared, Dialect dialect, Connection c) throws SQLException;
  }

  <T> T withConnection(Work<T> work) {
    if (config.dataSource().isPresent()) {
      Connection c = openDataSource(config.dataSource().get());
      Dialect dialect;
      try {
        dialect = dataSourceDialect(c);
      } catch (RuntimeException e) {
        closeQuietly(c);
        throw e;
      }
      return run(dialect, c, work);
    }
    String url = url();
    Dialect dialect = Dialects.forUrl(url);
    Runnable forget = dialect.forgetUnusedConnect(url);
    try {
      return run(dialect, open(dialect, url), work);
    } finally {
      forget.run();
    }
  }

  /**
   * Runs {@code prepare} (reading the migrations directory, say), then {@code work} with its result
   * on a connection. Where connecting changes nothing, the connection is opened on a second thread
   * while {@code prepare} runs: both are mostly cold code, and a machine has more than one core.
   * Errors come in the same order as without: {@code prepare}'s first (the connection is then
   * closed unused), then the connection's.
   */
  <P, T> T withConnection(Supplier<P> prepare, PreparedWork<P, T> work) {
    Optional<String> url = config.url();
    Optional<Dialect> dialect = findDialect(url);
    if (dialect.isEmpty() || !dialect.get().capabilities().connectingChangesNothing()) {
      P prepared = prepare.get();
      return withConnection((d, c) -> work.run(prepared, d, c));
    }
    CompletableFuture<Connection> ahead =
        CompletableFuture.supplyAsync(
            () -> open(dialect.get(), url.get()),
            task -> {
              Thread t = new Thread(task, "retort-connect");
              t.setDaemon(true);
              t.start();
            });
    P prepared;
    try {
      prepared = prepare.get();
    } catch (RuntimeException | Error e) {
      ahead.thenAccept(Session::closeQuietly); // now, or when the connection is made
      throw e;
    }
    Connection c;
    try {
      c = ahead.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    return run(dialect.get(), c, (d, conn) -> work.run(prepared, d, conn));
  }

  /** Empty also when the class path holds a broken dialect: reported after prepare, as before. */
  private static Optional<Dialect> findDialect(Optional<String> url) {
    try {
      return url.flatMap(Dialects::find);
    } catch (RetortException e) {
      return Optional.empty();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // unused, and going away: nothing to report
    }
  }

  private <T> T run(Dialect dialect, Connection c, Work<T> work) {
    try (c) {
      return work.run(dialect, c);
    } catch (SQLException e) {
      throw new DatabaseException("database error: " + e.getMessage(), e);
    } catch (RetortException e) {
      throw e;
    }
  }

  /**
   * Opens further connections with the configured credentials: PostgreSQL loads some schema files
   * into a scratch database, which the live connection cannot reach.
   */
  dev.retort.inspect.Connector connector() {
    return url -> connect(Dialects.forUrl(url), url, credentials());
  }

  private Properties credentials() {
    Properties props = new Properties();
    config.user().ifPresent(u -> props.setProperty("user", u));
    config.password().ifPresent(p -> props.setProperty("password", p));
    return props;
  }

  private Connection open(Dialect dialect, String url) {
    Properties props = credentials();
    try {
      return connect(dialect, url, props);
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
        throw new UsageException(
            "no JDBC driver on the classpath accepts "
                + config.secrets().scrub(url)
                + "; the retort command ships PostgreSQL and SQLite drivers",
            e);
      }
      throw new DatabaseException(
          "cannot connect to " + config.secrets().scrub(url) + ": " + e.getMessage(), e);
    }
  }

  private static Connection openDataSource(javax.sql.DataSource source) {
    try {
      return source.getConnection();
    } catch (SQLException e) {
      throw new DatabaseException("cannot connect through the data source: " + e.getMessage(), e);
    }
  }

  /** The dialect that accepts the URL the data source's driver reports for its connection. */
  private Dialect dataSourceDialect(Connection c) {
    if (dataSourceDialect == null) {
      String url;
      try {
        url = c.getMetaData().getURL();
      } catch (SQLException e) {
        throw new DatabaseException(
            "cannot read the data source's database URL: " + e.getMessage(), e);
      }
      if (url == null) {
        throw new UsageException(
            "the data source's connections report no URL, which Retort finds"
                + " the database's dialect by; give Retort the JDBC URL instead");
      }
      dataSourceDialect = Dialects.forUrl(url);
    }
    return dataSourceDialect;
  }

  private String url() {
    return config
        .url()
        .orElseThrow(
            () ->
                new UsageException(
                    "no database URL: set url in "
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
  private static Connection connect(Dialect dialect, String url, Properties props)
      throws SQLException {
    Optional<String> name = dialect.driverClass();
    if (name.isPresent()) {
      java.sql.Driver driver = null;
      try {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> cls =
            Class.forName(
                name.get(), true, loader != null ? loader : Retort.class.getClassLoader());
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
