package dev.retort.jpa.hibernate;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * JPA's implicit names, except that a join table is named after the owning table and the attribute
 * ({@code customer_favourite_tags}) rather than after both entities: the rule Spring Boot's
 * implicit naming strategy documents, for {@code jpa-naming=spring} when Boot itself is not on the
 * schema class path. Without it two associations between the same entities would share one join
 * table.
 */
public class JoinTableByAttributeNaming extends ImplicitNamingStrategyJpaCompliantImpl {
  private static final long serialVersionUID = 1L;

  @Override
  public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
    String name =
        source.getOwningPhysicalTableName()
            + "_"
            + source.getAssociationOwningAttributePath().getProperty();
    return toIdentifier(name, source.getBuildingContext());
  }
}
