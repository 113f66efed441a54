package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seams of the design, checked on the compiled classes (what jdeps, from the JDK, reads out of
 * them), so that every reference counts: imports, names written out in full, signatures and
 * constants alike. The intended graph, stated once here and in the README's Layout section:
 *
 * <pre>
 * text, error       leaves: every package may use them
 * schema            (nothing)
 * ops               schema
 * migration         ops
 * diff              schema, ops
 * inspect           schema
 * dsl               schema, ops, diff
 * dialect (and its postgres, sqlite, mysql)   schema, ops, diff, inspect
 * script            migration
 * codegen           script, ops, schema, migration
 * autogenerate      codegen, dialect, diff, inspect, ops, schema, script, source
 * source            dialect, diff, dsl, inspect, runtime, schema, script
 * runtime           script, dialect, ops, schema, migration, dsl, diff, inspect
 * (the facade, dev.retort)   everything
 * </pre>
 *
 * and only {@code dialect.Dialects} names a dialect's own package.
 */
class ArchitectureTest {
  private static final Path CLASSES = Path.of("target/classes");

  /** Package (first segment below dev.retort) → what it may use besides itself, error and text. */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("text", Set.of()),
          Map.entry("error", Set.of()),
          Map.entry("schema", Set.of()),
          Map.entry("ops", Set.of("schema")),
          Map.entry("migration", Set.of("ops")),
          Map.entry("diff", Set.of("schema", "ops")),
          Map.entry("inspect", Set.of("schema")),
          Map.entry("dsl", Set.of("schema", "ops", "diff")),
          Map.entry("dialect", Set.of("schema", "ops", "diff", "inspect")),
          Map.entry("script", Set.of("migration")),
          Map.entry("codegen", Set.of("script", "ops", "schema", "migration")),
          Map.entry(
              "autogenerate",
              Set.of("codegen", "dialect", "diff", "inspect", "ops", "schema", "script", "source")),
          Map.entry(
              "source", Set.of("dialect", "diff", "dsl", "inspect", "runtime", "schema", "script")),
          Map.entry(
              "runtime",
              Set.of("script", "dialect", "ops", "schema", "migration", "dsl", "diff", "inspect")));

  private static final Pattern EDGE =
      Pattern.compile("^\\s+(dev\\.retort\\.\\S+)\\s+->\\s+(dev\\.retort\\.\\S+)\\s");

  /** Class → class references among Retort's own classes, from jdeps. */
  private static List<String[]> edges;

  @BeforeAll
  static void readTheClasses() {
    edges = references(CLASSES);
  }

  static List<String[]> references(Path classes) {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new IllegalStateException("jdeps is missing: the tests need a JDK"));
    StringWriter out = new StringWriter();
    int exit =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(out),
            "-verbose:class",
            "-e",
            "dev\\.retort\\..*",
            classes.toString());
    assertThat(exit).as(out.toString()).isZero();
    List<String[]> found = new ArrayList<>();
    for (String line : out.toString().lines().toList()) {
      Matcher m = EDGE.matcher(line);
      if (m.find()) {
        found.add(new String[] {m.group(1), m.group(2)});
      }
    }
    return found;
  }

  /** The first package segment below dev.retort, or "" for the facade itself. */
  static String area(String className) {
    String rest = className.substring("dev.retort.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? "" : rest.substring(0, dot);
  }

  /** Package-level edges that the graph does not allow. */
  static Set<String> violations(List<String[]> references) {
    Set<String> out = new TreeSet<>();
    for (String[] e : references) {
      String from = area(e[0]);
      String to = area(e[1]);
      if (from.isEmpty() || from.equals(to) || to.equals("error") || to.equals("text")) {
        continue;
      }
      Set<String> allowed = ALLOWED.get(from);
      if (allowed == null) {
        out.add("package dev.retort." + from + " is missing from the intended graph");
      } else if (to.isEmpty() || !allowed.contains(to)) {
        out.add(
            e[0]
                + " -> "
                + e[1]
                + " ("
                + from
                + " may not use "
                + (to.isEmpty() ? "the facade" : to)
                + ")");
      }
    }
    return out;
  }

  @Test
  void everyReferenceFollowsTheIntendedGraph() {
    assertThat(edges).as("jdeps found references").hasSizeGreaterThan(500);
    assertThat(violations(edges)).isEmpty();
  }

  @Test
  void theCheckCatchesABackEdge() {
    // a scratch reference the way a careless change would add one: the model reaching for a
    // renderer
    assertThat(
            violations(
                List.of(
                    new String[] {"dev.retort.schema.Table", "dev.retort.dialect.Renderer"},
                    new String[] {"dev.retort.ops.AddColumn", "dev.retort.Retort"},
                    new String[] {"dev.retort.schema.Column", "dev.retort.error.UsageException"})))
        .containsExactly(
            "dev.retort.ops.AddColumn -> dev.retort.Retort (ops may not use the facade)",
            "dev.retort.schema.Table -> dev.retort.dialect.Renderer (schema may not use dialect)");
  }

  @Test
  void onlyDialectsKnowTheDialectPackages() {
    Set<String> violations = new LinkedHashSet<>();
    for (String[] e : edges) {
      for (String d : List.of("postgres", "sqlite", "mysql")) {
        String pkg = "dev.retort.dialect." + d + ".";
        if (e[1].startsWith(pkg)
            && !e[0].startsWith(pkg)
            && !e[0].equals("dev.retort.dialect.Dialects")) {
          violations.add(e[0] + " -> " + e[1]);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void sharedCodeAsksForCapabilitiesNotNames() throws IOException {
    Path src = Path.of("src/main/java/dev/retort");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = src.relativize(f).toString();
        if (!rel.startsWith("dialect/")
            && Files.readString(f)
                .matches("(?s).*\\.name\\(\\)\\s*\\.equals\\(\"(postgresql|sqlite|mysql)\"\\).*")) {
          violations.add(rel + " asks a dialect for its name instead of its capabilities");
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /**
   * The library's messages say what to do in the library's words: a hint to "run 'retort history'"
   * means nothing to an application that calls {@code Retort.upgrade}.
   */
  @Test
  void libraryMessagesNameNoCommandLine() throws IOException {
    Path src = Path.of("src/main/java/dev/retort");
    Pattern command = Pattern.compile("\"[^\"\\n]*'retort [a-z]");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.endsWith("codegen/MigrationTemplates.java")) {
          continue; // the project stub it writes speaks to the command line's user
        }
        Matcher m = command.matcher(Files.readString(f));
        while (m.find()) {
          violations.add(src.relativize(f) + ": " + m.group());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /**
   * Files stay small enough to read in one sitting: a class that passes 500 lines is two classes.
   * Every module's main sources, seen from this one.
   */
  @Test
  void noProductionFileIsOver500Lines() throws IOException {
    List<String> violations = new ArrayList<>();
    int seen = 0;
    try (Stream<Path> modules = Files.list(Path.of(".."))) {
      for (Path main :
          modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(main)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
            seen++;
            long lines = Files.readAllLines(f).size();
            if (lines > 500) {
              violations.add(f.normalize() + ": " + lines + " lines");
            }
          }
        }
      }
    }
    assertThat(seen).as("files read in the modules' main sources").isGreaterThan(200);
    assertThat(violations).isEmpty();
  }
}
