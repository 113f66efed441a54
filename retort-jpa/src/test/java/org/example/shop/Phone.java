package org.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Phone {
  @Column(length = 20, nullable = false)
  String number;

  String kind;
}
