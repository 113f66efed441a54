package dev.retort.dialect.mysql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on the local MariaDB/MySQL server for one test class, dropped afterwards. The
 * server is {@code RETORT_TEST_MYSQL_URL} or the local default; when it cannot be reached the tests
 * are skipped loudly, except on CI ({@code CI=true}), where they fail.
 */
final class MySqlTestDatabase implements AutoCloseable {

  static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
  private static final Pattern URL =
      Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/?]*/)([^?]*)(.*)");

  final String url;
  final String name;
  private final String adminUrl;

  private MySqlTestDatabase(String adminUrl, String name, String url) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.url = url;
  }

  static MySqlTestDatabase create() {
    String env = System.getenv("RETORT_TEST_MYSQL_URL");
    // Failsafe passes the literal "${env.RETORT_TEST_MYSQL_URL}" when the variable is unset
    String base = env == null || env.isBlank() || env.startsWith("${") ? DEFAULT_URL : env;
    Matcher m = URL.matcher(base);
    if (!m.matches()) {
      throw new IllegalArgumentException("RETORT_TEST_MYSQL_URL must look like "
          + "jdbc:mariadb://host:port/database?user=..., got a URL starting "
          + base.substring(0, Math.min(base.length(), 20)));
    }
    String name = "retort_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    // the admin connection names no database, so that the one in the URL need not exist
    String admin = m.group(1) + m.group(3);
    try (Connection c = DriverManager.getConnection(admin);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
    } catch (SQLException e) {
      String message = "MariaDB/MySQL is not reachable at " + m.group(1) + " (" + e.getMessage()
          + "); set RETORT_TEST_MYSQL_URL to a server where the user may CREATE DATABASE";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message, e);
      }
      System.err.println("\n*** SKIPPING MariaDB/MySQL integration tests: " + message + " ***\n");
      Assumptions.abort(message);
    }
    return new MySqlTestDatabase(admin, name, m.group(1) + name + m.group(3));
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** Each row as its columns joined by '|'. */
  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
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
      st.execute("DROP DATABASE IF EXISTS " + name);
    }
  }
}
