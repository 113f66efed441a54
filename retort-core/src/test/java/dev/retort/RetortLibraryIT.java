package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.MigrationFailedException;
import dev.retort.error.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retort as an application uses it at start-up: configure, upgrade, read the result. */
class RetortLibraryIT {
  @TempDir Path dir;
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void migrations() throws Exception {
    Path m = Files.createDirectories(dir.resolve("db/migrations"));
    Files.writeString(
        m.resolve("a1_users.java"),
        """
        import static dev.retort.schema.ColumnType.*;

        import dev.retort.migration.Migration;
        import dev.retort.migration.Revision;
        import dev.retort.ops.Operations;
        import java.sql.PreparedStatement;

        @Revision(id = "a1", message = "users with data")
        final class Users implements Migration {
          public void upgrade(Operations op) throws Exception {
            op.createTable("users", t -> {
              t.column("id", integer()).primaryKey().autoIncrement();
              t.column("name", varchar(50)).notNull();
            });
            // data code sees the table the op above just created, in the same transaction
            try (PreparedStatement ps = op.connection().prepareStatement(
                "INSERT INTO users (name) VALUES (?)")) {
              ps.setString(1, "O'Brien");
              ps.executeUpdate();
            }
            op.execute("INSERT INTO users (name) VALUES (?)", "Zoë");
          }

          public void downgrade(Operations op) {
            op.dropTable("users");
          }
        }
        """);
    Files.writeString(
        m.resolve("b2_fail.sql"),
        """
        -- retort:revision b2
        -- retort:revises a1
        -- retort:message will fail
        -- retort:upgrade
        INSERT INTO users (name) VALUES ('ok');
        INSERT INTO users (missing) VALUES (1);
        -- retort:downgrade
        """);
  }

  private Retort retort() {
    return Retort.configure()
        .projectDir(dir)
        .url("jdbc:sqlite:app.db")
        .migrations("db/migrations")
        .progress(progress::add)
        .load();
  }

  @Test
  void upgradesAndReportsWhatItDid() throws Exception {
    RunResult r = retort().upgrade("a1");
    assertThat(r.before()).isEmpty();
    assertThat(r.after()).containsExactly("a1");
    assertThat(r.steps()).extracting(RunResult.Step::revision).containsExactly("a1");
    assertThat(progress).containsExactly("Running upgrade -> a1, users with data");
    assertThat(names()).containsExactly("O'Brien", "Zoë");
    assertThat(retort().current()).containsExactly("a1");
    assertThat(retort().upgrade("a1").steps()).isEmpty();
  }

  @Test
  void plansWhatAnUpgradeOrDowngradeWouldRunWithoutRunningIt() throws Exception {
    assertThat(retort().upgradePlan("heads"))
        .extracting(RevisionInfo::id)
        .containsExactly("a1", "b2");
    assertThat(retort().current()).isEmpty();
    retort().upgrade("a1");
    assertThat(retort().upgradePlan("heads")).extracting(RevisionInfo::id).containsExactly("b2");
    assertThat(retort().downgradePlan("base")).extracting(RevisionInfo::id).containsExactly("a1");
    assertThat(retort().downgradePlan("a1")).isEmpty();
    assertThat(names()).containsExactly("O'Brien", "Zoë");
  }

  @Test
  void failureIsATypedExceptionAndKeepsEarlierWork() throws Exception {
    assertThatThrownBy(() -> retort().upgrade("heads"))
        .isInstanceOf(MigrationFailedException.class)
        .satisfies(
            e -> {
              MigrationFailedException f = (MigrationFailedException) e;
              assertThat(f.revision()).isEqualTo("b2");
              assertThat(f.statement()).isEqualTo("INSERT INTO users (missing) VALUES (1)");
              assertThat(f.getMessage()).contains("b2_fail.sql:6");
            });
    assertThat(retort().current()).containsExactly("a1");
    assertThat(names()).containsExactly("O'Brien", "Zoë");
  }

  /**
   * A SQL migration runs as it was when the directory was read and checksummed: a file changed in
   * between is not read again, so what ran is what the history's checksum says.
   */
  @Test
  void runsTheSqlItChecksummedThoughTheFileChangesAfterwards() throws Exception {
    Path file = dir.resolve("db/migrations/c3_notes.sql");
    String original =
        """
        -- retort:revision c3
        -- retort:revises a1
        -- retort:message notes
        -- retort:upgrade
        CREATE TABLE notes (id integer);
        -- retort:downgrade
        DROP TABLE notes;
        """;
    Files.writeString(file, original);
    Retort retort = retort();
    retort.graph(); // the directory is read, and every file checksummed, here
    Files.writeString(file, original.replace("notes (", "other ("));
    retort.upgrade("c3");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT name FROM sqlite_master WHERE name IN ('notes', 'other')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("notes");
      assertThat(rs.next()).isFalse();
    }
    // and the history holds the checksum of what ran: the changed file is refused
    assertThatThrownBy(() -> retort().upgrade("c3"))
        .hasMessageContaining("c3")
        .hasMessageContaining("changed after being applied");
  }

  @Test
  void offlineScriptRefusesDataCode() {
    assertThatThrownBy(() -> retort().upgradeSql("a1"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("revision a1 uses the JDBC connection");
  }

  @Test
  void downgradeToBaseRemovesEverything() throws Exception {
    retort().upgrade("a1");
    RunResult r = retort().downgrade("base");
    assertThat(r.after()).isEmpty();
    assertThat(r.steps())
        .extracting(RunResult.Step::description)
        .containsExactly("downgrade a1 -> base, users with data");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
        ResultSet rs = c.getMetaData().getTables(null, null, "users", null)) {
      assertThat(rs.next()).isFalse();
    }
  }

  private List<String> names() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
        ResultSet rs = c.createStatement().executeQuery("SELECT name FROM users ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
