package org.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
  String street;

  @Column(length = 10)
  String zip;

  String city;
}
