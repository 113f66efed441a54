package dev.retort.diff;

import dev.retort.ops.AlterSequence;
import dev.retort.ops.CreateExtension;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.DropExtension;
import dev.retort.ops.DropSequence;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.Extension;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The schema-level objects that are neither tables nor types: sequences and extensions.
 *
 * <p>A sequence is created before the tables, whose defaults may call {@code nextval} on it, and
 * dropped after them. An owner ({@code OWNED BY}) needs its column to exist, so a new owner is set
 * by a separate {@link AlterSequence} once tables and columns are in place, and an owner that goes
 * is removed before columns and tables are dropped: dropping the owning column would otherwise drop
 * the sequence with it. Read backwards, the same ops undo each other in the right order.
 */
final class SequenceDiff {
  private SequenceDiff() {}

  static void sequences(Schema from, Schema to, Differ.Phases p) {
    Map<QualifiedName, Sequence> before = new LinkedHashMap<>();
    from.sequences().forEach(s -> before.put(s.name(), s));
    for (Sequence s : to.sequences()) {
      Sequence old = before.remove(s.name());
      if (old == null) {
        create(from, s, p);
      } else if (!same(old, s)) {
        alter(old, s, p);
      }
    }
    for (Sequence old : before.values()) {
      Sequence unowned = withOwner(old, Optional.empty());
      if (old.ownedBy().isPresent()) {
        p.unownSequences.add(new AlterSequence(old.name(), old, unowned));
      }
      p.dropSequences.add(new DropSequence(old.name(), Optional.of(unowned)));
    }
  }

  private static void create(Schema from, Sequence s, Differ.Phases p) {
    if (s.ownedBy().isEmpty() || exists(from, s.ownedBy().get())) {
      p.createSequences.add(new CreateSequence(s));
      return;
    }
    Sequence unowned = withOwner(s, Optional.empty());
    p.createSequences.add(new CreateSequence(unowned));
    p.ownSequences.add(new AlterSequence(s.name(), unowned, s));
  }

  private static void alter(Sequence old, Sequence s, Differ.Phases p) {
    boolean newOwner = s.ownedBy().isPresent() && !s.ownedBy().equals(old.ownedBy());
    (newOwner ? p.ownSequences : p.unownSequences).add(new AlterSequence(s.name(), old, s));
  }

  private static boolean exists(Schema schema, ColumnRef column) {
    return schema
        .table(column.table())
        .map(t -> t.columns().stream().anyMatch(c -> c.name().equals(column.column())))
        .orElse(false);
  }

  /**
   * Equal as the database sees them: an option left to its default equals the default spelt out,
   * which is what the catalog reports ("CREATE SEQUENCE" in the PostgreSQL manual).
   */
  static boolean same(Sequence a, Sequence b) {
    return a.increment() == b.increment()
        && a.effectiveStart() == b.effectiveStart()
        && minValue(a) == minValue(b)
        && maxValue(a) == maxValue(b)
        && a.cache() == b.cache()
        && a.cycle() == b.cycle()
        && a.ownedBy().equals(b.ownedBy());
  }

  private static long minValue(Sequence s) {
    return s.minValue().orElse(s.increment() > 0 ? 1L : Long.MIN_VALUE);
  }

  private static long maxValue(Sequence s) {
    return s.maxValue().orElse(s.increment() > 0 ? Long.MAX_VALUE : -1L);
  }

  private static Sequence withOwner(Sequence s, Optional<ColumnRef> owner) {
    return new Sequence(
        s.name(),
        s.start(),
        s.increment(),
        s.minValue(),
        s.maxValue(),
        s.cache(),
        s.cycle(),
        owner);
  }

  /**
   * Extensions are compared by name: one that moved to another schema is left alone (moving it is
   * {@code ALTER EXTENSION ... SET SCHEMA}, by hand). They are created before everything else,
   * since types and functions of theirs may be used by what follows, and dropped last.
   */
  static void extensions(Schema from, Schema to, Differ.Phases p) {
    Map<String, Extension> before = new LinkedHashMap<>();
    from.extensions().forEach(e -> before.put(e.name(), e));
    for (Extension e : to.extensions()) {
      if (before.remove(e.name()) == null) {
        p.createExtensions.add(new CreateExtension(e.name(), e.schema(), false));
      }
    }
    before
        .values()
        .forEach(e -> p.dropExtensions.add(new DropExtension(e.name(), e.schema(), false)));
  }
}
