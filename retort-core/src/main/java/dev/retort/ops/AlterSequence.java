package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;

/**
 * Changes a sequence's options from {@code from} to {@code to}; only what differs is changed. The
 * current value is left alone: a new start value is what {@code ALTER SEQUENCE ... RESTART} would
 * go back to, not a restart. So PostgreSQL refuses bounds that exclude the current value ("RESTART
 * value (1) cannot be less than MINVALUE (1000)"); restart the sequence first, with {@code
 * op.execute("ALTER SEQUENCE ... RESTART WITH ...")}, when that is what is meant.
 */
public record AlterSequence(QualifiedName name, Sequence from, Sequence to) implements Op {
  public AlterSequence {
    requireNonNull(name, "name");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (!from.name().equals(name) || !to.name().equals(name)) {
      throw new IllegalArgumentException(
          "alter sequence "
              + name
              + ": from and to must both be "
              + name
              + ", got "
              + from.name()
              + " and "
              + to.name());
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException("alter sequence " + name + " changes nothing");
    }
  }

  @Override
  public AlterSequence reverse() {
    return new AlterSequence(name, to, from);
  }

  @Override
  public String describe() {
    return "alter sequence " + name;
  }
}
