package org.example.valid;

import jakarta.persistence.Entity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A single-table subclass: NOT NULL would refuse its siblings' rows, so Hibernate leaves it. */
@Entity
public class ColdDepot extends Depot {
  @NotNull
  @Min(-40)
  @Max(8)
  Integer celsius;
}
