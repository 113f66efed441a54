package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with an application's jar on its class path and {@code
 * migrations=classpath:db/retort}, on a Java runtime without a compiler: compiled migrations run;
 * Java sources in a directory cannot, and say so.
 */
class ClasspathCliIT {
  @TempDir Path dir;

  static final String CREATE_USERS =
      """
      package db.retort;

      import static dev.retort.schema.ColumnType.*;

      import dev.retort.migration.Migration;
      import dev.retort.migration.Revision;
      import dev.retort.ops.Operations;

      @Revision(id = "a1", message = "create users")
      final class CreateUsers implements Migration {
        public void upgrade(Operations op) {
          op.createTable("users", t -> t.column("id", integer()).primaryKey());
        }

        public void downgrade(Operations op) {
          op.dropTable("users");
        }
      }
      """;

  static final String ADD_NAME =
      """
      -- retort:revision b2
      -- retort:revises a1
      -- retort:message add name
      -- retort:upgrade
      ALTER TABLE users ADD COLUMN name VARCHAR(50);
      -- retort:downgrade
      ALTER TABLE users DROP COLUMN name;
      """;

  @Test
  void compiledMigrationsFromAJarRunOnAJavaRuntimeWithoutACompiler() throws Exception {
    Path jar = applicationJar();
    Path project = Files.createDirectories(dir.resolve("app"));
    Files.writeString(
        project.resolve("retort.properties"),
        "url=jdbc:sqlite:app.db\nmigrations=classpath:db/retort\n");

    Cli.Result up = runWithoutCompiler(jar, project, "upgrade");
    assertThat(up.exit()).as(up.toString()).isZero();
    assertThat(up.out())
        .contains("Running upgrade  -> a1, create users".replace("  ", " "))
        .contains("Running upgrade a1 -> b2, add name")
        .contains("Done: 2 migrations (upgrade); the database is at b2.");
    assertThat(project.resolve(".retort")).doesNotExist(); // nothing compiled

    Cli.Result history = runWithoutCompiler(jar, project, "history", "-v");
    assertThat(history.out())
        .contains("Path: db/retort/CreateUsers.class")
        .contains("Path: db/retort/b2_add_name.sql");

    // the same JVM cannot compile Java sources from a directory, and says what to do
    Path sources = Files.createDirectories(dir.resolve("src-project/migrations"));
    Files.writeString(sources.resolve("a1_create_users.java"), CREATE_USERS);
    Files.writeString(sources.getParent().resolve("retort.properties"), "url=jdbc:sqlite:app.db\n");
    Cli.Result compile = runWithoutCompiler(jar, sources.getParent(), "upgrade");
    assertThat(compile.exit()).as(compile.toString()).isEqualTo(2);
    assertThat(compile.out())
        .contains("has no compiler")
        .contains("ship the migrations compiled on the classpath");
  }

  @Test
  void aLocationOnNoClassPathEntryExitsTwoAndLeavesNoDatabase() throws Exception {
    Path project = Files.createDirectories(dir.resolve("app"));
    Files.writeString(
        project.resolve("retort.properties"),
        "url=jdbc:sqlite:app.db\nmigrations=classpath:db/not_there\n");
    Cli.Result r = Cli.run(project, "upgrade");
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "error: migrations location classpath:db/not_there is not on the" + " class path");
    assertThat(project.resolve("app.db")).doesNotExist();
    Cli.Result revision = Cli.run(project, "revision", "-m", "new");
    assertThat(revision.exit()).isEqualTo(2);
    assertThat(revision.err()).contains("cannot write a new migration into");
  }

  private Cli.Result runWithoutCompiler(Path jar, Path project, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--limit-modules",
                "java.se", // the Java SE API without jdk.compiler: a runtime, as a JRE is
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path") + File.pathSeparator + jar,
                Main.class.getName(),
                "-C",
                project.toString()));
    cmd.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "log", ".txt");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Cli.Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), "");
  }

  /** What the application's build makes: the class compiled and indexed, the SQL file beside it. */
  private Path applicationJar() throws Exception {
    Path src = Files.createDirectories(dir.resolve("build/src/db/retort"));
    Path classes =
        Files.createDirectories(dir.resolve("build/classes/db/retort")).getParent().getParent();
    Files.writeString(src.resolve("CreateUsers.java"), CREATE_USERS);
    Files.writeString(classes.resolve("db/retort/b2_add_name.sql"), ADD_NAME);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok =
          javac
              .getTask(
                  null,
                  fm,
                  null,
                  List.of(
                      "-classpath",
                      System.getProperty("java.class.path"),
                      "-d",
                      classes.toString(),
                      "-processor",
                      "dev.retort.script.RevisionProcessor"),
                  null,
                  fm.getJavaFileObjects(src.resolve("CreateUsers.java")))
              .call();
      assertThat(ok).isTrue();
    }
    assertThat(classes.resolve("META-INF/retort/migrations")).exists();
    Path jar = dir.resolve("app.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out);
        Stream<Path> all = Files.walk(classes)) {
      for (Path p : all.sorted().toList()) {
        String name = classes.relativize(p).toString().replace('\\', '/');
        if (!name.isEmpty()) {
          j.putNextEntry(new JarEntry(Files.isDirectory(p) ? name + "/" : name));
          if (!Files.isDirectory(p)) {
            j.write(Files.readAllBytes(p));
          }
          j.closeEntry();
        }
      }
    }
    return jar;
  }
}
