package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.script.Checksum;
import dev.retort.script.MigrationJar;
import dev.retort.script.ScriptStore;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrations=classpath:db/retort}: SQL files and compiled Java migrations from the
 * application's jar and directories, as a Spring Boot application or {@code java -cp} runs them.
 */
class ClasspathMigrationsIT {
  @TempDir Path dir;

  static final String INIT =
      """
      package db.retort;

      import static dev.retort.schema.ColumnType.*;

      import dev.retort.migration.Migration;
      import dev.retort.migration.Revision;
      import dev.retort.ops.Operations;

      @Revision(id = "a1", message = "create users")
      final class CreateUsers implements Migration {
        public void upgrade(Operations op) {
          op.createTable("users", t -> {
            t.column("id", integer()).primaryKey();
            t.column("name", varchar(50)).notNull();
          });
        }

        public void downgrade(Operations op) {
          op.dropTable("users");
        }
      }
      """;

  static final String SECOND =
      """
      -- retort:revision b2
      -- retort:revises a1
      -- retort:message add a user
      -- retort:upgrade
      INSERT INTO users (id, name) VALUES (1, 'Zoë');
      -- retort:downgrade
      DELETE FROM users WHERE id = 1;
      """;

  static final String THIRD =
      """
      package db.retort;

      import dev.retort.migration.Migration;
      import dev.retort.migration.Revision;
      import dev.retort.ops.Operations;

      @Revision(id = "c3", revises = "b2", message = "data code")
      final class DataCode implements Migration {
        public void upgrade(Operations op) throws Exception {
          try (var s = op.connection().createStatement()) {
            s.executeUpdate("UPDATE users SET name = name || '!'");
          }
        }

        public void downgrade(Operations op) throws Exception {
          op.execute("UPDATE users SET name = substr(name, 1, length(name) - 1)");
        }
      }
      """;

  private MigrationJar app() {
    return new MigrationJar()
        .source("db/retort/CreateUsers.java", INIT)
        .resource("db/retort/b2_add_a_user.sql", SECOND)
        .source("db/retort/DataCode.java", THIRD)
        .resource("db/other/z9_elsewhere.sql", SECOND.replace("b2", "z9"));
  }

  private Retort retort(ClassLoader loader) {
    return Retort.configure()
        .projectDir(dir)
        .environment(java.util.Map.of())
        .url("jdbc:sqlite:app.db")
        .migrations("classpath:db/retort")
        .classLoader(loader)
        .load();
  }

  private static URLClassLoader loader(Path... entries) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (Path p : entries) {
      urls.add(p.toUri().toURL());
    }
    return new URLClassLoader(
        urls.toArray(URL[]::new), ClasspathMigrationsIT.class.getClassLoader());
  }

  @Test
  void runsSqlFilesAndCompiledClassesFromAJarWithoutCompiling() throws Exception {
    Path jar = app().jar(dir.resolve("build"), dir.resolve("app.jar"));
    try (URLClassLoader loader = loader(jar)) {
      RunResult r = retort(loader).upgrade("heads");
      assertThat(r.steps()).extracting(RunResult.Step::revision).containsExactly("a1", "b2", "c3");
      assertThat(r.after()).containsExactly("c3");
      assertThat(query("SELECT name FROM users")).containsExactly("Zoë!");
      // nothing compiled at run time
      assertThat(dir.resolve(".retort")).doesNotExist();
      // the checksums are those the command line records for the same sources
      assertThat(query("SELECT revision || ' ' || checksum FROM retort_history ORDER BY id"))
          .containsExactly("a1 " + sum(INIT), "b2 " + sum(SECOND), "c3 " + sum(THIRD));

      Retort again = retort(loader);
      assertThat(again.upgrade("heads").steps()).isEmpty();
      assertThat(again.history(Optional.empty(), false).revisions())
          .extracting(
              RevisionInfo::id, i -> i.file().orElseThrow().toString(), RevisionInfo::format)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "c3", "db/retort/DataCode.class", MigrationFormat.JAVA),
              org.assertj.core.groups.Tuple.tuple(
                  "b2", "db/retort/b2_add_a_user.sql", MigrationFormat.SQL),
              org.assertj.core.groups.Tuple.tuple(
                  "a1", "db/retort/CreateUsers.class", MigrationFormat.JAVA));
      assertThat(again.downgrade("base").steps()).hasSize(3);
      assertThat(query("SELECT count(*) FROM sqlite_master WHERE name = 'users'"))
          .containsExactly("0");
    }
  }

  @Test
  void mergesTheLocationAcrossDirectoriesAndJars() throws Exception {
    Path jar =
        new MigrationJar()
            .source("db/retort/CreateUsers.java", INIT)
            .jar(dir.resolve("lib"), dir.resolve("lib.jar"));
    Path classes =
        new MigrationJar()
            .resource("db/retort/b2_add_a_user.sql", SECOND)
            .compile(dir.resolve("app"))
            .classes();
    try (URLClassLoader loader = loader(classes, jar)) {
      assertThat(retort(loader).upgrade("heads").after()).containsExactly("b2");
    }
  }

  @Test
  void theSameRevisionsAsFromTheSourceDirectory() throws Exception {
    Path jar = app().jar(dir.resolve("build"), dir.resolve("app.jar"));
    Path sources = Files.createDirectories(dir.resolve("src-dir"));
    Files.writeString(sources.resolve("a1_create_users.java"), INIT);
    Files.writeString(sources.resolve("b2_add_a_user.sql"), SECOND);
    Files.writeString(sources.resolve("c3_data_code.java"), THIRD);
    try (URLClassLoader loader = loader(jar)) {
      assertThat(ScriptStore.openClasspath("db/retort", loader).revisions())
          .extracting(r -> r.id() + " " + r.parents() + " " + r.message() + " " + r.checksum())
          .containsExactlyInAnyOrderElementsOf(
              ScriptStore.open(sources).revisions().stream()
                  .map(r -> r.id() + " " + r.parents() + " " + r.message() + " " + r.checksum())
                  .toList());
    }
  }

  @Test
  void aLocationOnNoClassPathEntryIsAnErrorAndChangesNothing() throws Exception {
    Path jar = app().jar(dir.resolve("build"), dir.resolve("app.jar"));
    try (URLClassLoader loader = loader(jar)) {
      Retort r =
          Retort.configure()
              .projectDir(dir)
              .environment(java.util.Map.of())
              .url("jdbc:sqlite:app.db")
              .migrations("classpath:db/nowhere")
              .classLoader(loader)
              .load();
      assertThatThrownBy(() -> r.upgrade("heads"))
          .satisfies(usage())
          .hasMessageContaining("migrations location classpath:db/nowhere is not on the class path")
          .hasMessageContaining("the index lists migrations in package db.retort");
    }
    assertThat(dir.resolve("app.db")).doesNotExist();
  }

  @Test
  void aMigrationClassWithoutRevisionIsAnError() throws Exception {
    // compiled without the processor (which would refuse it), as another build might
    Path classes =
        new MigrationJar()
            .withoutProcessor()
            .source(
                "db/retort/Forgot.java",
                """
        package db.retort;
        public final class Forgot implements dev.retort.migration.Migration {
          public void upgrade(dev.retort.ops.Operations op) {}
          public void downgrade(dev.retort.ops.Operations op) {}
        }
        """)
            .source("db/retort/Helper.java", "package db.retort;\nfinal class Helper {}\n")
            .resource("db/retort/b2.sql", SECOND.replace("-- retort:revises a1\n", ""))
            .compile(dir.resolve("build"))
            .classes();
    try (URLClassLoader loader = loader(classes)) {
      assertThatThrownBy(() -> retort(loader).upgrade("heads"))
          .satisfies(usage())
          .hasMessageContaining("class db.retort.Forgot (")
          .hasMessageContaining("implements Migration but has no @Revision");
    }
    assertThat(dir.resolve("app.db")).doesNotExist();
  }

  @Test
  void aMigrationCompiledWithoutTheProcessorIsAnError() throws Exception {
    Path classes =
        new MigrationJar()
            .withoutProcessor()
            .source("db/retort/CreateUsers.java", INIT)
            .compile(dir.resolve("build"))
            .classes();
    try (URLClassLoader loader = loader(classes)) {
      assertThatThrownBy(() -> retort(loader).upgrade("heads"))
          .satisfies(usage())
          .hasMessageContaining(
              "is a migration (revision a1) that no META-INF/retort/migrations lists")
          .hasMessageContaining("-proc:full");
    }
  }

  @Test
  void aRevisionIdInAFileAndAClassIsAnError() throws Exception {
    Path jar =
        new MigrationJar()
            .source("db/retort/CreateUsers.java", INIT)
            .resource(
                "db/retort/a1_again.sql",
                SECOND.replace("b2", "a1").replace("-- retort:revises a1\n", ""))
            .jar(dir.resolve("build"), dir.resolve("app.jar"));
    try (URLClassLoader loader = loader(jar)) {
      assertThatThrownBy(() -> retort(loader).upgrade("heads"))
          .satisfies(usage())
          .hasMessageContaining(
              "duplicate revision id 'a1' in classpath:db/retort/a1_again.sql (jar:")
          .hasMessageContaining("and class db.retort.CreateUsers (listed in jar:");
    }
    assertThat(dir.resolve("app.db")).doesNotExist();
  }

  @Test
  void javaSourceOnTheClassPathIsAnError() throws Exception {
    Path classes =
        new MigrationJar()
            .resource("db/retort/a1_create_users.java", INIT)
            .compile(dir.resolve("build"))
            .classes();
    try (URLClassLoader loader = loader(classes)) {
      assertThatThrownBy(() -> retort(loader).upgrade("heads"))
          .satisfies(usage())
          .hasMessageContaining("db/retort/a1_create_users.java: is Java source on the class path");
    }
  }

  @Test
  void anIndexThatNoLongerMatchesItsClassesStopsTheRunBeforeAnyStep() throws Exception {
    Path classes = app().compile(dir.resolve("build")).classes();
    // another build replaced the class with one of another revision, keeping the old index
    Path other =
        new MigrationJar()
            .source("db/retort/DataCode.java", THIRD.replace("\"c3\"", "\"c4\""))
            .compile(dir.resolve("other"))
            .classes();
    Files.copy(
        other.resolve("db/retort/DataCode.class"),
        classes.resolve("db/retort/DataCode.class"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (URLClassLoader loader = loader(classes)) {
      assertThatThrownBy(() -> retort(loader).upgrade("heads"))
          .satisfies(usage())
          .hasMessageContaining("class db.retort.DataCode (revision c3, listed in file:")
          .hasMessageContaining("carries @Revision(id = \"c4\")");
      assertThat(query("SELECT count(*) FROM sqlite_master WHERE name = 'users'"))
          .containsExactly("0");
    }
  }

  @Test
  void newMigrationsAreNotWrittenIntoTheClassPath() {
    Retort r = retort(getClass().getClassLoader());
    assertThatThrownBy(
            () ->
                r.revision(
                    new NewRevision(
                        "x",
                        Optional.empty(),
                        List.of(),
                        List.of(),
                        List.of(),
                        MigrationFormat.SQL)))
        .satisfies(usage())
        .hasMessageContaining(
            "migrations is classpath:db/retort, which Retort reads but cannot write");
  }

  @Test
  void aMalformedLocationIsRefusedBeforeConnecting() {
    for (String bad :
        List.of(
            "classpath:",
            "classpath:/",
            "classpath:db/../x",
            "classpath:db//x",
            "classpath:db\\x",
            "classpath:db/*")) {
      assertThatThrownBy(
              () ->
                  Retort.configure()
                      .projectDir(dir)
                      .environment(java.util.Map.of())
                      .migrations(bad)
                      .build())
          .as(bad)
          .satisfies(usage())
          .hasMessageContaining("is not a class path location");
    }
    assertThat(
            Retort.configure()
                .projectDir(dir)
                .environment(java.util.Map.of())
                .migrations(" classpath:/db/retort/ ")
                .build()
                .migrationsOnClasspath())
        .contains("db/retort");
  }

  private static java.util.function.Consumer<Throwable> usage() {
    return e -> assertThat(((RetortException) e).exitCode()).isEqualTo(ExitCode.USAGE);
  }

  private static String sum(String text) {
    return Checksum.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> query(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
