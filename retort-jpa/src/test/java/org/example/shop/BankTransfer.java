package org.example.shop;

import jakarta.persistence.Entity;

@Entity
public class BankTransfer extends Payment {
  String iban;
}
