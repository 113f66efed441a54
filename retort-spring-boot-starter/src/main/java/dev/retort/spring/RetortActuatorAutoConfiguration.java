package dev.retort.spring;

import dev.retort.Retort;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code retort} endpoint and health indicator, when the application has Actuator and a {@link
 * Retort} bean. Each is off with Boot's usual switches ({@code management.endpoint.retort.access},
 * {@code management.health.retort.enabled}).
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass(Retort.class)
@ConditionalOnBean(Retort.class)
public class RetortActuatorAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Endpoint.class)
  @ConditionalOnAvailableEndpoint(RetortEndpoint.class)
  static class EndpointConfiguration {
    @Bean
    @ConditionalOnMissingBean
    RetortEndpoint retortEndpoint(Retort retort) {
      return new RetortEndpoint(retort);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("retort")
  static class HealthConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "retortHealthIndicator")
    RetortHealthIndicator retortHealthIndicator(Retort retort) {
      return new RetortHealthIndicator(retort);
    }
  }
}
