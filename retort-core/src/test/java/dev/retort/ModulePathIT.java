package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * retort-core as a named module: what it exports, and an application on the module path that
 * migrates with it (the tests themselves run on the class path).
 */
class ModulePathIT {
  private static final Path CLASSES = Path.of("target/classes");

  @TempDir Path dir;

  @Test
  void exportsThePublicApiOnly() {
    ModuleDescriptor module =
        ModuleFinder.of(CLASSES).find("dev.retort").orElseThrow().descriptor();
    TreeSet<String> exported =
        module.exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(exported)
        .containsExactly(
            "dev.retort",
            "dev.retort.dialect",
            "dev.retort.diff",
            "dev.retort.dsl",
            "dev.retort.error",
            "dev.retort.inspect",
            "dev.retort.migration",
            "dev.retort.ops",
            "dev.retort.schema",
            "dev.retort.source",
            "dev.retort.text");
    assertThat(module.packages())
        .contains(
            "dev.retort.runtime",
            "dev.retort.script",
            "dev.retort.autogenerate",
            "dev.retort.codegen");
  }

  @Test
  void anApplicationOnTheModulePathMigratesAndCannotReachTheEngine() throws Exception {
    Path sqlite =
        Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String modulePath = CLASSES.toAbsolutePath() + java.io.File.pathSeparator + sqlite;
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("app/example"));
    Files.writeString(
        src.resolve("app/module-info.java"),
        "module app { requires dev.retort; requires org.xerial.sqlitejdbc; }");
    Files.writeString(
        src.resolve("app/example/Main.java"),
        """
        package example;

        public class Main {
          public static void main(String[] args) {
            var r = dev.retort.Retort.configure().projectDir(java.nio.file.Path.of(args[0]))
                .url("jdbc:sqlite:app.db").migrations("migrations").load();
            System.out.println("after " + r.upgrade("heads").after());
          }
        }
        """);
    Path migrations = Files.createDirectories(dir.resolve("project/migrations"));
    Files.writeString(
        migrations.resolve("a1_notes.sql"),
        """
        -- retort:revision a1
        -- retort:message notes
        -- retort:upgrade
        CREATE TABLE notes (id integer PRIMARY KEY);
        -- retort:downgrade
        DROP TABLE notes;
        """);
    Path out = dir.resolve("out");
    assertThat(
            javac(
                modulePath,
                out,
                src.resolve("app/module-info.java"),
                src.resolve("app/example/Main.java")))
        .isEmpty();

    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                modulePath + java.io.File.pathSeparator + out,
                "--module",
                "app/example.Main",
                dir.resolve("project").toString())
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    p.getInputStream().transferTo(seen);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = seen.toString(StandardCharsets.UTF_8);
    assertThat(output).contains("after [a1]");
    assertThat(p.exitValue()).as(output).isZero();

    // the runner is behind the facade: a module importing it does not compile
    Files.writeString(
        src.resolve("app/example/Main.java"),
        "package example;\nclass Main { dev.retort.runtime.Runner runner; }\n");
    assertThat(
            javac(
                modulePath,
                dir.resolve("out2"),
                src.resolve("app/module-info.java"),
                src.resolve("app/example/Main.java")))
        .contains(
            "package dev.retort.runtime is declared in module dev.retort, which does not export it");
  }

  private static String javac(String modulePath, Path out, Path... sources) {
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    StringWriter messages = new StringWriter();
    // an empty class path: javac run in this JVM would otherwise take the tests' own
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--module-path", modulePath, "--class-path", out.toString(), "-d", out.toString()));
    for (Path s : sources) {
      args.add(s.toString());
    }
    javac.run(new PrintWriter(messages), new PrintWriter(messages), args.toArray(String[]::new));
    return messages.toString();
  }
}
