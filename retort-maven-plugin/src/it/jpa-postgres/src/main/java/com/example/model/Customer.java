package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class Customer {
  @Id
  @GeneratedValue
  Long id;

  @Column(nullable = false, unique = true)
  String email;

  Instant joinedAt;
}
