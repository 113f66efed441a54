package org.example.bad.rejected;

import jakarta.persistence.Entity;

/** An entity without an identifier, which Hibernate rejects. */
@Entity
public class Broken {
  String name;
}
