package org.example.valid;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The root of a single table: its subclasses' {@code @NotNull} leaves their columns nullable. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Depot {
  @Id Long id;

  @NotBlank
  @Size(max = 30)
  String name;
}
