package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.MigrationFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run reads the bodies of the SQL files it has not applied as they are, and refuses a bad one
 * before anything runs; a bad body is reported before a database that cannot be reached, as when
 * every file was read whole before connecting.
 */
class DeferredBodiesIT {
  @TempDir Path dir;

  @BeforeEach
  void migrations() throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(
        dir.resolve("migrations/a1_a.sql"),
        "-- retort:revision a1\n-- retort:upgrade\nCREATE TABLE a (id int);\n"
            + "-- retort:downgrade\nDROP TABLE a;\n");
  }

  private Retort retort(String url) {
    return Retort.configure().projectDir(dir).url(url).migrations("migrations").load();
  }

  private void addBadBody() throws Exception {
    Files.writeString(
        dir.resolve("migrations/b2_b.sql"),
        "-- retort:revision b2\n-- retort:revises a1\n-- retort:upgrade\nCREATE TABLE b (id int);\n"
            + "-- retort:upgrade\nCREATE TABLE c (id int);\n");
  }

  @Test
  void anUnappliedBadBodyIsRefusedBeforeAnythingRuns() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("app.db");
    assertThat(retort(url).upgrade("heads").after()).containsExactly("a1");
    addBadBody();
    assertThatThrownBy(() -> retort(url).upgrade("heads"))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageContaining("b2_b.sql");
    assertThat(retort(url).applied()).extracting(AppliedStep::revision).containsExactly("a1");
    assertThatThrownBy(() -> retort(url).downgrade("base"))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageContaining("b2_b.sql");
    assertThatThrownBy(() -> retort(url).heads()).isInstanceOf(MigrationFileException.class);
  }

  @Test
  void aBadBodyComesBeforeADatabaseThatCannotBeReached() throws Exception {
    addBadBody();
    assertThatThrownBy(
            () ->
                retort("jdbc:postgresql://127.0.0.1:1/none?user=x&connectTimeout=2")
                    .upgrade("heads"))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageContaining("b2_b.sql");
  }

  @Test
  void aBadBodyComesBeforeAnUnknownTarget() throws Exception {
    addBadBody();
    assertThatThrownBy(() -> retort("jdbc:sqlite:" + dir.resolve("app.db")).upgrade("zz"))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageContaining("b2_b.sql");
    assertThat(dir.resolve("app.db")).doesNotExist();
  }
}
