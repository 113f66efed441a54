package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSettingsTest {
  @TempDir Path dir;

  @Test
  void environmentBeatsDotenvWhichBeatsProperties() throws Exception {
    Files.writeString(
        dir.resolve("retort.properties"),
        "url=jdbc:sqlite:props.db\nmigrations=from-props\nlock-timeout=10\nversion-table=v_props\n");
    Files.writeString(
        dir.resolve(".env"),
        """
        # comment
        export RETORT_URL="jdbc:sqlite:dotenv.db"
        RETORT_MIGRATIONS="from-dotenv" # trailing comment after quotes
        RETORT_LOCK_TIMEOUT='20'
        RETORT_SCHEMA=schema.sql # trailing comment
        OTHER=ignored
        """);
    ProjectSettings s =
        ProjectSettings.load(dir, Optional.empty(), Map.of("RETORT_URL", "jdbc:sqlite:env.db"));
    assertThat(s.get("url")).contains("jdbc:sqlite:env.db");
    assertThat(s.source("url")).contains("RETORT_URL in the environment");
    assertThat(s.get("migrations")).contains("from-dotenv");
    assertThat(s.get("lock-timeout")).contains("20");
    assertThat(s.get("version-table")).contains("v_props");
    assertThat(s.source("version-table")).contains("retort.properties");
    assertThat(s.get("schema")).contains("schema.sql");
    assertThat(s.warnings()).isEmpty();
  }

  @Test
  void explicitConfigFileMustExist() {
    assertThatThrownBy(
            () -> ProjectSettings.load(dir, Optional.of(Path.of("nope.properties")), Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("nope.properties");
  }

  @Test
  void malformedDotenvLinesAreNamed() throws Exception {
    Files.writeString(dir.resolve(".env"), "RETORT_URL=x\nthis is not a setting\n");
    assertThatThrownBy(() -> ProjectSettings.load(dir, Optional.empty(), Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(".env:2");
    Files.writeString(dir.resolve(".env"), "RETORT_URL=\"unclosed\n");
    assertThatThrownBy(() -> ProjectSettings.load(dir, Optional.empty(), Map.of()))
        .hasMessageContaining(".env:1")
        .hasMessageContaining("not closed");
  }

  @Test
  void envNamesFollowTheKeys() {
    assertThat(ProjectSettings.envName("version-table")).isEqualTo("RETORT_VERSION_TABLE");
    assertThat(ProjectSettings.envName("lock-timeout")).isEqualTo("RETORT_LOCK_TIMEOUT");
  }

  @Test
  void unknownKeysAreWarnedOfAlikeInTheFileAndTheEnvironment() throws Exception {
    Files.writeString(
        dir.resolve("retort.properties"), "ulr=jdbc:sqlite:x.db\njpa-property.hibernate.x=1\n");
    ProjectSettings s =
        ProjectSettings.load(
            dir,
            Optional.empty(),
            Map.of("RETORT_MIGRATONS", "m", "RETORT_NO_CDS", "1", "RETORT_TEST_PG_URL", "x"));
    assertThat(s.warnings()).hasSize(2);
    assertThat(s.warnings().get(0)).contains("unknown key 'ulr'").contains("did you mean 'url'");
    assertThat(s.warnings().get(1)).contains("RETORT_MIGRATONS in the environment");
    assertThat(s.get("jpa-property.hibernate.x")).contains("1");
    assertThat(s.get("url")).isEmpty();
  }

  @Test
  void databaseUrlIsTheDatabaseWhenNoRetortUrlIsSet() throws Exception {
    ProjectSettings s =
        ProjectSettings.load(dir, Optional.empty(), Map.of("DATABASE_URL", "postgresql://h/app"));
    assertThat(s.get("url")).contains("postgresql://h/app");
    assertThat(s.source("url")).contains("DATABASE_URL in the environment");
    Files.writeString(dir.resolve(".env"), "DATABASE_URL=sqlite:///dot.db\n");
    s = ProjectSettings.load(dir, Optional.empty(), Map.of());
    assertThat(s.source("url")).contains("DATABASE_URL in .env");
    s =
        ProjectSettings.load(
            dir,
            Optional.empty(),
            Map.of("RETORT_URL", "jdbc:sqlite:r.db", "DATABASE_URL", "postgresql://h/app"));
    assertThat(s.get("url")).contains("jdbc:sqlite:r.db");
  }

  @Test
  void theLibraryReadsTheProjectAsTheCommandLineDoes() throws Exception {
    Files.writeString(
        dir.resolve("retort.properties"), "migrations=db/migrations\nlock-timeout=7\n");
    Files.writeString(
        dir.resolve(".env"), "RETORT_URL=jdbc:sqlite:app.db\nRETORT_PASSWORD='s3cret pw'\n");
    RetortConfig c = Retort.configure().projectDir(dir).environment(Map.of()).build();
    assertThat(c.url()).contains("jdbc:sqlite:" + dir.resolve("app.db"));
    assertThat(c.urlSource()).contains("RETORT_URL in .env");
    assertThat(c.migrations()).isEqualTo(dir.resolve("db/migrations"));
    assertThat(c.lockTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(c.password()).contains("s3cret pw");
    assertThat(c.toString()).doesNotContain("s3cret");

    RetortConfig overridden =
        Retort.configure()
            .projectDir(dir)
            .environment(Map.of())
            .migrations("elsewhere")
            .lockTimeout(Duration.ofSeconds(1))
            .build();
    assertThat(overridden.migrations()).isEqualTo(dir.resolve("elsewhere"));
    assertThat(overridden.lockTimeout()).isEqualTo(Duration.ofSeconds(1));

    RetortConfig bare =
        Retort.configure().environment(Map.of("RETORT_URL", "jdbc:sqlite:x.db")).build();
    assertThat(bare.url()).as("without a project directory nothing is read").isEmpty();
  }

  @Test
  void aLockTimeoutThatIsNoNumberNamesItsSource() throws Exception {
    Files.writeString(dir.resolve(".env"), "RETORT_LOCK_TIMEOUT=soon\n");
    assertThatThrownBy(() -> Retort.configure().projectDir(dir).environment(Map.of()).build())
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("RETORT_LOCK_TIMEOUT in .env")
        .hasMessageContaining("soon");
  }

  @Test
  void mysqlAndMariadbUrlsAreRead() {
    RetortConfig c = Retort.configure().url("mysql://app:pw@db.example:3306/shop").build();
    assertThat(c.url()).contains("jdbc:mariadb://db.example:3306/shop");
    assertThat(c.user()).contains("app");
    assertThat(c.password()).contains("pw");
    assertThat(Retort.configure().url("mariadb://app@h/shop").build().url())
        .contains("jdbc:mariadb://h/shop");
  }
}
