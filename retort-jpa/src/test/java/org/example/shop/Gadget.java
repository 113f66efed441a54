package org.example.shop;

import jakarta.persistence.Entity;

@Entity
public class Gadget extends Product {
  Integer warrantyMonths;
}
