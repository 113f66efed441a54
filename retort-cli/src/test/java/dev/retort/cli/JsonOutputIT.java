package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.script.Checksum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --json}: one document per command, in the shapes the README documents, the whole of
 * standard output; failures too.
 */
class JsonOutputIT {
  @TempDir Path dir;
  private final Databases.Fresh dbs = new Databases.Fresh();
  private Project p;

  @BeforeEach
  void graph() throws Exception {
    p = project("jdbc:sqlite:app.db");
  }

  @AfterEach
  void drop() throws Exception {
    dbs.close();
  }

  /** a1 -> b2 and a1 -> c3 (branch "side"), merged by m4. */
  private Project project(String url) throws Exception {
    Project project =
        new Project(Files.createDirectories(dir.resolve("p" + System.nanoTime())), url);
    project.sql(
        "a1",
        "",
        "CREATE TABLE t (id INTEGER PRIMARY KEY);",
        "DROP TABLE t;",
        "-- retort:branch-labels core\n");
    project.sql("b2", "a1", "CREATE TABLE u (id INTEGER PRIMARY KEY);", "DROP TABLE u;");
    project.sql(
        "c3",
        "a1",
        "CREATE TABLE v (id INTEGER PRIMARY KEY);",
        "DROP TABLE v;",
        "-- retort:branch-labels side\n");
    project.sql("m4", "b2, c3", "SELECT 1;", "SELECT 1;");
    return project;
  }

  private Map<String, Object> json(Cli.Result r, int exit) {
    assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
    Map<String, Object> doc = JsonReader.object(r.out());
    assertThat(doc.get("version")).isEqualTo(1L);
    return doc;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void theGraphCommandsPrintTheirDocuments() {
    Map<String, Object> heads = json(p.run("heads", "--json"), 0);
    assertThat(heads.get("command")).isEqualTo("heads");
    assertThat(list(heads.get("heads")))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.get("id")).isEqualTo("m4");
              assertThat(h.get("parents")).isEqualTo(List.of("b2", "c3"));
              assertThat(h.get("mergePoint")).isEqualTo(true);
              assertThat(h.get("head")).isEqualTo(true);
              assertThat(h.get("format")).isEqualTo("sql");
              assertThat((String) h.get("file")).endsWith("m4_m.sql");
            });

    Map<String, Object> branches = json(p.run("branches", "--format", "json"), 0);
    assertThat(list(branches.get("branchPoints")))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(map(b.get("revision")).get("id")).isEqualTo("a1");
              assertThat(map(b.get("revision")).get("branchLabels")).isEqualTo(List.of("core"));
              assertThat(list(b.get("children")))
                  .extracting(c -> c.get("id"))
                  .containsExactly("b2", "c3");
            });

    Map<String, Object> show = json(p.run("show", "side", "--json"), 0);
    assertThat(map(show.get("revision")).get("id")).isEqualTo("c3");
    assertThat(map(show.get("revision")).get("message")).isEqualTo("migration c3");

    Map<String, Object> history = json(p.run("history", "--json"), 0);
    assertThat(list(history.get("revisions")))
        .extracting(r -> r.get("id"))
        .containsExactly("m4", "c3", "b2", "a1");
    assertThat(history.get("current")).isNull();
    assertThat(history.get("applied")).isEqualTo(List.of()); // a database never migrated
    assertThat(p.dir.resolve("app.db")).doesNotExist();
  }

  @Test
  void upgradeDowngradeStampAndCurrent() {
    Map<String, Object> before = json(p.run("current", "--json"), 0);
    assertThat(before.get("revisions")).isEqualTo(List.of());
    assertThat(before.get("dirty")).isEqualTo(List.of());

    Cli.Result up = p.run("upgrade", "--json");
    Map<String, Object> upgrade = json(up, 0);
    assertThat(upgrade.get("command")).isEqualTo("upgrade");
    assertThat(upgrade.get("before")).isEqualTo(List.of());
    assertThat(upgrade.get("after")).isEqualTo(List.of("m4"));
    assertThat(list(upgrade.get("steps")))
        .extracting(s -> s.get("revision") + " " + s.get("direction"))
        .containsExactly("a1 up", "b2 up", "c3 up", "m4 up");
    assertThat(list(upgrade.get("steps")).get(0).get("description"))
        .isEqualTo("upgrade -> a1, migration a1");
    // the progress lines went to standard error, leaving standard output to the document
    assertThat(up.err()).contains("Running upgrade -> a1, migration a1");

    Map<String, Object> down = json(p.run("downgrade", "side@a1", "--json"), 0);
    assertThat(down.get("before")).isEqualTo(List.of("m4"));
    assertThat(down.get("after")).isEqualTo(List.of("b2"));
    assertThat(list(down.get("steps")))
        .extracting(s -> s.get("revision") + " " + s.get("direction"))
        .containsExactly("m4 down", "c3 down");

    Map<String, Object> current = json(p.run("current", "--json"), 0);
    assertThat(list(current.get("revisions"))).extracting(r -> r.get("id")).containsExactly("b2");

    Map<String, Object> stamp = json(p.run("stamp", "heads", "--json"), 0);
    assertThat(stamp)
        .containsEntry("command", "stamp")
        .containsEntry("before", List.of("b2"))
        .containsEntry("after", List.of("m4"));

    Map<String, Object> nothing = json(p.run("upgrade", "--json"), 0);
    assertThat(nothing.get("steps")).isEqualTo(List.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void historyCarriesTheAuditRowsOnEveryDatabase(String kind) throws Exception {
    Project project = project(dbs.url(kind, "jdbc:sqlite:app.db"));
    Instant start = Instant.now().minusSeconds(5);
    assertThat(project.run("upgrade", "b2").exit()).isZero();
    assertThat(project.run("downgrade", "-1").exit()).isZero();
    assertThat(project.run("stamp", "a1").exit()).isZero(); // already there: no row
    assertThat(project.run("stamp", "c3").exit()).isZero();
    Map<String, Object> history = json(project.run("history", "--json", "-i"), 0);
    assertThat(history.get("current")).isEqualTo(List.of("c3"));
    List<Map<String, Object>> rows = list(history.get("applied"));
    assertThat(rows)
        .extracting(r -> r.get("revision") + " " + r.get("direction") + " " + r.get("success"))
        .containsExactly("a1 up true", "b2 up true", "b2 down true", "c3 stamp true");
    String a1 = Files.readString(project.dir.resolve("migrations/a1_m.sql"));
    for (Map<String, Object> row : rows) {
      Instant at = Instant.parse((String) row.get("startedAt"));
      assertThat(at).isBetween(start, Instant.now().plusSeconds(5));
      assertThat((Long) row.get("durationMs")).isBetween(0L, Duration.ofMinutes(1).toMillis());
      assertThat((String) row.get("who")).startsWith(System.getProperty("user.name"));
      assertThat(row.get("failedStatement")).isNull();
    }
    assertThat(rows.get(0).get("checksum")).isEqualTo(Checksum.of(a1.getBytes()));
    assertThat((Long) rows.get(1).get("id")).isGreaterThan((Long) rows.get(0).get("id"));

    Cli.Result text = project.run("history", "--applied");
    assertThat(text.exit()).as(text.toString()).isZero();
    List<String> lines = text.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0))
        .matches("#\\d+ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ  stamp  c3 +ok .*");
    assertThat(lines.get(3))
        .matches(
            "#\\d+ +\\S+ \\S+  up     a1 +ok +\\d+ ms  \\S+  "
                + Checksum.of(a1.getBytes()).substring(0, 12));
  }

  @Test
  void aFailureIsADocumentToo() throws Exception {
    p.sql("z9", "m4", "INSERT INTO nowhere VALUES (1);", "");
    Cli.Result failed = p.run("upgrade", "--json");
    Map<String, Object> doc = json(failed, 3);
    assertThat(doc.get("command")).isEqualTo("upgrade");
    Map<String, Object> error = map(doc.get("error"));
    assertThat(error.get("exitCode")).isEqualTo(3L);
    assertThat(error.get("revision")).isEqualTo("z9");
    assertThat(error.get("statement")).isEqualTo("INSERT INTO nowhere VALUES (1)");
    assertThat((String) error.get("message"))
        .contains("upgrade m4 -> z9, migration z9 failed")
        .contains("no such table: nowhere");
    assertThat(failed.err()).contains("error: upgrade m4 -> z9");

    Map<String, Object> unknown = json(p.run("show", "nope", "--json"), 2);
    assertThat(map(unknown.get("error")).get("message")).isEqualTo("unknown revision 'nope'");
    assertThat(map(unknown.get("error"))).doesNotContainKey("revision");

    Cli.Result failedApplied = p.run("history", "--applied");
    assertThat(failedApplied.out())
        .contains("z9            FAILED")
        .contains("error: ")
        .contains("no such table: nowhere");
  }

  @Test
  void badOutputOptionsAreUsageErrors() {
    assertThat(p.run("heads", "--format", "xml").err())
        .contains("--format takes text or json, not 'xml'");
    assertThat(p.run("heads", "--format", "xml").exit()).isEqualTo(2);
    assertThat(p.run("heads", "--json", "--format", "text").exit()).isEqualTo(2);
    Cli.Result sql = p.run("upgrade", "--sql", "--json");
    assertThat(sql.exit()).isEqualTo(2);
    assertThat(sql.err()).contains("--sql prints an SQL script, which has no JSON form");
    assertThat(p.run("history", "--applied", "-r", "a1:").exit()).isEqualTo(2);
    assertThat(p.run("heads", "--format", "text").out()).startsWith("b2, c3 -> m4 (head)");
  }

  @Test
  void textInADocumentIsEscaped() throws Exception {
    p.sql("q5", "m4", "SELECT 1;", "SELECT 1;");
    Path f = p.dir.resolve("migrations/q5_m.sql");
    String message = "say \"hi\" \\ to Zoë, 𝄞 and </script>";
    Files.writeString(f, Files.readString(f).replace("migration q5", message));
    Map<String, Object> show = json(p.run("show", "q5", "--json"), 0);
    assertThat(map(show.get("revision")).get("message")).isEqualTo(message);
    StringBuilder out = new StringBuilder();
    Json.string(out, "a\u001b[31mb\u0007\u0085\u2028\r\n\t");
    assertThat(out.toString()).isEqualTo("\"a\\u001b[31mb\\u0007\\u0085\\u2028\\r\\n\\t\"");
    assertThat(JsonReader.parse(out.toString())).isEqualTo("a\u001b[31mb\u0007\u0085\u2028\r\n\t");
  }

  @Test
  void checkAndDiff() throws Exception {
    assertThat(p.run("upgrade").exit()).isZero();
    Files.writeString(
        p.dir.resolve("schema.sql"),
        """
        CREATE TABLE t (id INTEGER PRIMARY KEY);
        CREATE TABLE u (id INTEGER PRIMARY KEY);
        CREATE TABLE v (id INTEGER PRIMARY KEY);
        CREATE TABLE w (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL);
        """);
    Files.writeString(
        p.dir.resolve("retort.properties"),
        "\nschema=schema.sql\n",
        java.nio.file.StandardOpenOption.APPEND);
    Map<String, Object> check = json(p.run("check", "--json"), 1);
    assertThat(check.get("matches")).isEqualTo(false);
    assertThat((String) check.get("schema")).endsWith("schema.sql");
    assertThat(list(check.get("changes")))
        .singleElement()
        .satisfies(c -> assertThat(c.get("description")).isEqualTo("create table w"));
    Map<String, Object> diff = json(p.run("diff", "--json"), 0);
    assertThat(diff.get("empty")).isEqualTo(false);
    assertThat(list(diff.get("upgrade")).get(0).get("statements"))
        .asList()
        .singleElement()
        .asString()
        .startsWith("CREATE TABLE w");
    assertThat(list(diff.get("downgrade")).get(0).get("statements"))
        .isEqualTo(List.of("DROP TABLE w"));
    assertThat(diff.get("irreversible")).isEqualTo(List.of());

    Files.writeString(
        p.dir.resolve("schema.sql"),
        Files.readString(p.dir.resolve("schema.sql"))
            .replace("CREATE TABLE w (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL);\n", ""));
    Map<String, Object> matches = json(p.run("check", "--json"), 0);
    assertThat(matches.get("matches")).isEqualTo(true);
    assertThat(matches.get("changes")).isEqualTo(List.of());
  }
}
