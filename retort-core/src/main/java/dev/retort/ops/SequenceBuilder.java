package dev.retort.ops;

import dev.retort.schema.ColumnRef;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.util.Optional;

/**
 * Describes a sequence for {@link Operations#createSequence}; options not set keep the database's
 * defaults.
 *
 * <pre>{@code
 * op.createSequence("order_no", s -> s.start(1000).increment(10).cache(20).ownedBy("orders", "no"));
 * }</pre>
 */
public final class SequenceBuilder {
  private final QualifiedName name;
  private Optional<Long> start = Optional.empty();
  private long increment = 1;
  private Optional<Long> minValue = Optional.empty();
  private Optional<Long> maxValue = Optional.empty();
  private long cache = 1;
  private boolean cycle;
  private Optional<ColumnRef> ownedBy = Optional.empty();

  SequenceBuilder(QualifiedName name) {
    this.name = name;
  }

  /**
   * A sequence described the same way {@code createSequence} describes one, for schema definitions:
   * {@code SequenceBuilder.sequence("order_no", q -> q.start(1000))}.
   */
  public static Sequence sequence(String name, java.util.function.Consumer<SequenceBuilder> spec) {
    SequenceBuilder b = new SequenceBuilder(QualifiedName.parse(name));
    spec.accept(b);
    return b.build();
  }

  /** The first value. */
  public SequenceBuilder start(long value) {
    start = Optional.of(value);
    return this;
  }

  /** The step; negative for a descending sequence. */
  public SequenceBuilder increment(long value) {
    increment = value;
    return this;
  }

  /** The lowest value. */
  public SequenceBuilder minValue(long value) {
    minValue = Optional.of(value);
    return this;
  }

  /** The highest value. */
  public SequenceBuilder maxValue(long value) {
    maxValue = Optional.of(value);
    return this;
  }

  /** How many values each session preallocates. */
  public SequenceBuilder cache(long values) {
    cache = values;
    return this;
  }

  /** Wraps around at the limit instead of failing. */
  public SequenceBuilder cycle() {
    cycle = true;
    return this;
  }

  /**
   * Ties the sequence to a column: dropping the column or its table drops the sequence. The table
   * is in the sequence's schema unless qualified.
   */
  public SequenceBuilder ownedBy(String table, String column) {
    QualifiedName t = QualifiedName.parse(table);
    if (t.schema().isEmpty() && name.schema().isPresent()) {
      t = QualifiedName.of(name.schema().get(), t.name());
    }
    ownedBy = Optional.of(new ColumnRef(t, column));
    return this;
  }

  Sequence build() {
    return new Sequence(name, start, increment, minValue, maxValue, cache, cycle, ownedBy);
  }
}
