package dev.retort.jpa;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on a local server, or a fresh SQLite file, dropped afterwards. An unreachable
 * server skips the test loudly on a developer machine and fails it under CI.
 */
final class TestDatabase implements AutoCloseable {
  static final String PG_ADMIN =
      System.getenv()
          .getOrDefault(
              "RETORT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  static final String MYSQL_ADMIN =
      System.getenv()
          .getOrDefault("RETORT_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");

  final String kind;
  final String name;
  private final String url;

  private TestDatabase(String kind, String name, String url) {
    this.kind = kind;
    this.name = name;
    this.url = url;
  }

  /** {@code postgresql}, {@code mariadb} or {@code sqlite} (a file in {@code dir}). */
  static TestDatabase create(String kind, java.nio.file.Path dir) {
    String name = "retort_jpa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (kind.equals("sqlite")) {
      return new TestDatabase(kind, name, "jdbc:sqlite:" + dir.resolve(name + ".db"));
    }
    String admin = kind.equals("postgresql") ? PG_ADMIN : MYSQL_ADMIN;
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      String msg = "!!! " + kind + " is not reachable at " + admin + ": " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(msg + " (CI=true: a server test may not be skipped)");
      }
      System.err.println(msg + " -- SKIPPING");
      Assumptions.abort(msg);
    }
    int slash = admin.indexOf('/', admin.indexOf("//") + 2);
    int q = admin.indexOf('?');
    return new TestDatabase(
        kind, name, admin.substring(0, slash + 1) + name + (q < 0 ? "" : admin.substring(q)));
  }

  String url() {
    return url;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @Override
  public void close() throws SQLException {
    if (kind.equals("sqlite")) {
      return;
    }
    String admin = kind.equals("postgresql") ? PG_ADMIN : MYSQL_ADMIN;
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute(
          "DROP DATABASE IF EXISTS " + name + (kind.equals("postgresql") ? " WITH (FORCE)" : ""));
    }
  }
}
