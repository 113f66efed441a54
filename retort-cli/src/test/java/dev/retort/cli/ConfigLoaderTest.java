package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void environmentBeatsDotenvWhichBeatsProperties() throws Exception {
    Files.writeString(dir.resolve("retort.properties"),
        "url=jdbc:sqlite:props.db\nmigrations=from-props\nlock-timeout=10\nversion-table=v_props\n");
    Files.writeString(dir.resolve(".env"), """
        # comment
        export RETORT_URL="jdbc:sqlite:dotenv.db"
        RETORT_MIGRATIONS=from-dotenv # trailing comment
        RETORT_LOCK_TIMEOUT='20'
        OTHER=ignored
        """);
    ConfigLoader c = ConfigLoader.load(dir, Optional.empty(), Map.of("RETORT_URL", "jdbc:sqlite:env.db"));
    assertThat(c.get("url")).contains("jdbc:sqlite:env.db");
    assertThat(c.get("migrations")).contains("from-dotenv");
    assertThat(c.get("lock-timeout")).contains("20");
    assertThat(c.get("version-table")).contains("v_props");
    assertThat(c.get("schema")).isEmpty();
  }

  @Test
  void urlOptionBeatsEverything() throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve("retort.properties"), "url=jdbc:nosuchdb:x\n");
    Files.writeString(dir.resolve("migrations/a1_m.sql"), "-- retort:revision a1\n-- retort:upgrade\n"
        + "CREATE TABLE t (id integer);\n");
    Cli.Result r = Cli.run(dir, Map.of("RETORT_URL", "jdbc:nosuchdb:y"),
        "--url", "jdbc:sqlite:" + dir.resolve("opt.db"), "upgrade", "head");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Files.exists(dir.resolve("opt.db"))).isTrue();
  }

  @Test
  void explicitConfigFileMustExist() {
    assertThatThrownBy(() -> ConfigLoader.load(dir, Optional.of(Path.of("nope.properties")), Map.of()))
        .isInstanceOf(UsageException.class).hasMessageContaining("nope.properties");
  }

  @Test
  void malformedDotenvLineIsNamed() throws Exception {
    Files.writeString(dir.resolve(".env"), "RETORT_URL=x\nthis is not a setting\n");
    assertThatThrownBy(() -> ConfigLoader.load(dir, Optional.empty(), Map.of()))
        .isInstanceOf(UsageException.class).hasMessageContaining(".env:2");
  }

  @Test
  void envNamesFollowTheKeys() {
    assertThat(ConfigLoader.envName("version-table")).isEqualTo("RETORT_VERSION_TABLE");
    assertThat(ConfigLoader.envName("lock-timeout")).isEqualTo("RETORT_LOCK_TIMEOUT");
  }
}
