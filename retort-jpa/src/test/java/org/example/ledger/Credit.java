package org.example.ledger;

import jakarta.persistence.Entity;

@Entity
public class Credit extends Entry {
  String source;
}
