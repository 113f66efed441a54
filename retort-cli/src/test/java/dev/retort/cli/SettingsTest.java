package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line reads the project's settings through the library, and says what it read. */
class SettingsTest {
  @TempDir Path dir;

  @Test
  void urlOptionBeatsEverything() throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve("retort.properties"), "url=jdbc:nosuchdb:x\n");
    Files.writeString(
        dir.resolve("migrations/a1_m.sql"),
        "-- retort:revision a1\n-- retort:upgrade\n" + "CREATE TABLE t (id integer);\n");
    Cli.Result r =
        Cli.run(
            dir,
            Map.of("RETORT_URL", "jdbc:nosuchdb:y"),
            "--url",
            "jdbc:sqlite:" + dir.resolve("opt.db"),
            "upgrade",
            "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Files.exists(dir.resolve("opt.db"))).isTrue();
  }

  @Test
  void currentVerboseSaysWhereTheUrlCameFrom() throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve(".env"), "DATABASE_URL=sqlite:///from-dotenv.db # the app's\n");
    Cli.Result r = Cli.run(dir, Map.of(), "current", "-v");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("from-dotenv.db").contains("(from DATABASE_URL in .env)");

    r = Cli.run(dir, Map.of("RETORT_URL", "jdbc:sqlite:env.db"), "current", "-v");
    assertThat(r.out()).contains("env.db").contains("(from RETORT_URL in the environment)");
    r = Cli.run(dir, Map.of(), "--url", "jdbc:sqlite:opt.db", "current", "-v");
    assertThat(r.out()).contains("(from --url)");
  }

  @Test
  void unknownSettingsAreWarnedOfInEverySource() throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve("retort.properties"), "url=jdbc:sqlite:a.db\nlock-timout=5\n");
    Cli.Result r = Cli.run(dir, Map.of("RETORT_MIGRATION", "m", "RETORT_NO_CDS", "1"), "current");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains("warning: ")
        .contains("unknown key 'lock-timout'")
        .contains("did you mean 'lock-timeout'")
        .contains("RETORT_MIGRATION in the environment")
        .doesNotContain("RETORT_NO_CDS");
  }
}
