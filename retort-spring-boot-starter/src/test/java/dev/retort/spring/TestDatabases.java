package dev.retort.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh databases for one test, dropped after it: a SQLite file in a directory of its own, or a
 * database on the local PostgreSQL server ({@code RETORT_TEST_PG_URL}). A server that cannot be
 * reached fails the test: the suite never skips a database.
 */
abstract class TestDatabases implements AutoCloseable {
  static final String PG_ADMIN_URL =
      System.getenv()
          .getOrDefault(
              "RETORT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  /** The JDBC URL an application would be given. */
  abstract String url();

  static TestDatabases sqlite() {
    try {
      return new Sqlite(Files.createTempDirectory("retort-boot-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestDatabases postgres() {
    return new Postgres();
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }

  /** The user tables, sorted, without Retort's own. */
  List<String> tables() {
    return query(
        this instanceof Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
  }

  /** The first column of every row. */
  List<String> query(String sql) {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  void execute(String sql) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public abstract void close();

  private static final class Sqlite extends TestDatabases {
    private final Path dir;

    Sqlite(Path dir) {
      this.dir = dir;
    }

    @Override
    String url() {
      return "jdbc:sqlite:" + dir.resolve("app.db");
    }

    @Override
    public void close() {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static final class Postgres extends TestDatabases {
    private final String name =
        "retort_boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    Postgres() {
      admin("CREATE DATABASE " + name);
    }

    @Override
    String url() {
      int slash = PG_ADMIN_URL.indexOf('/', "jdbc:postgresql://".length());
      int q = PG_ADMIN_URL.indexOf('?');
      return PG_ADMIN_URL.substring(0, slash + 1) + name + (q < 0 ? "" : PG_ADMIN_URL.substring(q));
    }

    @Override
    public void close() {
      admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    static void admin(String sql) {
      try (Connection c = DriverManager.getConnection(PG_ADMIN_URL);
          Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "PostgreSQL at " + PG_ADMIN_URL + ": " + sql + ": " + e.getMessage(), e);
      }
    }
  }
}
