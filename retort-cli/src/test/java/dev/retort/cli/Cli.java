package dev.retort.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the command line as a user would: in this JVM, or as a separate process. */
final class Cli {
  /** The start of a schema definition class {@code AppSchema}, up to its {@code define} body. */
  static final String SCHEMA_HEAD =
      """
      import static dev.retort.schema.ColumnType.*;
      import static dev.retort.schema.ReferentialAction.*;

      import dev.retort.dsl.SchemaBuilder;
      import dev.retort.dsl.SchemaDefinition;

      public final class AppSchema implements SchemaDefinition {
        @Override
        public void define(SchemaBuilder s) {
      """;

  /** The end of the class {@link #SCHEMA_HEAD} starts. */
  static final String SCHEMA_TAIL =
      """
        }
      }
      """;

  private Cli() {}

  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** {@code retort -C dir args...} in this JVM, with {@code env} as the whole environment. */
  static Result run(Path dir, Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("-C", dir.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), env);
    return new Result(exit, out.toString(), err.toString());
  }

  static Result run(Path dir, String... args) {
    return run(dir, Map.of(), args);
  }

  /** Starts {@code retort -C dir args...} as its own JVM process. */
  static Process start(Path dir, Path log, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "-C",
                dir.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    new HashMap<>(env).keySet().stream().filter(k -> k.startsWith("RETORT_")).forEach(env::remove);
    return pb.start();
  }

  /** Waits for a process started by {@link #start} and returns its exit code and output. */
  static Result await(Process p, Path log, long seconds) throws Exception {
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          "retort did not finish in "
              + seconds
              + " s:\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), "");
  }

  /** Copies a directory tree (an example project) into {@code to}. */
  static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().endsWith(".db")) {
          Files.copy(p, target);
        }
      }
    }
  }

  /** The repository's examples directory. */
  static Path example(String name) {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("examples").resolve(name);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("examples/" + name + " not found above " + here);
  }
}
