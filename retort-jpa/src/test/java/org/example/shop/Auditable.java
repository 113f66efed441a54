package org.example.shop;

import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

@MappedSuperclass
public abstract class Auditable {
  Instant createdAt;

  String createdBy;
}
