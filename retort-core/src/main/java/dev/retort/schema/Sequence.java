package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A sequence generator (PostgreSQL "CREATE SEQUENCE"). Empty options take the database's defaults,
 * which depend on the direction: an ascending sequence starts at its minimum (1 unless given), a
 * descending one at its maximum (-1 unless given).
 *
 * @param name the sequence
 * @param start the first value; empty: the minimum (ascending) or maximum (descending)
 * @param increment the step, positive or negative, never zero
 * @param minValue the lowest value; empty: the database's default for the direction
 * @param maxValue the highest value; empty: the database's default for the direction
 * @param cache how many values a session preallocates, at least 1
 * @param cycle whether the sequence wraps around instead of failing at its limit
 * @param ownedBy the column whose table's drop drops the sequence too
 */
public record Sequence(
    QualifiedName name,
    Optional<Long> start,
    long increment,
    Optional<Long> minValue,
    Optional<Long> maxValue,
    long cache,
    boolean cycle,
    Optional<ColumnRef> ownedBy) {

  public Sequence {
    requireNonNull(name, "name");
    requireNonNull(start, "start");
    requireNonNull(minValue, "minValue");
    requireNonNull(maxValue, "maxValue");
    requireNonNull(ownedBy, "ownedBy");
    if (increment == 0) {
      throw new IllegalArgumentException("sequence " + name + ": the increment cannot be zero");
    }
    if (cache < 1) {
      throw new IllegalArgumentException(
          "sequence " + name + ": the cache must be at least 1, got " + cache);
    }
    if (minValue.isPresent() && maxValue.isPresent() && minValue.get() >= maxValue.get()) {
      throw new IllegalArgumentException(
          "sequence "
              + name
              + ": minValue "
              + minValue.get()
              + " must be below maxValue "
              + maxValue.get());
    }
  }

  /** An ascending sequence by 1 from 1, with every other option at its default. */
  public static Sequence of(QualifiedName name) {
    return new Sequence(
        name, Optional.empty(), 1, Optional.empty(), Optional.empty(), 1, false, Optional.empty());
  }

  /**
   * The first value the database records when {@link #start()} is empty; the defaults are those of
   * "CREATE SEQUENCE" in the PostgreSQL manual.
   */
  public long effectiveStart() {
    return start.orElseGet(() -> increment > 0 ? minValue.orElse(1L) : maxValue.orElse(-1L));
  }
}
