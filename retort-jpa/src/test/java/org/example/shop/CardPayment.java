package org.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class CardPayment extends Payment {
  @Column(length = 4)
  String lastDigits;
}
