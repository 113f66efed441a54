package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeds 000, 001 and 002 with examples/worlds: the initial migration; usernames, wider unique
 * emails and world_elements.user_id back-filled from the world's owner (Java); user_preferences
 * (SQL with a section per database); down and up without losing a row, down to base leaving
 * nothing; and a clear failure that changes nothing when worlds.user_id is gone.
 */
class WorldsIT {
  @TempDir Path dir;

  interface Db {
    Connection connect() throws SQLException;
  }

  @Test
  void upgradeBackfillsAndDowngradeRestoresOnSqlite() throws Exception {
    Cli.copyTree(Cli.example("worlds"), dir);
    walk(
        List.of(),
        () -> DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("worlds.db")),
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  }

  @Test
  void upgradeBackfillsAndDowngradeRestoresOnPostgres() throws Exception {
    Databases.requirePostgres();
    Cli.copyTree(Cli.example("worlds"), dir);
    try (Databases.Pg pg = new Databases.Pg()) {
      walk(
          List.of("--url", pg.url()),
          pg::connect,
          "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    }
  }

  @Test
  void upgradeBackfillsAndDowngradeRestoresOnMariaDb() throws Exception {
    Databases.requireMariaDb();
    Cli.copyTree(Cli.example("worlds"), dir);
    try (Databases.Maria maria = new Databases.Maria()) {
      walk(
          List.of("--url", maria.url()),
          maria::connect,
          "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
    }
  }

  private void walk(List<String> url, Db db, String tables) throws Exception {
    run(url, 0, "upgrade", "+1");
    try (Connection c = db.connect();
        var s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (id, email, password_hash) VALUES (1, 'ada@example.org', 'x'), "
              + "(2, 'bob@example.org', 'y')");
      s.execute(
          "INSERT INTO worlds (id, user_id, name) VALUES (10, 1, 'Ada''s'), (20, 2, 'Bob''s')");
      s.execute(
          "INSERT INTO world_elements (world_id, kind) VALUES (10, 'tree'), (10, 'river'), (20, 'hill')");
    }
    Cli.Result r = run(url, 0, "upgrade", "head");
    assertThat(r.out())
        .contains("-> 3f8d2b6e1a45, add username and world element owners")
        .contains("3f8d2b6e1a45 -> c0172d603ec7, add user preferences");
    assertThat(query(db, "SELECT kind, user_id FROM world_elements ORDER BY kind"))
        .containsExactly("hill|2", "river|1", "tree|1");
    // the SQL migration's section for this database: every preference has its default
    try (Connection c = db.connect();
        var s = c.createStatement()) {
      s.execute("INSERT INTO user_preferences (user_id) VALUES (2)");
    }
    assertThat(query(db, "SELECT theme, language, items_per_page FROM user_preferences"))
        .containsExactly("light|en|20");
    assertThat(run(url, 0, "check").out()).contains("matches WorldsSchema.java");

    run(url, 0, "downgrade", "-1");
    assertThat(tables(db, tables)).doesNotContain("user_preferences");
    run(url, 0, "downgrade", "-1");
    assertThat(query(db, "SELECT count(*) FROM world_elements")).containsExactly("3");
    assertThat(query(db, "SELECT email FROM users ORDER BY id"))
        .containsExactly("ada@example.org", "bob@example.org");
    run(url, 0, "upgrade", "head");
    assertThat(query(db, "SELECT count(*) FROM world_elements WHERE user_id IS NOT NULL"))
        .containsExactly("3");
    assertThat(run(url, 0, "check").out()).contains("matches WorldsSchema.java");

    run(url, 0, "downgrade", "base");
    assertThat(tables(db, tables)).isEmpty();
  }

  /** The tables of the database other than Retort's own. */
  private static List<String> tables(Db db, String sql) throws SQLException {
    return query(db, sql).stream().filter(t -> !t.startsWith("retort_")).toList();
  }

  @Test
  void missingWorldsUserIdFailsClearlyAndChangesNothing() throws Exception {
    Databases.requirePostgres();
    Cli.copyTree(Cli.example("worlds"), dir);
    try (Databases.Pg pg = new Databases.Pg()) {
      List<String> url = List.of("--url", pg.url());
      run(url, 0, "upgrade", "+1");
      pg.execute("ALTER TABLE worlds DROP COLUMN user_id CASCADE");
      Cli.Result r = run(url, 3, "upgrade", "head");
      assertThat(r.err()).contains("worlds.user_id does not exist").contains("nothing was changed");
      assertThat(run(url, 0, "current").out()).startsWith("7c1e4a9b2d30");
      assertThat(
              pg.query(
                  "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' "
                      + "AND column_name = 'username'"))
          .containsExactly("0");
      assertThat(pg.query("SELECT count(*) FROM pg_tables WHERE tablename = 'user_preferences'"))
          .containsExactly("0");
    }
  }

  private Cli.Result run(List<String> url, int exit, String... args) {
    List<String> all = new ArrayList<>(url);
    all.addAll(List.of(args));
    Cli.Result r = Cli.run(dir, all.toArray(String[]::new));
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r).isEqualTo(exit);
    return r;
  }

  private static List<String> query(Db db, String sql) throws SQLException {
    try (Connection c = db.connect()) {
      return Databases.query(c, sql);
    }
  }
}
