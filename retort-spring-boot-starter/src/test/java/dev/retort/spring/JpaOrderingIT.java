package dev.retort.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.spring.jpa.JpaApplication;
import dev.retort.spring.jpa.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The upgrade runs before Hibernate builds its EntityManagerFactory: with {@code
 * ddl-auto=validate}, Hibernate checks the tables Retort has just made.
 */
@ExtendWith(OutputCaptureExtension.class)
class JpaOrderingIT {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  HibernateJpaAutoConfiguration.class,
                  RetortAutoConfiguration.class))
          .withUserConfiguration(JpaApplication.class)
          .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate");

  @Test
  void hibernateValidatesTheTablesRetortMadeOnPostgres(CapturedOutput output) {
    try (TestDatabases db = TestDatabases.postgres()) {
      runner
          .withPropertyValues(
              "spring.datasource.url=" + db.url(),
              "retort.check-on-startup=true",
              "retort.schema=jpa:dev.retort.spring.jpa")
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                persistAndRead(context.getBean(EntityManagerFactory.class));
                assertThat(output)
                    .contains("Retort: the database matches jpa:dev.retort.spring.jpa");
              });
    }
  }

  @Test
  void hibernateValidatesTheTablesRetortMadeOnSqlite() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues("spring.datasource.url=" + db.url())
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                persistAndRead(context.getBean(EntityManagerFactory.class));
              });
    }
  }

  @Test
  void withoutRetortTheSameApplicationFailsValidation() {
    try (TestDatabases db = TestDatabases.sqlite()) {
      runner
          .withPropertyValues("spring.datasource.url=" + db.url(), "retort.enabled=false")
          .run(
              context ->
                  assertThat(context)
                      .hasFailed()
                      .getFailure()
                      .hasStackTraceContaining("missing table"));
    }
  }

  @Test
  void entitiesThatDifferFromTheDatabaseStopStartUp() {
    try (TestDatabases db = TestDatabases.postgres()) {
      runner
          .withPropertyValues(
              "spring.datasource.url=" + db.url(),
              "retort.target=a1",
              "spring.jpa.hibernate.ddl-auto=none",
              "retort.check-on-startup=true",
              "retort.schema=jpa:dev.retort.spring.jpa")
          .run(
              context ->
                  assertThat(BadInputIT.report(context).getDescription())
                      .startsWith(
                          "Retort could not "
                              + "prepare the database: check-on-startup, after the upgrade (the database is at "
                              + "a1): the database differs from jpa:dev.retort.spring.jpa (1 "
                              + "change needed):\n  create table posts"));
    }
  }

  private static void persistAndRead(EntityManagerFactory emf) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      em.persist(new User(1L, "Ada"));
      em.getTransaction().commit();
      em.clear();
      assertThat(em.find(User.class, 1L).getName()).isEqualTo("Ada");
    } finally {
      em.close();
    }
  }
}
