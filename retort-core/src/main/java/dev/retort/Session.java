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

  /** Takes the migration lock on {@code c} and reads the version tables under it. */
  dev.retort.runtime.LockedRead lockAndRead(Dialect dialect, Connection c) {
    return dev.retort.runtime.LockedRead.take(
        dialect, config.versionTable(), config.historyTable(), config.lockTimeout(), c);
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
   * on a connection; see {@link #withConnection(Supplier, Work, AheadWork)}.
   */
  <P, T> T withConnection(Supplier<P> prepare, PreparedWork<P, T> work) {
    return withConnection(
        prepare, (dialect, c) -> null, (prepared, none, d, c) -> work.run(prepared, d, c));
  }

  /** Work that needs what {@code prepare} made and what {@code ahead} read on the connection. */
  interface AheadWork<P, A, T> {
    T run(P prepared, A ahead, Dialect dialect, Connection c) throws SQLException;
  }

  /**
   * Runs {@code prepare} (reading the migrations directory, say) and, on the connection, {@code
   * ahead} (which needs no migrations: taking the lock and reading the version tables, say), then
   * {@code work} with both results. Where connecting changes nothing, a second thread finds the
   * dialect, connects and runs {@code ahead} while {@code prepare} runs: all of it is mostly cold
   * code, and a machine has more than one core. Errors come in the same order as without: {@code
   * prepare}'s first (what {@code ahead} made is then closed, and the connection), then the
   * connection's and {@code ahead}'s. What {@code ahead} returns is closed after {@code work}.
   */
  <P, A extends AutoCloseable, T> T withConnection(
      Supplier<P> prepare, Work<A> ahead, AheadWork<P, A, T> work) {
    Optional<String> url = config.url();
    if (url.isEmpty() || config.dataSource().isPresent()) {
      P prepared = prepare.get();
      return withConnection((d, c) -> aheadThen(ahead, work, prepared, d, c));
    }
    CompletableFuture<Opened<A>> early =
        CompletableFuture.supplyAsync(
            () -> openAhead(url.get(), ahead),
            task -> {
              Thread t = new Thread(task, "retort-connect");
              t.setDaemon(true);
              t.start();
            });
    P prepared;
    try {
      prepared = prepare.get();
    } catch (RuntimeException | Error e) {
      early.thenAccept(Opened::close); // now, or when the connection is made (or null)
      throw e;
    }
    Opened<A> opened;
    try {
      opened = early.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    if (opened == null) { // connecting would change something: after prepare, as before
      return withConnection((d, c) -> aheadThen(ahead, work, prepared, d, c));
    }
    return run(
        opened.dialect,
        opened.connection,
        (d, c) -> {
          try {
            return work.run(prepared, opened.ahead, d, c);
          } finally {
            closeQuietly(opened.ahead);
          }
        });
  }

  private static <P, A extends AutoCloseable, T> T aheadThen(
      Work<A> ahead, AheadWork<P, A, T> work, P prepared, Dialect d, Connection c)
      throws SQLException {
    A a = ahead.run(d, c);
    try {
      return work.run(prepared, a, d, c);
    } finally {
      closeQuietly(a);
    }
  }

  /** A connection opened ahead, with what {@code ahead} read on it. */
  private record Opened<A extends AutoCloseable>(Dialect dialect, Connection connection, A ahead) {
    static void close(Opened<?> opened) {
      if (opened != null) {
        closeQuietly(opened.ahead);
        closeQuietly(opened.connection);
      }
    }
  }

  /**
   * On the connecting thread: the URL's dialect, and when connecting to it changes nothing, the
   * connection with what {@code ahead} read; null when the connection is to wait for {@code
   * prepare} (SQLite creates its file on connecting), or the dialect is not found (the error is
   * reported after {@code prepare}'s, by the same path).
   */
  private <A extends AutoCloseable> Opened<A> openAhead(String url, Work<A> ahead) {
    Optional<Dialect> dialect = findDialect(Optional.of(url));
    if (dialect.isEmpty() || !dialect.get().capabilities().connectingChangesNothing()) {
      return null;
    }
    Connection c = open(dialect.get(), url);
    try {
      return new Opened<>(dialect.get(), c, ahead.run(dialect.get(), c));
    } catch (SQLException e) {
      closeQuietly(c);
      throw new DatabaseException("database error: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** Empty also when the class path holds a broken dialect: reported after prepare, as before. */
  private static Optional<Dialect> findDialect(Optional<String> url) {
    try {
      return url.flatMap(Dialects::find);
    } catch (RetortException e) {
      return Optional.empty();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
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
