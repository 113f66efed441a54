package org.example.real;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/**
 * A single-table hierarchy with an integer discriminator, as Fineract maps its savings accounts;
 * Hibernate 7 checks that a subclass's not-null columns are set on its rows ({@code meter_type <>
 * 200 or (sealed is not null and digits is not null)}).
 */
@Entity
@Table(name = "meter")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "meter_type", discriminatorType = DiscriminatorType.INTEGER)
@DiscriminatorValue("100")
public class Meter {
  @Id Long id;

  String label;
}
