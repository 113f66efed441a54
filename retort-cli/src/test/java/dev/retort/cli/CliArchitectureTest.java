package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CLI is a thin shell over the facade (STYLE section 1 point 5, section 2): it may use the root
 * package {@code dev.retort} (the facade and its records), {@code dev.retort.error}, {@code
 * dev.retort.text} (what makes printed text safe) and {@code dev.retort.source} (what the
 * configuration's {@code schema} is), and nothing else of Retort. Checked on the compiled classes
 * with jdeps, so every reference counts, imported or written out in full.
 */
class CliArchitectureTest {
  private static final Set<String> ALLOWED =
      Set.of("dev.retort", "dev.retort.error", "dev.retort.text", "dev.retort.source");
  private static final Pattern EDGE =
      Pattern.compile("^\\s+(dev\\.retort\\.cli\\.\\S+)\\s+->\\s+(dev\\.retort\\.\\S+)\\s");

  @Test
  void cliUsesOnlyTheFacadeErrorsAndText() {
    Set<String> used = new TreeSet<>();
    Set<String> violations = new TreeSet<>();
    for (String[] e : references(Path.of("target/classes"))) {
      String pkg = e[1].substring(0, e[1].lastIndexOf('.'));
      if (pkg.startsWith("dev.retort.cli")) {
        continue;
      }
      used.add(pkg);
      if (!ALLOWED.contains(pkg)) {
        violations.add(e[0] + " -> " + e[1]);
      }
    }
    assertThat(used).as("jdeps found the CLI's references to the core").contains("dev.retort");
    assertThat(violations).isEmpty();
  }

  @Test
  void whatTheCliMayUseIsExportedByTheCoreModule() throws Exception {
    Path core = Path.of(Retort.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor module = ModuleFinder.of(core).find("dev.retort").orElseThrow().descriptor();
    assertThat(
            module.exports().stream()
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()))
        .containsAll(ALLOWED);
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
    return out.toString()
        .lines()
        .map(EDGE::matcher)
        .filter(Matcher::find)
        .map(m -> new String[] {m.group(1), m.group(2)})
        .toList();
  }
}
