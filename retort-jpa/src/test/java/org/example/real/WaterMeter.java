package org.example.real;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("200")
public class WaterMeter extends Meter {
  @Column(name = "sealed", nullable = false)
  Boolean sealed;

  @Column(name = "digits", nullable = false)
  Integer digits;
}
