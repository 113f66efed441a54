package dev.retort.runtime;

import dev.retort.error.MigrationFileException;
import dev.retort.error.UsageException;
import dev.retort.migration.Migration;
import dev.retort.script.Checksum;
import dev.retort.script.HeaderParser;
import dev.retort.script.Revision;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java migrations at run time with the JDK's compiler, only those about to run, all in one
 * batch, and caches the classes by a hash of their source so that a second run compiles nothing.
 */
public final class JavaMigrationCompiler {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private final Path cacheDir;
  private final Supplier<JavaCompiler> compiler;
  private int compiled;

  public JavaMigrationCompiler(Path cacheDir) {
    this(cacheDir, ToolProvider::getSystemJavaCompiler);
  }

  /** With the compiler to use: {@code null} from the supplier stands for a JRE without one. */
  JavaMigrationCompiler(Path cacheDir, Supplier<JavaCompiler> compiler) {
    this.cacheDir = cacheDir;
    this.compiler = compiler;
  }

  /** How many sources this instance has compiled (the rest came from the cache). */
  int compiledCount() {
    return compiled;
  }

  /** Loads (compiling first where the cache has no classes) one migration per revision. */
  Map<String, Migration> load(List<Revision> revisions) {
    Map<String, Source> sources = new LinkedHashMap<>();
    for (Revision r : revisions) {
      sources.put(r.id(), Source.read(r));
    }
    List<Source> missing =
        sources.values().stream()
            .filter(s -> !Files.isRegularFile(s.dir(cacheDir).resolve(".complete")))
            .toList();
    if (!missing.isEmpty()) {
      // javac refuses two classes of one name in one run, so each batch takes one of each name
      for (List<Source> batch : batchesByClassName(missing)) {
        compile(batch);
      }
    }
    Map<String, Migration> loaded = new HashMap<>();
    for (Map.Entry<String, Source> e : sources.entrySet()) {
      loaded.put(e.getKey(), instantiate(e.getValue(), Migration.class));
    }
    return loaded;
  }

  // the first top-level class: a schema definition file holds one
  private static final Pattern CLASS =
      Pattern.compile("(?m)^\\s*(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

  /**
   * Compiles one source file (or takes it from the cache) and makes an instance of its class as
   * {@code type}: how a Java schema definition is loaded.
   */
  public <T> T instantiate(Path file, Class<T> type) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationFileException(file, 0, "cannot read: " + e.getMessage());
    }
    Matcher m = CLASS.matcher(text);
    if (!m.find()) {
      throw new MigrationFileException(
          file,
          0,
          "no class found; it should declare a class that " + "implements " + type.getName());
    }
    Source source = Source.of(file, text, m.group(1));
    if (!Files.isRegularFile(source.dir(cacheDir).resolve(".complete"))) {
      compile(List.of(source));
    }
    return instantiate(source, type);
  }

  private static List<List<Source>> batchesByClassName(List<Source> sources) {
    List<List<Source>> batches = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Source s : sources) {
      int n = seen.merge(s.className(), 1, Integer::sum) - 1;
      while (batches.size() <= n) {
        batches.add(new ArrayList<>());
      }
      batches.get(n).add(s);
    }
    return batches;
  }

  /** The oldest Java that Retort runs on: migrations are compiled against its API. */
  private static final int BASELINE = 17;

  private void compile(List<Source> batch) {
    JavaCompiler javac = compiler.get();
    if (javac == null) {
      throw new UsageException(
          "Java migrations are compiled at run time, but this Java runtime ("
              + System.getProperty("java.home")
              + ") has no compiler. Run Retort on a JDK (for example "
              + "the openjdk-17-jdk-headless package, or set JAVA_HOME to a JDK), or ship the migrations "
              + "compiled on the classpath.");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager standard =
            javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        RoutingFileManager files = new RoutingFileManager(standard, cacheDir)) {
      List<JavaFileObject> units = new ArrayList<>();
      for (Source s : batch) {
        units.add(new SourceObject(s));
        Files.createDirectories(s.dir(cacheDir));
      }
      List<String> options =
          new ArrayList<>(List.of("-classpath", classpath(), "-proc:none", "-nowarn", "-g"));
      if (Runtime.version().feature() != BASELINE) {
        // Java 17's API, whatever JDK runs Retort, so that a migration that compiles for one
        // member of a team compiles for all. On 17 itself that is the running JDK's own API,
        // which javac reads from the runtime image: --release would read the same from ct.sym,
        // at 10 MB more peak memory for 1,000 migrations.
        options.addAll(List.of("--release", Integer.toString(BASELINE)));
      }
      StringWriter out = new StringWriter();
      boolean ok = javac.getTask(out, files, diagnostics, options, null, units).call();
      if (!ok) {
        throw compileError(diagnostics);
      }
      for (Source s : batch) {
        Files.writeString(s.dir(cacheDir).resolve(".complete"), s.className());
      }
      compiled += batch.size();
    } catch (IOException e) {
      throw new UsageException(
          "cannot write compiled migrations to " + cacheDir + ": " + e.getMessage(), e);
    }
  }

  private static MigrationFileException compileError(
      DiagnosticCollector<JavaFileObject> diagnostics) {
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() instanceof SourceObject so) {
        return new MigrationFileException(
            so.source.file(),
            (int) d.getLineNumber(),
            "does not compile: " + d.getMessage(Locale.ROOT));
      }
    }
    StringBuilder all = new StringBuilder();
    diagnostics.getDiagnostics().forEach(d -> all.append(d.getMessage(Locale.ROOT)).append('\n'));
    return new MigrationFileException(Path.of("(java migrations)"), 0, "do not compile: " + all);
  }

  private <T> T instantiate(Source s, Class<T> expected) {
    Path dir = s.dir(cacheDir);
    try {
      URLClassLoader loader =
          new URLClassLoader(new URL[] {dir.toUri().toURL()}, Migration.class.getClassLoader());
      Class<?> type = Class.forName(s.qualifiedName(), true, loader);
      if (!expected.isAssignableFrom(type)) {
        throw new MigrationFileException(
            s.file(), 0, "class " + s.className() + " does not implement " + expected.getName());
      }
      Constructor<?> ctor = type.getDeclaredConstructor();
      ctor.setAccessible(true);
      return expected.cast(ctor.newInstance());
    } catch (NoSuchMethodException e) {
      throw new MigrationFileException(
          s.file(), 0, "class " + s.className() + " needs a constructor without parameters");
    } catch (ReflectiveOperationException | IOException | LinkageError e) {
      throw new MigrationFileException(
          s.file(), 0, "cannot load class " + s.className() + ": " + e);
    }
  }

  /** One migration's source, and where its classes are cached. */
  record Source(Path file, String text, String className, String packageName, String hash) {
    static Source read(Revision r) {
      Path file = r.file().orElseThrow();
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return of(file, text, HeaderParser.javaClassName(file, text));
      } catch (IOException e) {
        throw new MigrationFileException(file, 0, "cannot read: " + e.getMessage());
      }
    }

    static Source of(Path file, String text, String className) {
      Matcher pkg = PACKAGE.matcher(text);
      String packageName = pkg.find() ? pkg.group(1) : "";
      // the hash covers the compiler's release too: a cache made by another JDK is not reused
      String hash =
          Checksum.of((Runtime.version().feature() + "\n" + text).getBytes(StandardCharsets.UTF_8))
              .substring(0, 24);
      return new Source(file, text, className, packageName, hash);
    }

    String qualifiedName() {
      return packageName.isEmpty() ? className : packageName + "." + className;
    }

    Path dir(Path cache) {
      return cache.resolve(hash);
    }
  }

  private static final class SourceObject extends SimpleJavaFileObject {
    final Source source;

    SourceObject(Source source) {
      super(
          URI.create("string:///" + source.qualifiedName().replace('.', '/') + ".java"),
          Kind.SOURCE);
      this.source = source;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return source.text();
    }
  }

  /** Writes each class file into the cache directory of the source it came from. */
  private static final class RoutingFileManager
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Path cacheDir;

    RoutingFileManager(StandardJavaFileManager fileManager, Path cacheDir) {
      super(fileManager);
      this.cacheDir = cacheDir;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        JavaFileManager.Location location,
        String className,
        JavaFileObject.Kind kind,
        FileObject sibling)
        throws IOException {
      if (sibling instanceof SourceObject so && location == StandardLocation.CLASS_OUTPUT) {
        Path target = so.source.dir(cacheDir).resolve(className.replace('.', '/') + kind.extension);
        Files.createDirectories(target.getParent());
        return fileManager.getJavaFileObjects(target).iterator().next();
      }
      return super.getJavaFileForOutput(location, className, kind, sibling);
    }
  }

  /**
   * The JVM's class path, and Retort's own jar when that is not on it: inside a Maven plugin or an
   * application server, Retort comes from a class loader of its own and {@code java.class.path} is
   * the launcher's.
   */
  private static String classpath() {
    String cp = System.getProperty("java.class.path", "");
    try {
      java.security.CodeSource src = Migration.class.getProtectionDomain().getCodeSource();
      if (src != null) {
        String own = Path.of(src.getLocation().toURI()).toString();
        if (!java.util.Arrays.asList(cp.split(java.io.File.pathSeparator)).contains(own)) {
          return cp.isEmpty() ? own : own + java.io.File.pathSeparator + cp;
        }
      }
    } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
      // no file location to add: the JVM's class path alone, as before
    }
    return cp;
  }
}
