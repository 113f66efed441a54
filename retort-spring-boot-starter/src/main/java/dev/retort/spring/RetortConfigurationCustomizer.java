package dev.retort.spring;

import dev.retort.RetortConfig;

/**
 * Changes the configuration the starter builds, after the {@code retort.*} properties are applied
 * and before the {@link dev.retort.Retort} bean is made: for settings that have no property, such
 * as a progress listener or a setting of another Retort module.
 *
 * <pre>{@code
 * @Bean
 * RetortConfigurationCustomizer quietProgress() {
 *   return builder -> builder.progress(line -> {}).setting("jpa-naming", "hibernate");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RetortConfigurationCustomizer {
  /** Changes {@code builder}; customizers run in their {@code @Order}. */
  void customize(RetortConfig.Builder builder);
}
