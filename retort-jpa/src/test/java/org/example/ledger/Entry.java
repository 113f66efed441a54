package org.example.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** TABLE_PER_CLASS: a table per concrete class, ids from one sequence (AUTO: entry_seq by 50). */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Entry {
  @Id @GeneratedValue Long id;

  @ManyToOne Account account;

  BigDecimal amount;
}
