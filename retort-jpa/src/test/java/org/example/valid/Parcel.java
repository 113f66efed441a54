package org.example.valid;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.hibernate.validator.constraints.Length;
import org.hibernate.validator.constraints.Range;

/**
 * Bean Validation constraints Hibernate puts in its DDL when a provider is on the class path: NOT
 * NULL from {@code @NotNull}, {@code @NotBlank} and {@code @NotEmpty}, lengths from {@code @Size}
 * and {@code @Length}, checks from {@code @Min}, {@code @Max} and {@code @Range}, precision and
 * scale from {@code @Digits}; none from a constraint of another group.
 */
@Entity
public class Parcel {
  /** A group that Hibernate's DDL does not apply (it applies {@code Default}). */
  public interface Later {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @NotNull String label;

  @NotBlank String sender;

  @NotEmpty String recipient;

  @Size(max = 40)
  String note;

  @NotNull
  @Size(min = 2, max = 12)
  String code;

  @Column(length = 100)
  @Size(max = 50)
  String alias;

  @Min(1)
  @Max(100)
  int pieces;

  @Min(0)
  Long grams;

  @Digits(integer = 8, fraction = 3)
  BigDecimal declaredValue;

  @Length(max = 80)
  String instructions;

  @Range(min = 1, max = 5)
  Integer priority;

  @NotNull(groups = Later.class)
  String laterNote;

  @NotNull @ManyToOne Depot depot;

  @Valid @NotNull @Embedded Destination destination;

  @Valid
  @Embedded
  @AttributeOverride(name = "city", column = @Column(name = "returnCity"))
  @AttributeOverride(name = "zip", column = @Column(name = "returnZip"))
  Destination returnTo;
}
