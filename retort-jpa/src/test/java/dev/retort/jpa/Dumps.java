package dev.retort.jpa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code pg_dump --schema-only} or {@code mariadb-dump --no-data} of a test database, as sorted
 * lines without comments.
 */
final class Dumps {
  private Dumps() {}

  /** Equal up to line order; on failure, the lines each side has that the other lacks. */
  static void assertSame(List<String> retort, List<String> hibernate) {
    List<String> onlyRetort = new ArrayList<>(retort);
    hibernate.forEach(onlyRetort::remove);
    List<String> onlyHibernate = new ArrayList<>(hibernate);
    retort.forEach(onlyHibernate::remove);
    if (!onlyRetort.isEmpty() || !onlyHibernate.isEmpty()) {
      throw new AssertionError(
          "the dumps differ\n--- only Retort's:\n"
              + String.join("\n", onlyRetort)
              + "\n--- only Hibernate's:\n"
              + String.join("\n", onlyHibernate));
    }
  }

  static List<String> postgres(String database) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "pg_dump",
                "--schema-only",
                "--no-owner",
                "--no-privileges",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-T",
                "retort_version",
                "-T",
                "retort_history",
                database)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("pg_dump failed: " + out);
    }
    List<String> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      String l = line.strip();
      if (l.isEmpty()
          || l.startsWith("--")
          || l.startsWith("\\restrict")
          || l.startsWith("\\unrestrict")) {
        continue;
      }
      lines.add(line.stripTrailing());
    }
    lines.sort(null);
    return lines;
  }

  /**
   * {@code mariadb-dump --no-data}: each line without the comma that only says whether another item
   * follows (the order of keys is not compared), without version comments and the AUTO_INCREMENT
   * counter.
   */
  static List<String> mariadb(String database) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "mariadb-dump",
                "--no-data",
                "--skip-comments",
                "--skip-dump-date",
                "--protocol=tcp",
                "-h",
                "127.0.0.1",
                "-u",
                "root",
                "--ignore-table=" + database + ".retort_version",
                "--ignore-table=" + database + ".retort_history",
                database)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("mariadb-dump failed: " + out);
    }
    List<String> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("--") || l.startsWith("/*!")) {
        continue;
      }
      l = l.replaceAll(" AUTO_INCREMENT=\\d+", "");
      lines.add(l.endsWith(",") ? l.substring(0, l.length() - 1) : l);
    }
    lines.sort(null);
    return lines;
  }

  /**
   * The rows of each table of {@code db} except Retort's own, each row as its values joined by
   * {@code |}, sorted.
   */
  static Map<String, List<String>> rows(TestDatabase db) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Connection c = db.connect()) {
      String catalog = db.kind.equals("mariadb") ? db.name : null;
      String schema = db.kind.equals("postgresql") ? "public" : null;
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(catalog, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          if (!name.startsWith("retort_") && !name.startsWith("sqlite_")) {
            tables.add(name);
          }
        }
      }
      String quote = db.kind.equals("mariadb") ? "`" : "\"";
      for (String table : tables) {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + quote + table + quote)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
              values.add(String.valueOf(rs.getObject(i)));
            }
            rows.add(String.join("|", values));
          }
        }
        rows.sort(null);
        out.put(table, rows);
      }
    }
    return out;
  }
}
