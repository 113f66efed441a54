package dev.retort.dialect.postgres;

import dev.retort.dialect.ServerTestDatabase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh database on the local PostgreSQL server for one test class, dropped afterwards. The
 * server is {@code RETORT_TEST_PG_URL} or the local default.
 */
final class PgTestDatabase extends ServerTestDatabase {

  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(.*)");

  private PgTestDatabase(String adminUrl, String name, String url) {
    super(adminUrl, name, url, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  static PgTestDatabase create() {
    String base = baseUrl("RETORT_TEST_PG_URL", DEFAULT_URL);
    Matcher m = URL.matcher(base);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "RETORT_TEST_PG_URL must look like "
              + "jdbc:postgresql://host:port/database?user=..., got a URL starting "
              + base.substring(0, Math.min(base.length(), 20)));
    }
    String name = freshName();
    createOrSkip(base, "CREATE DATABASE " + name, "PostgreSQL", m.group(1), "RETORT_TEST_PG_URL");
    return new PgTestDatabase(base, name, m.group(1) + name + m.group(3));
  }
}
