package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No text Retort writes becomes SQL: object names read from the database or declared in {@code
 * schema.sql}, and revision messages, go into comments and headers made inert, so a line break in
 * them cannot end a comment and run what follows.
 */
class InjectionIT {
  /** A table name that ends a {@code --} comment and drops another table. */
  static final String EVIL = "z\nDROP TABLE IF EXISTS victim; --";

  @TempDir Path dir;
  private final Databases.Fresh dbs = new Databases.Fresh();
  private String url;

  @AfterEach
  void drop() throws SQLException {
    dbs.close();
  }

  private Project project(String kind) throws Exception {
    url = dbs.url(kind, "jdbc:sqlite:" + dir.resolve("app.db"));
    Project p = new Project(dir.resolve("p"), url);
    Files.writeString(
        p.dir.resolve("retort.properties"),
        "schema=schema.sql\n",
        java.nio.file.StandardOpenOption.APPEND);
    return p;
  }

  private static String quote(String kind, String name) {
    return kind.equals("mariadb") ? "`" + name + "`" : "\"" + name + "\"";
  }

  private void execute(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        var rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  /** A table the database holds and the schema does not: the generated file drops it. */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void aDroppedTableWithALineBreakInItsNameDropsOnlyItself(String kind) throws Exception {
    Project p = project(kind);
    execute(
        "CREATE TABLE victim (id integer)", "CREATE TABLE " + quote(kind, EVIL) + " (id integer)");
    Files.writeString(p.dir.resolve("schema.sql"), "CREATE TABLE victim (id integer);\n");

    Cli.Result r = p.run("revision", "--autogenerate", "--format", "sql", "-m", "tidy");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertInert(onlyMigration(p));

    r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(tables()).contains("victim").doesNotContain(EVIL);
  }

  /** A table the schema declares: the generated file creates it, and its downgrade drops it. */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void aCreatedTableWithALineBreakInItsNameCreatesOnlyItself(String kind) throws Exception {
    Project p = project(kind);
    execute("CREATE TABLE victim (id integer)");
    Files.writeString(
        p.dir.resolve("schema.sql"),
        "CREATE TABLE victim (id integer);\n"
            + "CREATE TABLE "
            + quote(kind, EVIL)
            + " (id integer);\n");

    Cli.Result r = p.run("revision", "--autogenerate", "--format", "sql", "-m", "evil");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertInert(onlyMigration(p));

    r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(tables()).contains("victim", EVIL);
    r = p.run("downgrade", "base");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(tables()).contains("victim").doesNotContain(EVIL);
  }

  /** The Java format writes names into comments too (DATA LOSS notes). */
  @Test
  void aJavaMigrationKeepsTheNameInItsStringsAndOutOfItsComments() throws Exception {
    Project p = project("sqlite");
    execute(
        "CREATE TABLE victim (id integer)",
        "CREATE TABLE \"" + EVIL + "\" (id integer)",
        "CREATE TABLE \"x\\u000aSystem.exit(7);\" (id integer)");
    Files.writeString(p.dir.resolve("schema.sql"), "CREATE TABLE victim (id integer);\n");
    Cli.Result r = p.run("revision", "--autogenerate", "-m", "tidy");
    assertThat(r.exit()).as(r.toString()).isZero();
    r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(tables()).contains("victim").doesNotContain(EVIL, "x\\u000aSystem.exit(7);");
  }

  @Test
  void aMessageWithALineBreakIsRefusedAndNothingIsWritten() throws Exception {
    Project p = project("sqlite");
    for (String message :
        List.of("evil\nDROP TABLE victim; --", "a\rb", "bell\u0007", "rtl\u202Eevil")) {
      for (String format : List.of("java", "sql")) {
        Cli.Result r = p.run("revision", "--format", format, "-m", message);
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("control character");
      }
    }
    try (Stream<Path> files = Files.list(p.dir.resolve("migrations"))) {
      assertThat(files).isEmpty();
    }
  }

  /** A message that reaches a header by hand (a Java string escape) is refused where it stands. */
  @Test
  void aHandWrittenMessageWithALineBreakIsRefusedWithItsFileAndLine() throws Exception {
    Project p = project("sqlite");
    Path file = p.dir.resolve("migrations").resolve("a1_evil.java");
    Files.writeString(
        file,
        """
        import dev.retort.migration.Migration;
        import dev.retort.migration.Revision;
        import dev.retort.ops.Operations;

        @Revision(id = "a1",
            message = "evil\\nDROP TABLE victim; --")
        final class Evil implements Migration {
          public void upgrade(Operations op) {}
          public void downgrade(Operations op) {}
        }
        """,
        StandardCharsets.UTF_8);
    for (String[] args :
        List.of(
            new String[] {"upgrade", "--sql", "head"},
            new String[] {"history"},
            new String[] {"upgrade", "head"})) {
      Cli.Result r = p.run(args);
      assertThat(r.exit()).as(r.toString()).isEqualTo(2);
      assertThat(r.err()).contains("a1_evil.java:6").contains("control character");
      assertThat(r.out()).doesNotContain("DROP TABLE victim");
    }
  }

  private static String onlyMigration(Project p) throws Exception {
    try (Stream<Path> files = Files.list(p.dir.resolve("migrations"))) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return Files.readString(all.get(0), StandardCharsets.UTF_8);
    }
  }

  /** The name stands in the comments with its line break escaped, on the comment's own line. */
  private static void assertInert(String file) {
    assertThat(file)
        .as(file)
        .containsPattern("(?m)^-- (create|drop) table z\\\\nDROP TABLE IF EXISTS victim; --$");
  }

  /**
   * MySQL reads backslash escapes in strings, as {@code mariadb-dump} writes a quote in data: the
   * {@code ;} inside such a string is text, so what follows it in the string never runs.
   */
  @Test
  void aMySqlStringWithAnEscapedQuoteAndASemicolonIsOneStatement() throws Exception {
    Project p = project("mariadb");
    execute("CREATE TABLE victim (id integer)");
    p.sql(
        "a1",
        "",
        "CREATE TABLE notes (body text);\n"
            + "INSERT INTO notes VALUES ('it\\'s; DROP TABLE victim; -- here');",
        "DROP TABLE notes;");
    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(tables()).contains("victim", "notes");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT body FROM notes")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("it's; DROP TABLE victim; -- here");
    }
  }
}
