package dev.retort.codegen;

import dev.retort.ops.Op;
import dev.retort.ops.OpSink;
import dev.retort.ops.Operations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with javac against the test classpath, as a migration would be. */
final class InMemoryJava {
  private InMemoryJava() {}

  /** Compiles {@code source} (one top-level class in the default package) and loads it. */
  static Class<?> compile(String className, String source) {
    try {
      Path dir = Files.createTempDirectory("retort-codegen");
      Path file = dir.resolve(className + ".java");
      Files.writeString(file, source, StandardCharsets.UTF_8);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files =
          javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        boolean ok =
            javac
                .getTask(
                    null,
                    files,
                    diagnostics,
                    List.of(
                        "-classpath",
                        System.getProperty("java.class.path"),
                        "-d",
                        dir.toString(),
                        "-Xlint:all",
                        "-Werror",
                        "-proc:none"),
                    null,
                    files.getJavaFileObjects(file))
                .call();
        if (!ok) {
          throw new AssertionError(
              "generated source does not compile:\n"
                  + diagnostics.getDiagnostics().stream()
                      .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                      .collect(Collectors.joining("\n"))
                  + "\n--- source ---\n"
                  + numbered(source));
        }
      }
      URLClassLoader loader =
          new URLClassLoader(new URL[] {dir.toUri().toURL()}, InMemoryJava.class.getClassLoader());
      return loader.loadClass(className);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  static String numbered(String source) {
    String[] lines = source.split("\n", -1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      b.append(String.format("%4d  %s%n", i + 1, lines[i]));
    }
    return b.toString();
  }

  /** An {@link Operations} that records the ops it is given. */
  static Operations recording(List<Op> into) {
    return new Operations(OpSink.recording(into, "postgresql"));
  }

  static List<Op> newList() {
    return new ArrayList<>();
  }
}
