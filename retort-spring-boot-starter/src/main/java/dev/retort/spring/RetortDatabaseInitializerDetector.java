package dev.retort.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot's database-initialization ordering that {@link RetortMigrationInitializer} beans
 * initialize the database, so that beans which depend on an initialized database (the JPA {@code
 * EntityManagerFactory}, {@code JdbcTemplate}, anything marked
 * {@code @DependsOnDatabaseInitialization}) are made after it.
 */
public class RetortDatabaseInitializerDetector
    extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(RetortMigrationInitializer.class);
  }

  @Override
  public int getOrder() {
    return 1;
  }
}
