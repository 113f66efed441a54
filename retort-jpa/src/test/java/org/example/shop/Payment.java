package org.example.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import java.math.BigDecimal;

/** JOINED: each subclass has its own table whose key is a foreign key to payment. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Payment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  BigDecimal amount;
}
