package dev.retort.dialect.mysql;

import dev.retort.dialect.ServerTestDatabase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh database on the local MariaDB/MySQL server for one test class, dropped afterwards. The
 * server is {@code RETORT_TEST_MYSQL_URL} or the local default.
 */
final class MySqlTestDatabase extends ServerTestDatabase {

  static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
  private static final Pattern URL =
      Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/?]*/)([^?]*)(.*)");

  private MySqlTestDatabase(String adminUrl, String name, String url) {
    super(adminUrl, name, url, "DROP DATABASE IF EXISTS " + name);
  }

  static MySqlTestDatabase create() {
    String base = baseUrl("RETORT_TEST_MYSQL_URL", DEFAULT_URL);
    Matcher m = URL.matcher(base);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "RETORT_TEST_MYSQL_URL must look like "
              + "jdbc:mariadb://host:port/database?user=..., got a URL starting "
              + base.substring(0, Math.min(base.length(), 20)));
    }
    String name = freshName();
    // the admin connection names no database, so that the one in the URL need not exist
    String admin = m.group(1) + m.group(3);
    createOrSkip(
        admin,
        "CREATE DATABASE " + name + " CHARACTER SET utf8mb4",
        "MariaDB/MySQL",
        m.group(1),
        "RETORT_TEST_MYSQL_URL");
    return new MySqlTestDatabase(admin, name, m.group(1) + name + m.group(3));
  }
}
