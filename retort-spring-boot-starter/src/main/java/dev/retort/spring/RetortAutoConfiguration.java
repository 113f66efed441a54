package dev.retort.spring;

import dev.retort.Retort;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Retort in a Spring Boot application: a {@link Retort} bean over the application's DataSource (or
 * {@code retort.url}), and an upgrade on start-up that runs before the JPA {@code
 * EntityManagerFactory} and every other bean that uses the database is made. Off with {@code
 * retort.enabled=false}.
 */
@AutoConfiguration(
    after = DataSourceAutoConfiguration.class,
    beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(Retort.class)
@Conditional(RetortAutoConfiguration.DatabaseCondition.class)
@ConditionalOnBooleanProperty(name = "retort.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class RetortAutoConfiguration {

  /** The facade, configured from {@code retort.*}; define your own to replace it. */
  @Bean
  @ConditionalOnMissingBean
  public Retort retort(
      RetortProperties properties,
      ObjectProvider<DataSource> dataSource,
      @RetortDataSource ObjectProvider<DataSource> retortDataSource,
      ObjectProvider<JdbcConnectionDetails> connectionDetails,
      ObjectProvider<RetortConfigurationCustomizer> customizers,
      Environment environment,
      ResourceLoader resourceLoader) {
    var builder =
        RetortBuilderFactory.builder(
            properties,
            retortDataSource.getIfAvailable(),
            dataSource.getIfUnique(),
            connectionDetails.getIfUnique(),
            environment,
            resourceLoader.getClassLoader());
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.load();
  }

  /** Runs the upgrade (or the {@link RetortMigrationStrategy}) when the context starts. */
  @Bean
  @ConditionalOnMissingBean
  public RetortMigrationInitializer retortMigrationInitializer(
      Retort retort,
      RetortProperties properties,
      ObjectProvider<RetortMigrationStrategy> strategy) {
    return new RetortMigrationInitializer(retort, properties, strategy.getIfAvailable());
  }

  /** Tells Hibernate's auto-configuration that Retort manages the schema of its DataSource. */
  @Bean
  public RetortSchemaManagementProvider retortSchemaManagementProvider(
      ObjectProvider<Retort> retorts) {
    return new RetortSchemaManagementProvider(retorts);
  }

  /** A DataSource bean, connection details, or {@code retort.url}: something to migrate. */
  static final class DatabaseCondition extends AnyNestedCondition {
    DatabaseCondition() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    private static final class DataSourceBean {}

    @ConditionalOnBean(JdbcConnectionDetails.class)
    private static final class ConnectionDetailsBean {}

    @ConditionalOnProperty("retort.url")
    private static final class RetortUrl {}
  }
}
