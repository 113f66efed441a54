package org.example.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A sequence with its own allocation size. */
@Entity
public class Account {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_ids")
  @SequenceGenerator(
      name = "account_ids",
      sequenceName = "account_id_seq",
      allocationSize = 20,
      initialValue = 1000)
  Long id;

  @Column(nullable = false, unique = true, length = 34)
  String iban;
}
