package dev.retort.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** A database the kit makes for one test class and drops after it. */
abstract class FreshDatabase implements TestDatabase {
  /** A new SQLite file in a directory of its own. */
  static FreshDatabase sqlite() {
    try {
      Path dir = Files.createTempDirectory("retort-test-");
      return new Sqlite(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a directory for the test database", e);
    }
  }

  /**
   * A new database on the PostgreSQL or MariaDB/MySQL server at {@code adminUrl}, named {@code
   * retort_test_} and 12 random hex digits.
   */
  static FreshDatabase onServer(String adminUrl) {
    String name = "retort_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Server server;
    if (adminUrl.startsWith("jdbc:postgresql:")) {
      server =
          new Server(
              adminUrl,
              name,
              "CREATE DATABASE " + name,
              "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } else if (adminUrl.startsWith("jdbc:mariadb:") || adminUrl.startsWith("jdbc:mysql:")) {
      server =
          new Server(adminUrl, name, "CREATE DATABASE " + name, "DROP DATABASE IF EXISTS " + name);
    } else {
      throw new IllegalArgumentException(
          "server '"
              + scrub(adminUrl)
              + "' is not a JDBC URL of PostgreSQL (jdbc:postgresql://...) or "
              + "MariaDB/MySQL (jdbc:mariadb://..., jdbc:mysql://...): the kit makes a fresh database"
              + " on those; give SQLite or another database by url instead");
    }
    server.create();
    return server;
  }

  /** A URL as it may be printed: without a password. */
  static String scrub(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("//([^/:@]*):[^/@]*@", "//$1:***@");
  }

  private static final class Sqlite extends FreshDatabase {
    private final Path dir;
    private final Path file;

    Sqlite(Path dir) {
      this.dir = dir;
      this.file = dir.resolve("test.db");
    }

    @Override
    public String url() {
      return "jdbc:sqlite:" + file;
    }

    @Override
    public boolean recreate() {
      clear();
      return true;
    }

    /** The database and what SQLite and Retort keep beside it (journal, lock file). */
    private void clear() {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot empty " + dir, e);
      }
    }

    @Override
    public void close() {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + dir, e);
      }
    }
  }

  private static final class Server extends FreshDatabase {
    private final String adminUrl;
    private final String name;
    private final String create;
    private final String drop;

    Server(String adminUrl, String name, String create, String drop) {
      this.adminUrl = adminUrl;
      this.name = name;
      this.create = create;
      this.drop = drop;
    }

    /** The admin URL with the fresh database in place of its own, parameters kept. */
    @Override
    public String url() {
      int hostStart = adminUrl.indexOf("//");
      int slash = hostStart < 0 ? -1 : adminUrl.indexOf('/', hostStart + 2);
      int query = adminUrl.indexOf('?');
      String params = query < 0 ? "" : adminUrl.substring(query);
      String base =
          slash >= 0
              ? adminUrl.substring(0, slash)
              : query >= 0 ? adminUrl.substring(0, query) : adminUrl;
      return base + "/" + name + params;
    }

    /**
     * Makes the database. A server that cannot be reached fails the test class, unless the system
     * property {@value TestDatabaseProvider.Default#SKIP_UNREACHABLE_PROPERTY} is true and the
     * environment variable {@code CI} is not: then it is skipped, loudly.
     */
    void create() {
      try (Connection c = DriverManager.getConnection(adminUrl)) {
        c.isValid(5);
      } catch (SQLException e) {
        String msg = "the test server " + scrub(adminUrl) + " cannot be reached: " + e.getMessage();
        if (Boolean.getBoolean(TestDatabaseProvider.Default.SKIP_UNREACHABLE_PROPERTY)
            && !"true".equalsIgnoreCase(System.getenv("CI"))) {
          System.err.println("!!! " + msg + " -- SKIPPING these tests");
          org.junit.jupiter.api.Assumptions.abort(msg);
        }
        throw new IllegalStateException(msg, e);
      }
      execute(create);
    }

    @Override
    public boolean recreate() {
      execute(drop);
      execute(create);
      return true;
    }

    @Override
    public void close() {
      execute(drop);
    }

    private void execute(String sql) {
      try (Connection c = DriverManager.getConnection(adminUrl);
          Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "cannot run '"
                + sql
                + "' on the test server "
                + scrub(adminUrl)
                + ": "
                + e.getMessage(),
            e);
      }
    }
  }
}
