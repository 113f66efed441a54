package dev.retort.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Start-up on bad input: one clear message (Boot's failure report says it), the application does
 * not start, and the database is as it was.
 */
class BadInputIT {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class, RetortAutoConfiguration.class));

  @Test
  void aMigrationsLocationMissingFromTheClassPath() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues(
              "spring.datasource.url=" + db.url(), "retort.migrations=classpath:db/nowhere")
          .run(
              context -> {
                assertThat(report(context).getDescription())
                    .isEqualTo(
                        "Retort could not prepare the "
                            + "database: migrations location classpath:db/nowhere is not on the class path: no "
                            + "class path entry has a directory db/nowhere and no META-INF/retort/migrations "
                            + "lists a migration in package db.nowhere; check the 'migrations' setting and that"
                            + " the application's jar is on the class path");
                assertThat(db.tables()).isEmpty();
              });
    }
  }

  @Test
  void aDirtyDatabaseIsRefusedBeforeAnythingRuns() {
    try (TestDatabases db = TestDatabases.postgres()) {
      Retort direct = Retort.configure().url(db.url()).migrations("classpath:db/dirty").load();
      direct.upgrade("a1");
      try {
        direct.upgrade("b2");
      } catch (RuntimeException expected) {
        // b2 fails at its second statement, outside a transaction: posts stays, b2 is dirty
      }
      List<String> historyBefore =
          db.query("SELECT id || ' ' || revision FROM retort_history ORDER BY id");
      runner
          .withPropertyValues(
              "spring.datasource.url=" + db.url(), "retort.migrations=classpath:db/dirty")
          .run(
              context -> {
                FailureAnalysis report = report(context);
                assertThat(report.getDescription())
                    .startsWith(
                        "Retort could not prepare the database: "
                            + "the database is dirty: b2 (dirty: upgrade failed at statement 2; statements "
                            + "before it stay applied). Nothing was run.");
                assertThat(db.query("SELECT id || ' ' || revision FROM retort_history ORDER BY id"))
                    .isEqualTo(historyBefore);
                assertThat(db.query("SELECT version_num FROM retort_version"))
                    .containsExactly("a1");
              });
    }
  }

  @Test
  void aTargetThatNamesNoRevision() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues("spring.datasource.url=" + db.url(), "retort.target=f00d")
          .run(
              context -> {
                assertThat(report(context).getDescription())
                    .startsWith("Retort could not prepare the database: ")
                    .contains("f00d");
                assertThat(db.tables()).isEmpty();
              });
    }
  }

  @Test
  void aNegativeLockTimeout() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues("spring.datasource.url=" + db.url(), "retort.lock-timeout=-5")
          .run(
              context -> {
                assertThat(report(context).getDescription())
                    .isEqualTo(
                        "Retort could not prepare the "
                            + "database: lock-timeout must be 0 or more seconds, not -5");
                assertThat(db.tables()).isEmpty();
              });
    }
  }

  @Test
  void aUserWithoutAUrlToUseItOn() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues("retort.user=owner")
          .withBean(javax.sql.DataSource.class, () -> RetortAutoConfigurationIT.pool(db.url()))
          .run(
              context -> {
                assertThat(report(context).getDescription())
                    .startsWith(
                        "Retort could not prepare "
                            + "the database: retort.user is set without retort.url, and the application's "
                            + "database has no JDBC URL");
                assertThat(db.tables()).isEmpty();
              });
    }
  }

  /** What Boot prints as "APPLICATION FAILED TO START" for the context's failure. */
  static FailureAnalysis report(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    FailureAnalysis analysis = new RetortFailureAnalyzer().analyze(context.getStartupFailure());
    assertThat(analysis).as("a Retort failure in %s", context.getStartupFailure()).isNotNull();
    return analysis;
  }
}
