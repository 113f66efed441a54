package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.MigrationFileException;
import dev.retort.error.UsageException;
import dev.retort.migration.Migration;
import dev.retort.script.HeaderParser;
import dev.retort.script.Revision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaMigrationCompilerTest {
  @TempDir Path dir;

  private Revision write(String file, String id, String className, String body) throws Exception {
    String src =
        """
        import dev.retort.migration.Migration;
        import dev.retort.migration.Revision;
        import dev.retort.ops.Operations;

        @Revision(id = "%s", message = "m")
        final class %s implements Migration {
          public void upgrade(Operations op) { %s }
          public void downgrade(Operations op) {}
        }
        """
            .formatted(id, className, body);
    Path p = dir.resolve(file);
    Files.writeString(p, src);
    return HeaderParser.parseJava(p, src);
  }

  @Test
  void compilesOnceThenLoadsFromTheCache() throws Exception {
    Revision a = write("a1_a.java", "a1", "First", "op.execute(\"SELECT 1\");");
    Revision b = write("b2_b.java", "b2", "Second", "");
    Path cache = dir.resolve("cache");

    JavaMigrationCompiler first = new JavaMigrationCompiler(cache);
    Map<String, Migration> loaded = first.load(List.of(a, b));
    assertThat(first.compiledCount()).isEqualTo(2);
    assertThat(loaded.get("a1").getClass().getSimpleName()).isEqualTo("First");

    JavaMigrationCompiler second = new JavaMigrationCompiler(cache, () -> null);
    assertThat(second.load(List.of(a, b))).hasSize(2);
    assertThat(second.compiledCount()).as("nothing compiled the second time").isZero();
  }

  /** Whatever JDK runs Retort, migrations are compiled for Java 17: class file version 61. */
  @Test
  void migrationsAreCompiledForJava17() throws Exception {
    Revision a = write("a1_a.java", "a1", "First", "op.execute(\"SELECT 1\");");
    Path cache = dir.resolve("cache");
    new JavaMigrationCompiler(cache).load(List.of(a));
    List<Path> classes;
    try (var walk = Files.walk(cache)) {
      classes = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    assertThat(classes).isNotEmpty();
    for (Path c : classes) {
      byte[] b = Files.readAllBytes(c);
      assertThat(((b[6] & 0xff) << 8) | (b[7] & 0xff)).as(c.toString()).isEqualTo(61);
    }
  }

  @Test
  void sameClassNameInTwoFilesCompilesInSeparateBatches() throws Exception {
    Revision a = write("a1_a.java", "a1", "AddColumn", "");
    Revision b = write("b2_b.java", "b2", "AddColumn", "");
    Map<String, Migration> loaded =
        new JavaMigrationCompiler(dir.resolve("cache")).load(List.of(a, b));
    assertThat(loaded.get("a1").getClass()).isNotEqualTo(loaded.get("b2").getClass());
  }

  @Test
  void compileErrorNamesFileAndLine() throws Exception {
    Revision a = write("a1_a.java", "a1", "Broken", "op.frobnicate();");
    assertThatThrownBy(() -> new JavaMigrationCompiler(dir.resolve("cache")).load(List.of(a)))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageContaining("a1_a.java:7")
        .hasMessageContaining("frobnicate");
  }

  @Test
  void aRuntimeWithoutACompilerSaysWhatToInstall() throws Exception {
    Revision a = write("a1_a.java", "a1", "First", "");
    assertThatThrownBy(
            () -> new JavaMigrationCompiler(dir.resolve("cache"), () -> null).load(List.of(a)))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("has no compiler")
        .hasMessageContaining("JDK");
  }
}
