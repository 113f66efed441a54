package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The everyday paths a new user coming from Alembic, Flask-Migrate or Drizzle Kit walks. */
class RoughEdgesIT {
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

  private void execute(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private List<String> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return Databases.query(c, sql);
    }
  }

  private static Path newest(Project p) throws Exception {
    try (Stream<Path> files = Files.list(p.dir.resolve("migrations"))) {
      return files
          .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
          .orElseThrow();
    }
  }

  private static Cli.Result ok(Cli.Result r) {
    assertThat(r.exit()).as(r.toString()).isZero();
    return r;
  }

  /** A base migration with users and rows; the desired schema then adds a NOT NULL column. */
  private Project usersWithRows(String kind) throws Exception {
    Project p = project(kind);
    p.sql(
        "a1",
        "",
        "CREATE TABLE users (id integer PRIMARY KEY, email varchar(120));",
        "DROP TABLE users;");
    ok(p.run("upgrade", "head"));
    execute("INSERT INTO users (id, email) VALUES (1, 'a@x'), (2, 'a@x')");
    return p;
  }

  @ParameterizedTest
  // (an SQL migration for SQLite cannot make a column NOT NULL ahead of time: that is a table
  // rebuild, planned from the live table when a Java migration runs)
  @CsvSource({"postgresql,java", "postgresql,sql", "mariadb,java", "mariadb,sql", "sqlite,java"})
  void aNotNullColumnOnATableWithRowsIsAddedInSafeSteps(String kind, String format)
      throws Exception {
    Project p = usersWithRows(kind);
    Files.writeString(
        p.dir.resolve("schema.sql"),
        "CREATE TABLE users (id integer PRIMARY KEY, email varchar(120), username varchar(50) NOT NULL);\n");
    Cli.Result r = ok(p.run("revision", "--autogenerate", "-m", "username", "--format", format));
    assertThat(r.err()).contains("warning: users has rows").contains("users.username");
    Path file = newest(p);
    String text = Files.readString(file);
    assertThat(text)
        .contains(format.equals("java") ? "op.todo(" : "-- retort:todo ")
        .contains("UPDATE users SET username = NULL WHERE username IS NULL");

    r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("not finished").contains("users.username");
    assertThat(query("SELECT COUNT(*) FROM users")).containsExactly("2");
    assertThat(p.run("current").out()).contains("a1, migration a1").doesNotContain("dirty");

    String finished =
        text.lines()
            .filter(l -> !l.contains("op.todo(") && !l.contains("retort:todo"))
            .reduce("", (a, b) -> a + b + "\n")
            .replace("SET username = NULL WHERE", "SET username = 'user' || id WHERE");
    if (kind.equals("mariadb")) {
      finished = finished.replace("'user' || id", "CONCAT('user', id)");
    }
    Files.writeString(file, finished, StandardCharsets.UTF_8);
    ok(p.run("upgrade", "head"));
    assertThat(query("SELECT username FROM users ORDER BY id")).containsExactly("user1", "user2");
    assertThat(ok(p.run("check")).out()).contains("matches");
    ok(p.run("downgrade", "a1"));
  }

  /** What SQLite cannot write ahead of time points at the format that can, in plain words. */
  @Test
  void anSqlMigrationSqliteCannotWriteAheadOfTimeSaysToUseJava() throws Exception {
    Project p = usersWithRows("sqlite");
    Files.writeString(
        p.dir.resolve("schema.sql"),
        "CREATE TABLE users (id integer PRIMARY KEY, email varchar(120) NOT NULL);\n");
    Cli.Result r = p.run("revision", "--autogenerate", "-m", "email", "--format", "sql");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("alter column users.email (not null)")
        .contains("--format java")
        .doesNotContain("***");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
  void aUniqueKeyOverDuplicatesGetsATodo(String kind) throws Exception {
    Project p = usersWithRows(kind);
    Files.writeString(
        p.dir.resolve("schema.sql"),
        "CREATE TABLE users (id integer PRIMARY KEY, email varchar(120));\n"
            + "CREATE UNIQUE INDEX ux_users_email ON users (email);\n");
    Cli.Result r = ok(p.run("revision", "--autogenerate", "-m", "unique email", "--format", "sql"));
    assertThat(r.err()).contains("users (email) holds duplicate values");
    assertThat(Files.readString(newest(p)))
        .contains("-- retort:todo users (email) holds duplicate values");
    assertThat(p.run("upgrade", "head").exit()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
  void wideningIsNoDataLossAndItsReverseIs(String kind) throws Exception {
    Project p = project(kind);
    p.sql(
        "a1",
        "",
        "CREATE TABLE users (id integer PRIMARY KEY, email varchar(120));",
        "DROP TABLE users;");
    ok(p.run("upgrade", "head"));
    Files.writeString(
        p.dir.resolve("schema.sql"),
        "CREATE TABLE users (id integer PRIMARY KEY, email varchar(255));\n");
    for (String format : kind.equals("sqlite") ? List.of("java") : List.of("sql", "java")) {
      ok(p.run("revision", "--autogenerate", "-m", "wider " + format, "--format", format));
      String text = Files.readString(newest(p));
      int down =
          text.indexOf(format.equals("sql") ? "-- retort:downgrade" : "downgrade(Operations op)");
      assertThat(text.substring(0, down)).doesNotContain("DATA LOSS");
      assertThat(text.substring(down))
          .contains(
              "DATA LOSS: changes the type of users.email from " + "varchar(255) to varchar(120)");
      Files.delete(newest(p));
    }
  }

  /** Every op autogenerate writes has a readable Operations form; none is spelled as a record. */
  @Test
  void generatedJavaReadsLikeAHandWrittenMigration() throws Exception {
    Project p = project("postgresql");
    p.sql(
        "a1",
        "",
        """
        CREATE TABLE teams (id integer CONSTRAINT pk_teams PRIMARY KEY, name text NOT NULL,
          CONSTRAINT uq_teams_name UNIQUE (name), CONSTRAINT ck_teams_name CHECK (name <> ''));
        CREATE TABLE members (id integer PRIMARY KEY, team_id integer
          CONSTRAINT fk_members_team REFERENCES teams (id) ON DELETE CASCADE, nick text);
        CREATE TABLE legacy (a integer, b integer, CONSTRAINT pk_legacy PRIMARY KEY (a, b));
        CREATE INDEX ix_members_nick ON members (nick);
        """,
        "DROP TABLE legacy; DROP TABLE members; DROP TABLE teams;");
    ok(p.run("upgrade", "head"));
    Files.writeString(
        p.dir.resolve("schema.sql"),
        """
        CREATE TABLE teams (id integer CONSTRAINT pk_teams PRIMARY KEY, name varchar(80) NOT NULL);
        CREATE TABLE members (id integer PRIMARY KEY, team_id integer, nick text, joined date);
        CREATE TABLE pairs (a integer, b integer, CONSTRAINT pk_pairs PRIMARY KEY (a, b),
          CONSTRAINT fk_pairs_team FOREIGN KEY (a) REFERENCES teams (id));
        """);
    ok(p.run("revision", "--autogenerate", "-m", "reshape"));
    String text = Files.readString(newest(p));
    assertThat(text)
        .doesNotContain("op.apply(new")
        .contains("op.dropForeignKey(")
        .contains("op.dropUniqueConstraint(")
        .contains("op.dropCheckConstraint(")
        .contains("t.namedPrimaryKey(\"pk_pairs\"");
    ok(p.run("upgrade", "head"));
    assertThat(ok(p.run("check")).out()).contains("matches");
    ok(p.run("downgrade", "a1"));
    assertThat(p.run("check").exit()).isEqualTo(1);
  }

  @Test
  void repairAcceptsAChangedFileAndSaysSoWhereItIsRefused() throws Exception {
    Project p = project("sqlite");
    Path a1 = p.sql("a1", "", "CREATE TABLE t (id integer);", "DROP TABLE t;");
    ok(p.run("upgrade", "head"));
    Files.writeString(
        a1, Files.readString(a1).replace("CREATE TABLE t", "-- reformatted\nCREATE TABLE t"));
    p.sql("a2", "a1", "CREATE TABLE u (id integer);", "DROP TABLE u;");
    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("a1_m.sql").contains("repair");
    r = ok(p.run("repair"));
    assertThat(r.out())
        .contains("Recorded a1 as its file is now")
        .contains("1 checksum(s) recorded");
    ok(p.run("upgrade", "head"));
    assertThat(ok(p.run("repair")).out()).contains("Nothing to repair.");
  }

  @Test
  void repairClearsADirtyRevisionWhoseFileWasFixed() throws Exception {
    Project p = project("mariadb");
    Path a1 =
        p.sql(
            "a1",
            "",
            "CREATE TABLE s1 (id integer);\nINSERT INTO nope VALUES (1);",
            "DROP TABLE s1;");
    assertThat(p.run("upgrade", "head").exit()).isEqualTo(3);
    r("repair leaves an unchanged dirty file", ok(p.run("repair")).out(), "Left a1 dirty");
    execute("DROP TABLE s1"); // the partial change repaired by hand
    Files.writeString(a1, Files.readString(a1).replace("INSERT INTO nope", "INSERT INTO s1"));
    r("repair clears it", ok(p.run("repair")).out(), "Cleared the dirty state of a1");
    assertThat(ok(p.run("current")).out()).doesNotContain("dirty");
    ok(p.run("upgrade", "head"));
    assertThat(query("SELECT COUNT(*) FROM s1")).containsExactly("1");
  }

  private static void r(String what, String out, String expected) {
    assertThat(out).as(what).contains(expected);
  }

  @Test
  void mergeWritesTheFormatOfWhatItJoins() throws Exception {
    Project p = project("sqlite");
    p.sql("a1", "", "SELECT 1;", "");
    p.sql("b1", "a1", "SELECT 1;", "");
    p.sql("c1", "a1", "SELECT 1;", "");
    Cli.Result r = ok(p.run("merge", "heads", "-m", "join", "--format", "java"));
    assertThat(r.out()).contains(".java");
    Files.delete(newest(p));
    r = ok(p.run("merge", "heads", "-m", "join again"));
    assertThat(r.out()).contains(".sql");
  }

  @Test
  void initWritesAGitignoreAndAnEnvExample() throws Exception {
    Path d = dir.resolve("fresh");
    Files.createDirectories(d);
    Files.writeString(d.resolve(".gitignore"), "target/\n.env\n");
    Cli.Result r = ok(Cli.run(d, "init"));
    assertThat(r.out()).contains(".gitignore").contains(".env.example");
    assertThat(Files.readAllLines(d.resolve(".gitignore")))
        .containsExactly("target/", ".env", ".retort/", "retort.db", "retort.db.retort-lock");
    assertThat(Files.readString(d.resolve(".env.example")))
        .contains("# RETORT_URL=")
        .contains("DATABASE_URL");
  }

  @Test
  void anSqliteSectionDropsAColumnInPlace() throws Exception {
    Project p = project("postgresql");
    p.sql("a1", "", "CREATE TABLE t (id integer PRIMARY KEY, old text);", "DROP TABLE t;");
    ok(p.run("upgrade", "head"));
    Files.writeString(p.dir.resolve("schema.sql"), "CREATE TABLE t (id integer PRIMARY KEY);\n");
    ok(
        p.run(
            "revision",
            "--autogenerate",
            "-m",
            "drop old",
            "--format",
            "sql",
            "--dialects",
            "postgresql,sqlite"));
    String text = Files.readString(newest(p));
    String sqlite = text.substring(text.indexOf("-- retort:dialect sqlite"));
    assertThat(sqlite).contains("ALTER TABLE t DROP COLUMN old;");
  }

  @Test
  void aMistypedRevisionNamesTheClosestOne() throws Exception {
    Project p = project("sqlite");
    p.sql("1a2b3c4d5e6f", "", "SELECT 1;", "");
    Cli.Result r = p.run("upgrade", "1a2b3c4d5e6g");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("did you mean '1a2b3c4d5e6f'?");
  }
}
