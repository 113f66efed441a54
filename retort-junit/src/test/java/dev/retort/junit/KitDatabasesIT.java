package dev.retort.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the database comes from: a fresh one per class on a PostgreSQL or MariaDB server (dropped
 * after), a database given by URL (used as it is), and migrations from the test class path, a
 * compiled one among them.
 */
class KitDatabasesIT {
  static final String PG =
      System.getenv()
          .getOrDefault(
              "RETORT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  static final String MARIA =
      System.getenv()
          .getOrDefault("RETORT_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");

  @TempDir Path dir;

  @RetortTest(project = KitChecksIT.PROJECTS + "good")
  static class Good extends RetortMigrationTests {}

  @RetortTest(migrations = "classpath:db/kit")
  static class FromTheClassPath extends RetortMigrationTests {}

  @RetortTest(migrations = "classpath:db/nowhere")
  static class NowhereOnTheClassPath extends RetortMigrationTests {}

  @AfterEach
  void clear() {
    System.clearProperty(TestDatabaseProvider.Default.SERVER_PROPERTY);
    System.clearProperty(TestDatabaseProvider.Default.URL_PROPERTY);
  }

  @Test
  void aFreshPostgresDatabasePerClassDroppedAfter() throws Exception {
    require(PG);
    int before = count(PG, "SELECT count(*) FROM pg_database WHERE datname LIKE 'retort_test_%'");
    System.setProperty(TestDatabaseProvider.Default.SERVER_PROPERTY, PG);
    assertThat(Outcomes.of(Good.class))
        .hasSize(5)
        .allSatisfy((t, o) -> assertThat(o).as(t).isEqualTo("SUCCESSFUL"));
    assertThat(count(PG, "SELECT count(*) FROM pg_database WHERE datname LIKE 'retort_test_%'"))
        .isEqualTo(before);
  }

  @Test
  void aFreshMariaDbDatabasePerClassDroppedAfter() throws Exception {
    require(MARIA);
    String sql =
        "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'retort\\_test\\_%'";
    int before = count(MARIA, sql);
    System.setProperty(TestDatabaseProvider.Default.SERVER_PROPERTY, MARIA);
    assertThat(Outcomes.of(Good.class))
        .hasSize(5)
        .allSatisfy((t, o) -> assertThat(o).as(t).isEqualTo("SUCCESSFUL"));
    assertThat(count(MARIA, sql)).isEqualTo(before);
  }

  @Test
  void aGivenDatabaseIsUsedAsItIsAndKept() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("given.db");
    System.setProperty(TestDatabaseProvider.Default.URL_PROPERTY, url);
    assertThat(Outcomes.of(Good.class))
        .allSatisfy((t, o) -> assertThat(o).as(t).isEqualTo("SUCCESSFUL"));
    assertThat(dir.resolve("given.db")).exists(); // not the kit's to drop
    assertThat(count(url, "SELECT count(*) FROM retort_history")).isPositive();

    // one the migrations did not make is not emptied by the kit: it says so
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE stray (id INTEGER)");
    }
    assertThat(Outcomes.of(Good.class).get("upgradeFromEmpty"))
        .isEqualTo(
            "FAILED: the test "
                + "database "
                + url
                + " is not empty at base: it holds [stray]; give the kit an empty "
                + "database (or none, and it makes one)");
  }

  @Test
  void migrationsFromTheClassPathCompiledOnesIncluded() throws Exception {
    assertThat(Files.readString(Path.of("target/test-classes/META-INF/retort/migrations")))
        .contains("db.kit.AddColour\tk2\tk1\t");
    Map<String, String> o = Outcomes.of(FromTheClassPath.class);
    assertThat(o)
        .containsEntry("upgradeFromEmpty", "SUCCESSFUL")
        .containsEntry("upDownConsistency", "SUCCESSFUL")
        .containsEntry("downgradeLeavesNoTrace", "SUCCESSFUL")
        .containsEntry("singleHead", "SUCCESSFUL");
    assertThat(Outcomes.of(NowhereOnTheClassPath.class).get("singleHead"))
        .startsWith(
            "FAILED: "
                + "reading the migrations failed:\nmigrations location classpath:db/nowhere is not on the"
                + " class path");
  }

  @Test
  void aServerThatIsNotPostgresOrMariaDbIsRefused() {
    System.setProperty(
        TestDatabaseProvider.Default.SERVER_PROPERTY, "jdbc:h2:mem:x;password=secret");
    assertThat(Outcomes.of(Good.class).get("class"))
        .isEqualTo(
            "FAILED: server "
                + "'jdbc:h2:mem:x;password=***' is not a JDBC URL of PostgreSQL (jdbc:postgresql://...) or"
                + " MariaDB/MySQL (jdbc:mariadb://..., jdbc:mysql://...): the kit makes a fresh database on"
                + " those; give SQLite or another database by url instead");
  }

  private static int count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Skips (locally) or fails (under CI) when the server cannot be reached. */
  private static void require(String url) {
    try (Connection c = DriverManager.getConnection(url)) {
      c.isValid(2);
    } catch (Exception e) {
      String msg = "!!! " + url + " is not reachable: " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        org.junit.jupiter.api.Assertions.fail(msg + " (CI=true: a server test may not be skipped)");
      }
      System.err.println(msg + " -- SKIPPING");
      org.junit.jupiter.api.Assumptions.abort(msg);
    }
  }
}
