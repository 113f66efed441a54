package dev.retort.jpa;

import dev.retort.source.EntityModel;
import java.util.List;
import java.util.Map;

/**
 * What the adapter, inside the schema class loader, is asked to read.
 *
 * @param model the entities, the settings and the database
 * @param classes the entity and converter classes to hand to Hibernate
 * @param packages packages whose {@code package-info} Hibernate should read
 * @param settings Hibernate settings: naming strategies, then the user's {@code jpa-property.*}
 */
public record BootRequest(
    EntityModel model, List<String> classes, List<String> packages, Map<String, String> settings) {
  public BootRequest {
    classes = List.copyOf(classes);
    packages = List.copyOf(packages);
    settings = Map.copyOf(settings);
  }
}
