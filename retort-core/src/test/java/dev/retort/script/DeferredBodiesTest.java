package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.MigrationFileException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScriptStore#openDeferred} reads SQL headers first and the bodies on {@link
 * ScriptStore#checkBodies}; whatever fails, it fails as {@link ScriptStore#open} does: the first
 * error in file-name order, a body's before a later file's header, a duplicate id or the graph.
 */
class DeferredBodiesTest {
  @TempDir Path dir;

  private static final String GOOD_A =
      "-- retort:revision a1\n-- retort:upgrade\nCREATE TABLE a (id int);\n";

  /** A body error: two downgrade sections. */
  private static final String BAD_BODY_B =
      "-- retort:revision b2\n-- retort:revises a1\n-- retort:upgrade\nCREATE TABLE b (id int);\n"
          + "-- retort:downgrade\nDROP TABLE b;\n-- retort:downgrade\nDROP TABLE b;\n";

  private void write(String name, String content) throws Exception {
    Files.writeString(dir.resolve(name), content);
  }

  private String eagerError() {
    try {
      ScriptStore.open(dir).graph();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return "none";
  }

  private String deferredError() {
    try {
      ScriptStore s = ScriptStore.openDeferred(dir);
      s.graph();
      s.checkBodies(Set.of());
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return "none";
  }

  @Test
  void headersFirstGiveTheSameRevisionsAndTexts() throws Exception {
    write("a1_a.sql", GOOD_A);
    write(
        "b2_b.sql",
        "-- retort:revision b2\n-- retort:revises a1\n-- retort:branch-labels x\n"
            + "-- retort:message m\n-- retort:transactional false\n-- retort:upgrade\n"
            + "CREATE TABLE b (id int);\n-- retort:downgrade\nDROP TABLE b;\n");
    write(
        "c3_c.sql",
        "-- retort:revision c3\n-- retort:revises b2\n-- retort:dialect postgresql\n"
            + "-- retort:upgrade\nSELECT 1;\n-- retort:dialect sqlite, mysql\n-- retort:upgrade\n"
            + "SELECT 2;\n");
    ScriptStore eager = ScriptStore.open(dir);
    ScriptStore deferred = ScriptStore.openDeferred(dir);
    assertThat(deferred.revisions()).isEqualTo(eager.revisions());
    for (Revision r : eager.revisions()) {
      assertThat(deferred.sqlText(r)).isEqualTo(eager.sqlText(r));
    }
    assertThatCode(() -> deferred.checkBodies(Set.of())).doesNotThrowAnyException();
  }

  @Test
  void aBodyIsReadUnlessItsRevisionIsAppliedAsItIs() throws Exception {
    write("a1_a.sql", GOOD_A);
    write("b2_b.sql", BAD_BODY_B);
    ScriptStore s = ScriptStore.openDeferred(dir);
    assertThat(s.graph().heads()).containsExactly("b2");
    assertThatCode(() -> s.checkBodies(Set.of("b2"))).doesNotThrowAnyException();

    ScriptStore again = ScriptStore.openDeferred(dir);
    assertThatThrownBy(() -> again.checkBodies(Set.of("a1")))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageContaining("b2_b.sql")
        .hasMessageContaining("appears twice");
    // a failed check is not forgotten
    assertThatThrownBy(() -> again.checkBodies(Set.of("a1")))
        .isInstanceOf(MigrationFileException.class);
    assertThat(ScriptStore.openDeferred(dir).sqlText(s.graph().get("b2"))).contains(BAD_BODY_B);
  }

  @Test
  void aBodyErrorComesBeforeALaterFilesHeaderError() throws Exception {
    write("a1_a.sql", GOOD_A);
    write("b2_b.sql", BAD_BODY_B);
    write("c3_c.sql", "-- retort:revision c3\nCREATE TABLE c (id int);\n");
    assertThat(deferredError()).isEqualTo(eagerError()).contains("b2_b.sql");
  }

  @Test
  void aNearMissInAFileWithABadHeaderIsReportedAsWhenReadWhole() throws Exception {
    write("a1_a.sql", "-- retort:revision a1\n-- RETORT:downgrade\nSELECT 1;\n");
    assertThat(deferredError()).isEqualTo(eagerError()).contains("looks like a Retort directive");
  }

  @Test
  void aBodyErrorComesBeforeADuplicateId() throws Exception {
    write("a1_a.sql", GOOD_A);
    write("b2_b.sql", BAD_BODY_B);
    write("c3_c.sql", GOOD_A);
    assertThat(deferredError()).isEqualTo(eagerError()).contains("b2_b.sql");
    Files.delete(dir.resolve("b2_b.sql"));
    write("a0_dup.sql", BAD_BODY_B.replace("b2", "a1").replace("-- retort:revises a1\n", ""));
    assertThat(deferredError()).isEqualTo(eagerError()).contains("a0_dup.sql");
  }

  @Test
  void theClassPathIsReadTheSameWay() throws Exception {
    Path root = dir.resolve("root");
    Files.createDirectories(root.resolve("db/retort"));
    Files.writeString(root.resolve("db/retort/a1_a.sql"), GOOD_A);
    Files.writeString(root.resolve("db/retort/b2_b.sql"), BAD_BODY_B);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> ScriptStore.openClasspath("db/retort", loader))
          .isInstanceOf(MigrationFileException.class)
          .hasMessageContaining("b2_b.sql");
      ScriptStore deferred = ScriptStore.openClasspathDeferred("db/retort", loader);
      assertThat(deferred.graph().heads()).containsExactly("b2");
      assertThatCode(() -> deferred.checkBodies(Set.of("b2"))).doesNotThrowAnyException();
      assertThatThrownBy(
              () -> ScriptStore.openClasspathDeferred("db/retort", loader).checkBodies(Set.of()))
          .isInstanceOf(MigrationFileException.class)
          .hasMessageContaining("b2_b.sql");
      // a later file's bad header: the earlier bad body is reported first, as when read whole
      Files.writeString(root.resolve("db/retort/c3_c.sql"), "-- retort:revision c3\nSELECT 1;\n");
      assertThatThrownBy(() -> ScriptStore.openClasspathDeferred("db/retort", loader))
          .isInstanceOf(MigrationFileException.class)
          .hasMessageContaining("b2_b.sql");
    }
  }

  @Test
  void aBodyErrorComesBeforeTheGraphsError() throws Exception {
    write(
        "a1_a.sql", GOOD_A.replace("-- retort:upgrade", "-- retort:revises zz\n-- retort:upgrade"));
    write("b2_b.sql", BAD_BODY_B);
    assertThat(deferredError()).isEqualTo(eagerError()).contains("b2_b.sql");
  }
}
