package dev.retort.dialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on a local server for one test class, dropped afterwards. When the server cannot
 * be reached the tests are skipped loudly, except on CI ({@code CI=true}), where they fail.
 */
public abstract class ServerTestDatabase implements AutoCloseable {
  /** The JDBC URL of the fresh database. */
  public final String url;

  /** The fresh database's name. */
  public final String name;

  private final String adminUrl;
  private final String dropSql;

  protected ServerTestDatabase(String adminUrl, String name, String url, String dropSql) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.url = url;
    this.dropSql = dropSql;
  }

  /** The URL in {@code variable}, or {@code fallback} when it is unset. */
  protected static String baseUrl(String variable, String fallback) {
    String env = System.getenv(variable);
    // Failsafe passes the literal "${env.VARIABLE}" when the variable is unset
    return env == null || env.isBlank() || env.startsWith("${") ? fallback : env;
  }

  /** A name no other test uses. */
  protected static String freshName() {
    return "retort_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /**
   * Runs {@code createSql} on the admin connection; when the server is unreachable, skips the test
   * with a loud message, or fails it on CI.
   */
  protected static void createOrSkip(
      String adminUrl, String createSql, String server, String where, String variable) {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement st = c.createStatement()) {
      st.execute(createSql);
    } catch (SQLException e) {
      String message =
          server
              + " is not reachable at "
              + where
              + " ("
              + e.getMessage()
              + "); set "
              + variable
              + " to a server where the user may CREATE DATABASE";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message, e);
      }
      System.err.println("\n*** SKIPPING " + server + " integration tests: " + message + " ***\n");
      Assumptions.abort(message);
    }
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  public static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** Each row as its columns joined by '|'. */
  public static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement st = c.createStatement()) {
      st.execute(dropSql);
    }
  }
}
