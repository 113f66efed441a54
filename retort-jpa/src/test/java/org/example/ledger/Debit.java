package org.example.ledger;

import jakarta.persistence.Entity;

@Entity
public class Debit extends Entry {
  String reason;
}
