package dev.retort.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.Retort;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The starter on an application's database: what it migrates, with which settings. */
class RetortAutoConfigurationIT {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class, RetortAutoConfiguration.class));

  @Test
  void upgradesTheApplicationsDatabaseToTheHeadsOnStartUp() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues("spring.datasource.url=" + db.url())
          .run(
              context -> {
                assertThat(context).hasNotFailed().hasSingleBean(Retort.class);
                Retort retort = context.getBean(Retort.class);
                DataSource app = context.getBean(DataSource.class);
                assertThat(retort.config().dataSource()).containsSame(app);
                assertThat(retort.current()).containsExactly("b2");
                assertThat(db.tables())
                    .containsExactly("posts", "retort_history", "retort_version", "users");
                RetortSchemaManagementProvider managed =
                    context.getBean(RetortSchemaManagementProvider.class);
                assertThat(managed.getSchemaManagement(app)).isEqualTo(SchemaManagement.MANAGED);
                assertThat(managed.getSchemaManagement(new HikariDataSource()))
                    .isEqualTo(SchemaManagement.UNMANAGED);
              });
    }
  }

  @Test
  void upgradesPostgresAndStopsAtTheTarget() {
    try (TestDatabases db = TestDatabases.postgres()) {
      runner
          .withPropertyValues("spring.datasource.url=" + db.url(), "retort.target=a1")
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(db.query("SELECT version_num FROM retort_version"))
                    .containsExactly("a1");
                assertThat(db.tables())
                    .containsExactly("retort_history", "retort_version", "users");
              });
      // a second start with the default target goes on from there
      runner
          .withPropertyValues("spring.datasource.url=" + db.url())
          .run(
              context ->
                  assertThat(db.query("SELECT version_num FROM retort_version"))
                      .containsExactly("b2"));
    }
  }

  @Test
  void disabledLeavesTheDatabaseAlone() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues("spring.datasource.url=" + db.url(), "retort.enabled=false")
          .run(
              context -> {
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(Retort.class)
                    .doesNotHaveBean(RetortMigrationInitializer.class);
                assertThat(db.tables()).isEmpty();
              });
    }
  }

  @Test
  void withoutADatabaseTheStarterStandsBack() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Retort.class));
  }

  @Test
  void retortUrlMigratesAnotherDatabaseThanTheApplications() {
    try (TestDatabases app = TestDatabases.sqlite();
        TestDatabases other = TestDatabases.postgres()) {
      runner
          .withPropertyValues("spring.datasource.url=" + app.url(), "retort.url=" + other.url())
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(other.tables()).contains("users", "posts");
                assertThat(app.tables()).isEmpty();
                assertThat(
                        context
                            .getBean(RetortSchemaManagementProvider.class)
                            .getSchemaManagement(context.getBean(DataSource.class)))
                    .isEqualTo(SchemaManagement.UNMANAGED);
              });
    }
  }

  @Test
  void aRetortDataSourceBeanIsTheOneMigrated() {
    try (TestDatabases app = TestDatabases.sqlite();
        TestDatabases owner = TestDatabases.sqlite()) {
      QualifiedDataSource.retortUrl = owner.url();
      runner
          .withPropertyValues("spring.datasource.url=" + app.url())
          .withUserConfiguration(QualifiedDataSource.class)
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(owner.tables()).contains("users", "posts");
                assertThat(app.tables()).isEmpty();
              });
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class QualifiedDataSource {
    static String retortUrl;

    @Bean
    @Primary
    DataSource application(org.springframework.core.env.Environment env) {
      return pool(env.getProperty("spring.datasource.url"));
    }

    @Bean
    @RetortDataSource
    DataSource migrations() {
      return pool(retortUrl);
    }
  }

  @Test
  void retortUserMigratesTheApplicationsDatabaseAsAnotherUser() {
    String role = "retort_owner_" + Long.toHexString(System.nanoTime());
    TestDatabases.Postgres.admin("CREATE ROLE " + role + " LOGIN PASSWORD 'secret'");
    try (TestDatabases db = TestDatabases.postgres()) {
      db.execute("GRANT ALL ON SCHEMA public TO " + role);
      // the user as a property: in the URL, PostgreSQL's driver would let it win over any other
      String url = db.url().replaceAll("\\?.*", "");
      runner
          .withPropertyValues(
              "spring.datasource.url=" + url,
              "spring.datasource.username=postgres",
              "retort.user=" + role,
              "retort.password=secret")
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(db.query("SELECT tableowner FROM pg_tables WHERE tablename = 'users'"))
                    .containsExactly(role);
              });
    } finally {
      TestDatabases.Postgres.admin("DROP ROLE IF EXISTS " + role);
    }
  }

  @Test
  void aStrategyBeanRunsInsteadOfTheUpgrade() {
    List<String> seen = new ArrayList<>();
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues("spring.datasource.url=" + db.url())
          .withBean(
              RetortMigrationStrategy.class,
              () ->
                  retort -> {
                    seen.add(retort.heads().get(0).id());
                    retort.upgrade("a1");
                  })
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(seen).containsExactly("b2");
                assertThat(db.query("SELECT version_num FROM retort_version"))
                    .containsExactly("a1");
              });
    }
  }

  @Test
  void customizersChangeTheConfigurationAfterTheProperties() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues(
              "spring.datasource.url=" + db.url(), "retort.version-table=from_properties")
          .withBean(
              RetortConfigurationCustomizer.class,
              () -> builder -> builder.versionTable("app_versions"))
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(db.tables())
                    .contains("app_versions")
                    .doesNotContain("from_properties", "retort_version");
              });
    }
  }

  static HikariDataSource pool(String url) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    return ds;
  }
}
