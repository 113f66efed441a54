package org.example.shop;

import jakarta.persistence.Entity;

@Entity
public class Book extends Product {
  String isbn;
}
