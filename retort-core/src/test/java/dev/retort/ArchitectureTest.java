package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The seams of the design, checked on the imports of every main source file. */
class ArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/dev/retort");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?dev\\.retort\\.([a-z.]+)\\.[A-Z]");

  /**
   * Package → the Retort packages it may import (besides itself, error and text, the leaves that
   * say what leaves Retort and how it is made safe).
   */
  private static final Map<String, List<String>> ALLOWED = Map.of(
      "text", List.of(),
      "schema", List.of(),
      "ops", List.of("schema"),
      "migration", List.of("ops"),
      // the @Revision annotation is a Java migration's header, which script reads (compiled
      // migrations through the index its annotation processor writes)
      "script", List.of("migration"),
      // the Normalizer SPI each dialect implements lives in diff (STYLE section 2)
      "dialect", List.of("schema", "ops", "inspect", "diff"),
      "inspect", List.of("schema"),
      "runtime", List.of("script", "dialect", "ops", "schema", "migration", "dsl", "diff"),
      "dsl", List.of("schema", "ops", "diff"),
      "codegen", List.of("script", "ops", "schema", "migration"));

  @Test
  void packagesImportOnlyDownstream() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SRC)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = SRC.relativize(f.getParent()).toString().replace('/', '.');
        String top = pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : pkg;
        if (pkg.isEmpty() || !ALLOWED.containsKey(top)) {
          continue;
        }
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          String imported = m.group(1);
          String importedTop = imported.contains(".") ? imported.substring(0, imported.indexOf('.')) : imported;
          if (!importedTop.equals(top) && !importedTop.equals("error") && !importedTop.equals("text")
              && !ALLOWED.get(top).contains(importedTop)) {
            violations.add(f + " imports dev.retort." + imported);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void onlyDialectsKnowTheDialectPackages() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SRC)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = SRC.relativize(f).toString();
        String text = Files.readString(f);
        for (String d : List.of("postgres", "sqlite", "mysql")) {
          if (text.contains("dev.retort.dialect." + d + ".") && !rel.startsWith("dialect/" + d + "/")
              && !rel.equals("dialect/Dialects.java")) {
            violations.add(rel + " refers to dialect." + d);
          }
        }
        if (!rel.startsWith("dialect/") && text.matches("(?s).*\\.name\\(\\)\\s*\\.equals\\(\"(postgresql|sqlite|mysql)\"\\).*")) {
          violations.add(rel + " asks a dialect for its name instead of its capabilities");
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /**
   * The library's messages say what to do in the library's words: a hint to "run 'retort
   * history'" means nothing to an application that calls {@code Retort.upgrade}.
   */
  @Test
  void libraryMessagesNameNoCommandLine() throws IOException {
    Pattern command = Pattern.compile("\"[^\"\\n]*'retort [a-z]");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SRC)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.endsWith("codegen/MigrationTemplates.java")) {
          continue; // the project stub it writes speaks to the command line's user
        }
        Matcher m = command.matcher(Files.readString(f));
        while (m.find()) {
          violations.add(SRC.relativize(f) + ": " + m.group());
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
