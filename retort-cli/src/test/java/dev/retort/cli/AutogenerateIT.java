package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 001: autogenerate a reviewable SQL migration for user_preferences from a desired-state
 * schema, apply it, apply again (nothing), and prove with check that the table matches.
 */
class AutogenerateIT {
  @TempDir Path dir;
  private Databases.Pg pg;

  @AfterEach
  void drop() throws SQLException {
    if (pg != null) {
      pg.close();
    }
  }

  private String url(String kind) {
    if (kind.equals("postgresql")) {
      Databases.requirePostgres();
      pg = new Databases.Pg();
      return pg.url();
    }
    return "jdbc:sqlite:app.db";
  }

  private static String users(String kind) {
    return kind.equals("postgresql") ? """
        CREATE TABLE users (
          id serial PRIMARY KEY,
          email varchar(255) NOT NULL UNIQUE,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        """ : """
        CREATE TABLE users (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          email VARCHAR(255) NOT NULL UNIQUE,
          created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
        );
        """;
  }

  private static String preferences(String kind) {
    String now = kind.equals("postgresql") ? "now()" : "CURRENT_TIMESTAMP";
    String id = kind.equals("postgresql") ? "id serial PRIMARY KEY" : "id INTEGER PRIMARY KEY AUTOINCREMENT";
    return """
        CREATE TABLE user_preferences (
          %s,
          user_id integer NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
          theme varchar(20) NOT NULL DEFAULT 'light',
          language varchar(10) NOT NULL DEFAULT 'en',
          email_notifications boolean NOT NULL DEFAULT true,
          items_per_page integer NOT NULL DEFAULT 20,
          created_at timestamp NOT NULL DEFAULT %s,
          updated_at timestamp NOT NULL DEFAULT %s
        );
        """.formatted(id, now, now);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void generateApplyAndCheckUserPreferences(String kind) throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve("retort.properties"), "url=" + url(kind) + "\nschema=schema.sql\n");
    Files.writeString(dir.resolve("schema.sql"), users(kind));

    Cli.Result r = run(0, "revision", "--autogenerate", "-m", "create users", "--format", "sql");
    assertThat(r.out()).contains("_create_users.sql");
    run(0, "upgrade", "head");
    assertThat(run(0, "check").out()).contains("matches schema.sql");

    Files.writeString(dir.resolve("schema.sql"), users(kind) + preferences(kind));
    r = run(1, "check");
    assertThat(r.out()).contains("differs").contains("create table user_preferences");
    assertThat(run(0, "diff").out()).contains("CREATE TABLE user_preferences");

    r = run(0, "revision", "--autogenerate", "-m", "add user preferences", "--format", "sql");
    Path file = Files.list(dir.resolve("migrations"))
        .filter(p -> p.toString().endsWith("_add_user_preferences.sql")).findFirst().orElseThrow();
    String sql = Files.readString(file);
    assertThat(sql).contains("-- retort:revises ").contains("CREATE TABLE user_preferences")
        .contains("PRIMARY KEY").contains("UNIQUE (user_id)")
        .contains("FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE")
        .contains("DEFAULT 'light'").contains("DEFAULT 'en'").contains("DEFAULT 20")
        .contains("-- retort:downgrade").contains("DROP TABLE user_preferences");
    assertThat(sql.toLowerCase()).contains(kind.equals("postgresql") ? "default now()" : "default current_timestamp");

    assertThat(run(0, "upgrade", "head").out()).contains("add user preferences");
    assertThat(run(0, "upgrade", "head").out()).contains("Nothing to upgrade");
    assertThat(run(0, "check").out()).contains("matches");

    r = run(2, "revision", "--autogenerate", "-m", "nothing", "--format", "sql");
    assertThat(r.err()).contains("already matches");

    run(0, "downgrade", "-1");
    assertThat(run(1, "check").out()).contains("create table user_preferences");
    r = run(2, "revision", "--autogenerate", "-m", "too early", "--format", "sql");
    assertThat(r.err()).contains("run 'retort upgrade heads' first");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void renamesAreFlaggedUnlessNamed(String kind) throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve("retort.properties"), "url=" + url(kind) + "\nschema=schema.sql\n");
    Files.writeString(dir.resolve("schema.sql"), users(kind));
    run(0, "revision", "--autogenerate", "-m", "create users", "--format", "sql");
    run(0, "upgrade", "head");

    Files.writeString(dir.resolve("schema.sql"), users(kind).replace("TABLE users", "TABLE members"));
    Cli.Result r = run(0, "diff");
    assertThat(r.err()).contains("possible rename: table users").contains("--rename users=members");
    assertThat(r.out()).contains("DROP TABLE users");
    r = run(0, "diff", "--rename", "users=members");
    assertThat(r.out()).contains("RENAME TO members").doesNotContain("DROP TABLE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aBrokenSchemaFileIsNamedWithItsLine(String kind) throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve("retort.properties"), "url=" + url(kind) + "\nschema=schema.sql\n");
    Files.writeString(dir.resolve("schema.sql"), users(kind) + "\nCREATE TABLE broken (id nosuchtype(, x);\n");
    Cli.Result r = run(2, "check");
    assertThat(r.err()).contains("schema.sql:").contains("does not apply");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  private Cli.Result run(int exit, String... args) {
    Cli.Result r = Cli.run(dir, args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r).isEqualTo(exit);
    return r;
  }
}
