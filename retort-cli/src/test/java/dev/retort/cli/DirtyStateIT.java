package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A migration that fails outside a transaction leaves its earlier statements applied: the revision
 * is marked dirty, current shows it, runs refuse until the file is fixed (then they resume at the
 * failed statement) or the state is declared with stamp.
 */
class DirtyStateIT {
  @TempDir Path dir;
  private final Databases.Fresh dbs = new Databases.Fresh();
  private String url;

  private void use(String kind) {
    url = dbs.url(kind, "jdbc:sqlite:" + dir.resolve("d.db"));
  }

  @AfterEach
  void drop() throws SQLException {
    dbs.close();
  }

  private Path failing(Project p) throws Exception {
    p.sql("n0", "", "CREATE TABLE base_t (id integer);", "DROP TABLE base_t;");
    return p.sql(
        "n1",
        "n0",
        "CREATE TABLE a (id integer);\nCREATE TABLE b (id integer);\n"
            + "INSERT INTO nope VALUES (1);\nCREATE TABLE c (id integer);",
        "DROP TABLE c;\nDROP TABLE b;\nDROP TABLE a;",
        "-- retort:transactional false\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void fixedMigrationResumesAtTheFailedStatement(String kind) throws Exception {
    use(kind);
    Project p = new Project(dir.resolve("proj"), url);
    Path n1 = failing(p);

    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .contains("INSERT INTO nope")
        .contains("first 2 statements stay applied")
        .contains("marked dirty")
        .contains("resume at statement 3");
    assertThat(tables()).contains("a", "b").doesNotContain("c");

    r = p.run("current");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("n0, migration n0")
        .contains("n1 (dirty: upgrade failed at statement 3");

    r = p.run("upgrade", "head");
    assertThat(r.exit()).as("unchanged file: refuse\n" + r).isEqualTo(2);
    assertThat(r.err()).contains("n1 is dirty").contains("resume at statement 3").contains("stamp");
    r = p.run("downgrade", "base");
    assertThat(r.exit()).as("no downgrade over a dirty revision either\n" + r).isEqualTo(2);

    Files.writeString(n1, Files.readString(n1).replace("INSERT INTO nope", "INSERT INTO a"));
    r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("(resuming at statement 3)");
    assertThat(tables()).contains("a", "b", "c");
    assertThat(query("SELECT count(*) FROM a")).containsExactly("1");
    assertThat(p.run("current").out()).contains("n1 (head)").doesNotContain("dirty");

    r = p.run("downgrade", "base");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(tables()).doesNotContain("a", "b", "c", "base_t");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void stampSettlesADirtyRevision(String kind) throws Exception {
    use(kind);
    Project p = new Project(dir.resolve("proj"), url);
    Path n1 = failing(p);
    assertThat(p.run("upgrade", "head").exit()).isEqualTo(3);

    // the operator undoes the half-applied statements by hand and declares the state
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("DROP TABLE a");
      c.createStatement().execute("DROP TABLE b");
    }
    Cli.Result r = p.run("stamp", "n0");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(p.run("current").out()).doesNotContain("dirty");

    Files.writeString(n1, Files.readString(n1).replace("INSERT INTO nope", "INSERT INTO a"));
    r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).doesNotContain("resuming");
    assertThat(tables()).contains("a", "b", "c");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void failureAtTheFirstStatementLeavesNothingDirty(String kind) throws Exception {
    use(kind);
    Project p = new Project(dir.resolve("proj"), url);
    p.sql(
        "m1",
        "",
        "INSERT INTO nope VALUES (1);\nCREATE TABLE a (id integer);",
        "",
        "-- retort:transactional false\n");
    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("Nothing of it ran");
    assertThat(p.run("current").out()).doesNotContain("dirty");
  }

  @org.junit.jupiter.api.Test
  void mariaDbDdlCommitsAsItGoesSoEveryMigrationCanTurnDirty() throws Exception {
    use("mariadb");
    Project p = new Project(dir.resolve("proj"), url);
    Path m1 =
        p.sql(
            "m1",
            "",
            "CREATE TABLE a (id integer);\nINSERT INTO nope VALUES (1);\nCREATE TABLE b (id integer);",
            "DROP TABLE b;\nDROP TABLE a;");
    Cli.Result r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .contains("mysql commits DDL as it goes")
        .contains("its first statement stays applied")
        .contains("resume at statement 2");
    assertThat(p.run("current").out()).contains("m1 (dirty: upgrade failed at statement 2");
    Files.writeString(m1, Files.readString(m1).replace("INSERT INTO nope", "INSERT INTO a"));
    r = p.run("upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(tables()).contains("a", "b");
    assertThat(query("SELECT count(*) FROM a")).containsExactly("1");
  }

  private List<String> tables() throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return url.startsWith("jdbc:sqlite")
          ? Databases.query(c, "SELECT name FROM sqlite_master WHERE type = 'table'")
          : url.startsWith("jdbc:mariadb")
              ? Databases.query(
                  c,
                  "SELECT table_name FROM information_schema.tables WHERE table_schema = database()")
              : Databases.query(c, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    }
  }

  private List<String> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return Databases.query(c, sql);
    }
  }
}
