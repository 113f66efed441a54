package org.example.valid;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Its {@code @NotNull} reaches the columns only where the embedding attribute is {@code @NotNull}
 * too; its {@code @Size} always.
 */
@Embeddable
public class Destination {
  @NotNull String city;

  @Size(max = 10)
  String zip;
}
