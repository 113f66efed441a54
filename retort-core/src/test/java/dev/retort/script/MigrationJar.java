package dev.retort.script;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds what an application's build makes of its migrations, in a test: Java sources compiled with
 * Retort's annotation processor (which writes the index), resources beside them, and the result as
 * a directory or a jar.
 */
public final class MigrationJar {
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, byte[]> resources = new LinkedHashMap<>();
  private boolean processor = true;

  /** A Java source at {@code path} ({@code db/retort/V1.java}). */
  public MigrationJar source(String path, String text) {
    sources.put(path, text);
    return this;
  }

  /** A resource at {@code path} ({@code db/retort/001_init.sql}). */
  public MigrationJar resource(String path, String text) {
    resources.put(path, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Compiles without the annotation processor, as javac 23 does unless asked. */
  public MigrationJar withoutProcessor() {
    processor = false;
    return this;
  }

  /** What compiling said. */
  public record Compiled(boolean ok, String diagnostics, Path classes) {}

  /** Compiles the sources into {@code dir}/classes and copies the resources there. */
  public Compiled compile(Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> s : sources.entrySet()) {
      Path f = src.resolve(s.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, s.getValue(), StandardCharsets.UTF_8);
      files.add(f);
    }
    for (Map.Entry<String, byte[]> r : resources.entrySet()) {
      Path f = classes.resolve(r.getKey());
      Files.createDirectories(f.getParent());
      Files.write(f, r.getValue());
    }
    if (files.isEmpty()) {
      return new Compiled(true, "", classes);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          new ArrayList<>(
              List.of(
                  "-classpath",
                  System.getProperty("java.class.path"),
                  "-d",
                  classes.toString(),
                  "-encoding",
                  "UTF-8"));
      options.addAll(
          processor
              ? List.of("-processor", RevisionProcessor.class.getName())
              : List.of("-proc:none"));
      boolean ok =
          javac
              .getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
              .call();
      StringBuilder text = new StringBuilder();
      diagnostics
          .getDiagnostics()
          .forEach(
              d ->
                  text.append(d.getKind())
                      .append(": ")
                      .append(d.getMessage(Locale.ROOT))
                      .append('\n'));
      return new Compiled(ok, text.toString(), classes);
    }
  }

  /** Compiles (failing the test when that fails) and packs the result into {@code jar}. */
  public Path jar(Path dir, Path jar) throws IOException {
    Compiled c = compile(dir);
    if (!c.ok()) {
      throw new AssertionError("the migrations do not compile:\n" + c.diagnostics());
    }
    return pack(c.classes(), jar);
  }

  /** A jar of the tree at {@code classes}, directory entries included as Maven writes them. */
  public static Path pack(Path classes, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out);
        Stream<Path> all = Files.walk(classes)) {
      for (Path p : all.sorted().toList()) {
        String name = classes.relativize(p).toString().replace('\\', '/');
        if (name.isEmpty()) {
          continue;
        }
        if (Files.isDirectory(p)) {
          j.putNextEntry(new JarEntry(name + "/"));
        } else {
          j.putNextEntry(new JarEntry(name));
          j.write(Files.readAllBytes(p));
        }
        j.closeEntry();
      }
    }
    return jar;
  }
}
