package org.example.real;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalTime;

/**
 * Mappings found in real applications' entity models (Apache Fineract, ThingsBoard) that the
 * hand-written models lacked: an enum of one constant (PostgreSQL keeps its check as an equality),
 * a unique column that a named single-column constraint also covers (Hibernate keeps the named one
 * only), ordinal enums whose checks MariaDB keeps on the column, and a time of day (Hibernate 7
 * writes {@code time(0)} on MariaDB, which keeps it as {@code time}).
 */
@Entity
@Table(
    name = "gauge",
    uniqueConstraints = @UniqueConstraint(name = "gauge_code_uq", columnNames = "code"))
public class Gauge {
  /** A profile type with one value so far. */
  public enum Kind {
    DEFAULT
  }

  /** Stored by ordinal. */
  public enum Level {
    LOW,
    MID,
    HIGH
  }

  @Id Long id;

  @Column(name = "code", unique = true, nullable = false)
  String code;

  @Enumerated(EnumType.STRING)
  Kind kind;

  @Column(name = "level_enum", nullable = false)
  @Enumerated(EnumType.ORDINAL)
  Level level;

  LocalTime opensAt;
}
