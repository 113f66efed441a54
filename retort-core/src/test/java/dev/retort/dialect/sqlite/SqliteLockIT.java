package dev.retort.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.MigrationLock;
import dev.retort.error.DatabaseException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("sqlite")
// holding a lock in try-with-resources without touching it is the point of these tests
@SuppressWarnings("try")
class SqliteLockIT {

  private static final String KEY = "retort_version";
  private final MigrationLock lock = new SqliteDialect().lock();
  @TempDir Path dir;

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
  }

  @Test
  void aSecondRunWaitsThenTimesOutNamingTheLockFile() throws SQLException {
    try (Connection first = connect();
        Connection second = connect()) {
      try (MigrationLock.Held held = lock.acquire(first, KEY, Duration.ofSeconds(1))) {
        assertThat(dir.resolve("app.db.retort-lock")).exists();
        long start = System.nanoTime();
        assertThatThrownBy(() -> lock.acquire(second, KEY, Duration.ofMillis(400)))
            .isInstanceOf(DatabaseException.class)
            .hasMessageContaining("Timed out after 0.4 s")
            .hasMessageContaining(dir.resolve("app.db.retort-lock").toString())
            .hasMessageContaining("retort_version");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isGreaterThanOrEqualTo(Duration.ofMillis(400));
      }
      lock.acquire(second, KEY, Duration.ofMillis(200)).close();
    }
  }

  @Test
  void differentKeysDoNotWaitForEachOther() throws SQLException {
    try (Connection first = connect();
        Connection second = connect();
        MigrationLock.Held a = lock.acquire(first, "project_a", Duration.ofMillis(200));
        MigrationLock.Held b = lock.acquire(second, "project_b", Duration.ofMillis(200))) {
      assertThatThrownBy(() -> lock.acquire(second, "project_a", Duration.ofMillis(150)))
          .isInstanceOf(DatabaseException.class);
    }
  }

  @Test
  void inMemoryDatabasesNeedNoLock() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        MigrationLock.Held a = lock.acquire(c, KEY, Duration.ofMillis(100));
        MigrationLock.Held b = lock.acquire(c, KEY, Duration.ofMillis(100))) {
      assertThat(dir).isEmptyDirectory();
    }
  }

  /** A lock held by another process is released by the OS when that process is killed. */
  @Test
  void aKilledProcessReleasesTheLock() throws Exception {
    Path lockFile = dir.resolve("app.db.retort-lock");
    Path holder = dir.resolve("Holder.java");
    Files.writeString(
        holder,
        """
        import java.nio.channels.FileChannel;
        import java.nio.file.*;
        public class Holder {
          public static void main(String[] a) throws Exception {
            FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
            ch.lock(Long.parseLong(a[1]), 1, false);
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
          }
        }
        """);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                holder.toString(),
                lockFile.toString(),
                String.valueOf(SqliteLock.position(KEY)))
            .redirectErrorStream(true)
            .start();
    try (Connection c = connect()) {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");
      assertThatThrownBy(() -> lock.acquire(c, KEY, Duration.ofMillis(300)))
          .isInstanceOf(DatabaseException.class);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      lock.acquire(c, KEY, Duration.ofSeconds(5)).close();
    } finally {
      process.destroyForcibly();
    }
  }
}
