package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI is a thin shell over the facade (STYLE section 1 point 5, section 2): it may use the
 * root package {@code dev.retort} (the facade and its records), {@code dev.retort.error} and
 * {@code dev.retort.text} (what makes printed text safe), and nothing else of Retort. Checked on every reference, imported or written out in full.
 */
class CliArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/dev/retort/cli");
  /** A Retort package named in a reference to a type in it, or in a wildcard import. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.retort\\.([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*)\\.(?:[A-Z]|\\*)");
  private static final List<String> ALLOWED = List.of("cli", "error", "text");

  @Test
  void cliUsesOnlyTheFacadeAndErrors() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SRC)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        violations.addAll(violations(f.toString(), Files.readString(f)));
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theCheckSeesImportsAndFullNames() {
    assertThat(violations("X.java", "import dev.retort.script.Revision;\n")).hasSize(1);
    assertThat(violations("X.java", "import static dev.retort.script.Revision.Format.SQL;\n"))
        .hasSize(1);
    assertThat(violations("X.java", "import dev.retort.runtime.*;\n")).hasSize(1);
    assertThat(violations("X.java", "var o = dev.retort.diff.DiffOptions.defaults();\n")).hasSize(1);
    assertThat(violations("X.java", """
        import dev.retort.Retort;
        import dev.retort.RunResult;
        import dev.retort.error.UsageException;
        throw new dev.retort.error.RetortException("x");
        """)).isEmpty();
  }

  private static List<String> violations(String file, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      String pkg = m.group(1);
      String top = pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : pkg;
      if (!ALLOWED.contains(top)) {
        found.add(file + " uses dev.retort." + pkg + " (only the facade and error are allowed)");
      }
    }
    return found;
  }
}
