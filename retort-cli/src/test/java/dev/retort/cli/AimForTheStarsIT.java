package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 003 through the command line: the aim-for-the-stars chain up one step at a time and down
 * again, with rows in every table checked after each step, on SQLite (the example's default) and
 * PostgreSQL.
 */
class AimForTheStarsIT {
  @TempDir Path dir;

  interface Db {
    Connection connect() throws SQLException;
  }

  @Test
  void upAndDownOnSqliteKeepsEveryRow() throws Exception {
    Cli.copyTree(Cli.example("aim-for-the-stars"), dir);
    String url = "jdbc:sqlite:" + dir.resolve("aim.db");
    walk(List.of(), () -> DriverManager.getConnection(url));
  }

  @Test
  void upAndDownOnPostgresKeepsEveryRow() throws Exception {
    Databases.requirePostgres();
    Cli.copyTree(Cli.example("aim-for-the-stars"), dir);
    try (Databases.Pg pg = new Databases.Pg()) {
      walk(List.of("--url", pg.url()), pg::connect);
    }
  }

  @Test
  void upAndDownOnMariaDbKeepsEveryRow() throws Exception {
    Databases.requireMariaDb();
    Cli.copyTree(Cli.example("aim-for-the-stars"), dir);
    try (Databases.Maria maria = new Databases.Maria()) {
      walk(List.of("--url", maria.url()), maria::connect);
    }
  }

  private void walk(List<String> urlArgs, Db db) throws Exception {
    Cli.Result r = cli(urlArgs, "upgrade", "+1");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Running upgrade -> 1a2b3c4d5e6f, create initial tables");
    insertRows(db, "user", "diary_entry", "daily_stat", "goal", 1);
    assertCounts(db, 1, "user", "diary_entry", "daily_stat", "goal");

    r = cli(urlArgs, "upgrade", "+1");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("1a2b3c4d5e6f -> bc311ce7dcf8, increase password column length");
    insertRows(db, "user", "diary_entry", "daily_stat", "goal", 2);
    assertCounts(db, 2, "user", "diary_entry", "daily_stat", "goal");

    r = cli(urlArgs, "upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("bc311ce7dcf8 -> 033faf89f4e5")
        .contains("the database is at 033faf89f4e5");
    insertRows(db, "users", "diary_entries", "daily_stats", "goals", 3);
    assertCounts(db, 3, "users", "diary_entries", "daily_stats", "goals");

    r = cli(urlArgs, "upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Nothing to upgrade");

    r = cli(urlArgs, "current");
    assertThat(r.out()).startsWith("033faf89f4e5 (head)");

    r = cli(urlArgs, "downgrade", "-1");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertCounts(db, 3, "user", "diary_entry", "daily_stat", "goal");

    r = cli(urlArgs, "downgrade", "-1");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertCounts(db, 3, "user", "diary_entry", "daily_stat", "goal");
    assertThat(cli(urlArgs, "current").out()).startsWith("1a2b3c4d5e6f");

    // and up again over the same rows
    r = cli(urlArgs, "upgrade", "heads");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertCounts(db, 3, "users", "diary_entries", "daily_stats", "goals");

    r = cli(urlArgs, "downgrade", "base");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(cli(urlArgs, "current").out()).contains("base");
    try (Connection c = db.connect()) {
      assertThat(tables(c)).doesNotContain("user", "users", "goal", "goals");
    }
  }

  private Cli.Result cli(List<String> urlArgs, String... args) {
    List<String> all = new ArrayList<>(urlArgs);
    all.addAll(List.of(args));
    return Cli.run(dir, all.toArray(String[]::new));
  }

  /** One more row in each table, user {@code n} owning the others. */
  private static void insertRows(
      Db db, String users, String diary, String stats, String goals, int n) throws SQLException {
    try (Connection c = db.connect()) {
      exec(
          c,
          "INSERT INTO " + q(c, users) + " (id, email, password, user_name) VALUES (?, ?, ?, ?)",
          n,
          "user" + n + "@example.org",
          "pbkdf2:" + "x".repeat(100),
          "User " + n);
      exec(
          c,
          "INSERT INTO "
              + diary
              + " (user_id, entry_date, content, behavior_rating) VALUES (?, ?, ?, ?)",
          n,
          java.sql.Date.valueOf("2026-01-0" + n),
          "day " + n,
          5);
      exec(
          c,
          "INSERT INTO " + stats + " (user_id, stat_date, entries_count) VALUES (?, ?, ?)",
          n,
          java.sql.Date.valueOf("2026-01-0" + n),
          1);
      exec(c, "INSERT INTO " + goals + " (user_id, title) VALUES (?, ?)", n, "goal " + n);
    }
  }

  private static void exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  private static void assertCounts(Db db, int expected, String... tables) throws SQLException {
    try (Connection c = db.connect()) {
      for (String t : tables) {
        assertThat(Databases.query(c, "SELECT count(*) FROM " + q(c, t)))
            .as("rows in " + t)
            .containsExactly(String.valueOf(expected));
      }
      assertThat(Databases.query(c, "SELECT email FROM " + q(c, tables[0]) + " ORDER BY id"))
          .as("user rows keep their data")
          .first()
          .isEqualTo("user1@example.org");
    }
  }

  /** A quoted table name in the connection's own quoting (backticks on MariaDB). */
  private static String q(Connection c, String name) throws SQLException {
    String quote = c.getMetaData().getIdentifierQuoteString();
    return quote + name + quote;
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (var rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME"));
      }
    }
    return out;
  }
}
