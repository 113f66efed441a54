package dev.retort.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code retort.check-on-startup}: the upgraded database against the desired schema. */
@ExtendWith(OutputCaptureExtension.class)
class CheckOnStartupIT {
  private static final Path SCHEMA = Path.of("src/test/resources/schema").toAbsolutePath();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class, RetortAutoConfiguration.class));

  @Test
  void aDatabaseThatMatchesStarts(CapturedOutput output) {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues(
              "spring.datasource.url=" + db.url(),
              "retort.check-on-startup=true",
              "retort.schema=" + SCHEMA.resolve("match.sql"))
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(output).contains("Retort: the database matches match.sql");
              });
    }
  }

  @Test
  void driftStopsTheApplicationWithTheDiff() {
    try (TestDatabases db = TestDatabases.postgres()) {
      runner
          .withPropertyValues(
              "spring.datasource.url=" + db.url(),
              "retort.check-on-startup=true",
              "retort.schema=" + SCHEMA.resolve("drift.sql"))
          .run(
              context -> {
                assertThat(BadInputIT.report(context).getDescription())
                    .isEqualTo(
                        "Retort could not prepare the database: check-on-startup, after the upgrade (the "
                            + "database is at b2): the database differs from drift.sql (1 change needed):\n"
                            + "  add column users.email\n"
                            + "      ALTER TABLE users ADD COLUMN email varchar(120);\n"
                            + "Write a migration for it ('retort revision --autogenerate'), or set "
                            + "retort.fail-on-drift=false to start anyway");
                // the upgrade before the check stays: the check changes nothing
                assertThat(db.query("SELECT version_num FROM retort_version"))
                    .containsExactly("b2");
              });
    }
  }

  @Test
  void driftIsAWarningWhenTheApplicationMayStartAnyway(CapturedOutput output) {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues(
              "spring.datasource.url=" + db.url(),
              "retort.check-on-startup=true",
              "retort.fail-on-drift=false",
              "retort.schema=" + SCHEMA.resolve("drift.sql"))
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(output)
                    .contains("WARN")
                    .contains(
                        "Retort: the database differs from "
                            + "drift.sql (1 change needed):\n  add column users.email");
              });
    }
  }

  @Test
  void aSchemaThatNamesNoEntitiesSaysTheUpgradeRan() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues(
              "spring.datasource.url=" + db.url(),
              "retort.check-on-startup=true",
              "retort.schema=jpa:dev.retort.spring.nothing")
          .run(
              context ->
                  assertThat(BadInputIT.report(context).getDescription())
                      .isEqualTo(
                          "Retort could not "
                              + "prepare the database: check-on-startup, after the upgrade (the database is at "
                              + "b2): schema=jpa: no package or class dev.retort.spring.nothing on the schema class"
                              + " path (the class path of the calling thread)"));
    }
  }

  @Test
  void checkWithoutASchemaSaysWhatToSet() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues("spring.datasource.url=" + db.url(), "retort.check-on-startup=true")
          .run(
              context -> {
                assertThat(BadInputIT.report(context).getDescription())
                    .isEqualTo(
                        "Retort could not "
                            + "prepare the database: retort.check-on-startup is true, but retort.schema does "
                            + "not say what to compare the database with: set it to jpa:com.example.model (the"
                            + " entities of that package), or to a schema.sql or Java schema definition file");
                assertThat(db.tables()).isEmpty();
              });
    }
  }
}
