package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases on the local servers, one per test, dropped afterwards. An unreachable server
 * skips the test loudly on a developer machine and fails it under CI.
 */
final class Databases {
  static final String PG_ADMIN_URL =
      System.getenv()
          .getOrDefault(
              "RETORT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private Databases() {}

  /** A new, empty PostgreSQL database. */
  static final class Pg implements AutoCloseable {
    final String name =
        "retort_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    Pg() {
      try (Connection c = admin();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create database " + name, e);
      }
    }

    /** The JDBC URL of this database, with the admin URL's user and parameters. */
    String url() {
      int slash = PG_ADMIN_URL.indexOf('/', "jdbc:postgresql://".length());
      int q = PG_ADMIN_URL.indexOf('?');
      return PG_ADMIN_URL.substring(0, slash + 1) + name + (q < 0 ? "" : PG_ADMIN_URL.substring(q));
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url());
    }

    /** Rows of a query, each row its columns joined by '|'. */
    List<String> query(String sql) throws SQLException {
      try (Connection c = connect()) {
        return Databases.query(c, sql);
      }
    }

    void execute(String sql) throws SQLException {
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }

    @Override
    public void close() throws SQLException {
      try (Connection c = admin();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  static final String MYSQL_ADMIN_URL =
      System.getenv()
          .getOrDefault("RETORT_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");

  /** A new, empty MariaDB/MySQL database. */
  static final class Maria implements AutoCloseable {
    final String name =
        "retort_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    Maria() {
      try (Connection c = DriverManager.getConnection(MYSQL_ADMIN_URL);
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create database " + name, e);
      }
    }

    String url() {
      int slash = MYSQL_ADMIN_URL.indexOf('/', "jdbc:mariadb://".length());
      int q = MYSQL_ADMIN_URL.indexOf('?');
      return MYSQL_ADMIN_URL.substring(0, slash + 1)
          + name
          + (q < 0 ? "" : MYSQL_ADMIN_URL.substring(q));
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url());
    }

    @Override
    public void close() throws SQLException {
      try (Connection c = DriverManager.getConnection(MYSQL_ADMIN_URL);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name);
      }
    }
  }

  /**
   * The fresh databases one test makes, one per kind, dropped together: {@code url = dbs.url(kind,
   * "jdbc:sqlite:app.db")} in the test, {@code dbs.close()} after it.
   */
  static final class Fresh implements AutoCloseable {
    Pg pg;
    Maria maria;

    /**
     * A fresh database of {@code kind} (postgresql, mariadb) and its URL, the same one each time
     * for the same kind (so that a test can look into the database it migrated); sqlite gets {@code
     * sqliteUrl}.
     */
    String url(String kind, String sqliteUrl) {
      if (kind.equals("postgresql")) {
        if (pg == null) {
          requirePostgres();
          pg = new Pg();
        }
        return pg.url();
      }
      if (kind.equals("mariadb")) {
        if (maria == null) {
          requireMariaDb();
          maria = new Maria();
        }
        return maria.url();
      }
      return sqliteUrl;
    }

    @Override
    public void close() throws SQLException {
      if (pg != null) {
        pg.close();
      }
      if (maria != null) {
        maria.close();
      }
    }
  }

  /** Skips (locally) or fails (under CI) when MariaDB cannot be reached. */
  static void requireMariaDb() {
    try (Connection c = DriverManager.getConnection(MYSQL_ADMIN_URL)) {
      c.isValid(2);
    } catch (SQLException e) {
      String msg = "!!! MariaDB is not reachable at " + MYSQL_ADMIN_URL + ": " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(msg + " (CI=true: a server test may not be skipped)");
      }
      System.err.println(msg + " -- SKIPPING the MariaDB tests");
      Assumptions.abort(msg);
    }
  }

  static Connection admin() throws SQLException {
    return DriverManager.getConnection(PG_ADMIN_URL);
  }

  /** Skips (locally) or fails (under CI) when PostgreSQL cannot be reached. */
  static void requirePostgres() {
    try (Connection c = admin()) {
      c.isValid(2);
    } catch (SQLException e) {
      String msg = "!!! PostgreSQL is not reachable at " + PG_ADMIN_URL + ": " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(msg + " (CI=true: a server test may not be skipped)");
      }
      System.err.println(msg + " -- SKIPPING the PostgreSQL tests");
      Assumptions.abort(msg);
    }
  }

  static List<String> query(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cols.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(String.join("|", cols));
      }
    }
    return rows;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
