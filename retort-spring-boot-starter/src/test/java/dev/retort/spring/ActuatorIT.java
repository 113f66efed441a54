package dev.retort.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code retort} endpoint and health indicator on a real database. */
class ActuatorIT {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  RetortAutoConfiguration.class,
                  RetortActuatorAutoConfiguration.class))
          .withPropertyValues("management.endpoints.web.exposure.include=retort");

  @Test
  void atTheHeadsTheEndpointShowsTheHistoryAndHealthIsUp() {
    try (TestDatabases db = TestDatabases.postgres()) {
      runner
          .withPropertyValues("spring.datasource.url=" + db.url())
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                RetortEndpoint.Report report = context.getBean(RetortEndpoint.class).report();
                assertThat(report.current())
                    .containsExactly(new RetortEndpoint.RevisionDescriptor("b2", "posts"));
                assertThat(report.heads())
                    .containsExactly(new RetortEndpoint.RevisionDescriptor("b2", "posts"));
                assertThat(report.pending()).isEmpty();
                assertThat(report.dirty()).isEmpty();
                assertThat(report.history())
                    .extracting(
                        RetortEndpoint.HistoryDescriptor::revision,
                        RetortEndpoint.HistoryDescriptor::direction,
                        RetortEndpoint.HistoryDescriptor::success)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a1", "up", true),
                        org.assertj.core.groups.Tuple.tuple("b2", "up", true));
                Health health = context.getBean(RetortHealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("current", java.util.Set.of("b2"));
              });
    }
  }

  @Test
  void behindTheHeadsHealthIsDownAndTheEndpointListsWhatIsPending() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues("spring.datasource.url=" + db.url(), "retort.target=a1")
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                RetortEndpoint.Report report = context.getBean(RetortEndpoint.class).report();
                assertThat(report.current())
                    .extracting(RetortEndpoint.RevisionDescriptor::id)
                    .containsExactly("a1");
                assertThat(report.pending())
                    .containsExactly(new RetortEndpoint.RevisionDescriptor("b2", "posts"));
                Health health = context.getBean(RetortHealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("pending", List.of("b2"));
                // once upgraded, the same indicator is up
                context.getBean(Retort.class).upgrade("heads");
                assertThat(context.getBean(RetortHealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP);
              });
    }
  }

  @Test
  void aDirtyDatabaseIsDown() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      // a strategy that leaves the database as it is lets the application start on a dirty one
      runner
          .withPropertyValues(
              "spring.datasource.url=" + db.url(), "retort.migrations=classpath:db/dirty")
          .withBean(
              RetortMigrationStrategy.class,
              () ->
                  retort -> {
                    retort.upgrade("a1");
                    try {
                      retort.upgrade("b2");
                    } catch (RuntimeException expected) {
                      // b2 fails half-way, outside a transaction
                    }
                  })
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                Health health = context.getBean(RetortHealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsKey("dirty");
                assertThat(context.getBean(RetortEndpoint.class).report().dirty())
                    .singleElement()
                    .asString()
                    .startsWith("b2 (dirty: upgrade failed at statement 2");
              });
    }
  }

  @Test
  void offWithBootsSwitches() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  RetortAutoConfiguration.class,
                  RetortActuatorAutoConfiguration.class))
          .withPropertyValues(
              "spring.datasource.url=" + db.url(), "management.health.retort.enabled=false")
          .run(
              context ->
                  assertThat(context)
                      .hasNotFailed()
                      .doesNotHaveBean(RetortHealthIndicator.class)
                      .doesNotHaveBean(
                          RetortEndpoint
                              .class)); // not exposed: web exposes health alone by default
    }
  }

  @Test
  void theIdeMetadataDescribesEveryProperty() throws Exception {
    var repo =
        org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder
            .create(getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json"))
            .build();
    var properties = repo.getAllProperties();
    Map<String, Object> defaults =
        Map.of(
            "retort.enabled",
            true,
            "retort.migrations",
            "classpath:db/retort",
            "retort.target",
            "heads",
            "retort.check-on-startup",
            false,
            "retort.fail-on-drift",
            true,
            "retort.lock-timeout",
            "5m");
    defaults.forEach(
        (key, value) -> assertThat(properties.get(key).getDefaultValue()).as(key).isEqualTo(value));
    for (String key :
        List.of(
            "retort.enabled",
            "retort.url",
            "retort.user",
            "retort.password",
            "retort.migrations",
            "retort.target",
            "retort.lock-timeout",
            "retort.check-on-startup",
            "retort.fail-on-drift",
            "retort.schema")) {
      assertThat(properties).containsKey(key);
      assertThat(properties.get(key).getDescription()).as(key).isNotBlank();
    }
  }
}
