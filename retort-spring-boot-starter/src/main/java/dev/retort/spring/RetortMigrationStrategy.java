package dev.retort.spring;

import dev.retort.Retort;

/**
 * What start-up does with the database, in place of upgrading it to {@code retort.target}. Define
 * one as a bean to validate only, to stamp a database that predates Retort, or to upgrade to a
 * revision of your choosing; it runs where the upgrade would, before the JPA {@code
 * EntityManagerFactory} is built.
 *
 * <pre>{@code
 * @Bean
 * RetortMigrationStrategy onlyRefuseABehindDatabase() {
 *   return retort -> {
 *     if (!retort.upgradePlan("heads").isEmpty()) {
 *       throw new IllegalStateException("run the migrations before starting this version");
 *     }
 *   };
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RetortMigrationStrategy {
  /** Brings (or checks) the database before the application uses it. */
  void migrate(Retort retort);
}
