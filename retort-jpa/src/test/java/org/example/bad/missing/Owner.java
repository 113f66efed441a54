package org.example.bad.missing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity whose field type the test removes from the class path. */
@Entity
public class Owner {
  @Id Long id;

  Gone gone;
}
