package dev.retort.jpa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The naming strategies {@code jpa-naming} stands for. {@code hibernate} is Hibernate's own default
 * (JPA's implicit names, physical names as written). {@code spring} is what Spring Boot configures:
 * on Boot 3 {@code CamelCaseToUnderscoresNamingStrategy} and Boot's implicit strategy, on Boot 4
 * Hibernate 7's {@code PhysicalNamingStrategySnakeCaseImpl} and Boot 4's implicit strategy; without
 * Boot on the class path, the physical strategy of Boot's line for this Hibernate, and Retort's
 * rendition of Boot's implicit rule (a join table is named after the owning table and the
 * attribute).
 */
final class Naming {
  static final String PHYSICAL = "hibernate.physical_naming_strategy";
  static final String IMPLICIT = "hibernate.implicit_naming_strategy";

  private static final String BOOT4_IMPLICIT =
      "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";
  private static final String BOOT3_IMPLICIT =
      "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy";
  private static final String SNAKE =
      "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";
  private static final String CAMEL =
      "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
  static final String OWN_IMPLICIT = "dev.retort.jpa.hibernate.JoinTableByAttributeNaming";

  private Naming() {}

  /** {@code spring} when Spring Boot is on the class path, else {@code hibernate}. */
  static String defaultFor(ClassLoader loader) {
    return has(loader, "org.springframework.boot.SpringApplication") ? "spring" : "hibernate";
  }

  /**
   * The settings for {@code naming} ({@code hibernate} or {@code spring}); empty for Hibernate's.
   */
  static Map<String, String> settings(String naming, ClassLoader loader) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!naming.equals("spring")) {
      return out;
    }
    Optional<String> implicit =
        has(loader, BOOT4_IMPLICIT)
            ? Optional.of(BOOT4_IMPLICIT)
            : has(loader, BOOT3_IMPLICIT) ? Optional.of(BOOT3_IMPLICIT) : Optional.empty();
    boolean boot4 = implicit.filter(BOOT4_IMPLICIT::equals).isPresent();
    boolean hibernate7 = has(loader, SNAKE);
    out.put(PHYSICAL, boot4 || implicit.isEmpty() && hibernate7 ? SNAKE : CAMEL);
    out.put(IMPLICIT, implicit.orElse(OWN_IMPLICIT));
    return out;
  }

  static boolean has(ClassLoader loader, String className) {
    return loader.getResource(className.replace('.', '/') + ".class") != null;
  }
}
