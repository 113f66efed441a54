package dev.retort.spring;

import dev.retort.Retort;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Says a DataSource's schema is {@linkplain SchemaManagement#MANAGED managed} when a {@link Retort}
 * bean migrates it, so that Hibernate's auto-configuration defaults {@code
 * spring.jpa.hibernate.ddl-auto} to {@code none} for it (for an embedded database it would
 * otherwise be {@code create-drop}, and Hibernate would fight Retort over the schema).
 */
public class RetortSchemaManagementProvider implements SchemaManagementProvider {
  private final ObjectProvider<Retort> retorts;

  public RetortSchemaManagementProvider(ObjectProvider<Retort> retorts) {
    this.retorts = retorts;
  }

  @Override
  public SchemaManagement getSchemaManagement(DataSource dataSource) {
    return retorts.stream().anyMatch(r -> r.config().dataSource().orElse(null) == dataSource)
        ? SchemaManagement.MANAGED
        : SchemaManagement.UNMANAGED;
  }
}
