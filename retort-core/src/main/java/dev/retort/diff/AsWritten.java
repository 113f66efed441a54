package dev.retort.diff;

import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.ColumnState;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateTable;
import dev.retort.ops.Op;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Puts the definition's own spelling back into the ops a diff of normalized schemas produced.
 * Normalizing decides what is a change; what gets written is what the author declared: a table
 * created on SQLite keeps its comments for a PostgreSQL section of the same file, a column declared
 * {@code jsonb} is not written as MariaDB's {@code json}, a check keeps its author's words. Only
 * the desired side is restored; what an op says about the database's current state (for its
 * reverse) stays as the database reads it.
 */
final class AsWritten {
  private final Schema written;

  AsWritten(Schema written) {
    this.written = written;
  }

  List<Op> restore(List<Op> ops) {
    return ops.stream().map(this::restore).toList();
  }

  private Op restore(Op op) {
    if (op instanceof CreateTable c) {
      return written
          .table(c.table().name())
          .filter(t -> sameShape(t, c.table()))
          .<Op>map(t -> new CreateTable(keepKeysOf(c.table(), t), c.ifNotExists()))
          .orElse(op);
    }
    if (op instanceof AddColumn a) {
      return column(a.table(), a.column().name())
          .filter(w -> w.nullable() == a.column().nullable())
          .<Op>map(w -> new AddColumn(a.table(), w))
          .orElse(op);
    }
    if (op instanceof AlterColumn a && !a.has(ColumnChange.NAME)) {
      return column(a.table(), a.column()).<Op>map(w -> alter(a, w)).orElse(op);
    }
    if (op instanceof AddConstraint a && a.constraint().name().isPresent()) {
      return constraint(a.table(), a.constraint())
          .<Op>map(w -> new AddConstraint(a.table(), w, a.notValid()))
          .orElse(op);
    }
    if (op instanceof dev.retort.ops.AlterTableOptions o) {
      return written
          .table(o.table())
          .<Op>map(
              t -> {
                java.util.Map<String, String> spelt = new java.util.TreeMap<>(o.options());
                spelt.replaceAll((k, v) -> t.options().getOrDefault(k, v));
                return new dev.retort.ops.AlterTableOptions(o.table(), o.existing(), spelt);
              })
          .orElse(op);
    }
    if (op instanceof CreateIndex c) {
      return written.table(c.index().table()).stream()
          .flatMap(t -> t.indexes().stream())
          .filter(i -> i.name().equals(c.index().name()) && i.unique() == c.index().unique())
          .findFirst()
          .<Op>map(i -> new CreateIndex(i, c.concurrently()))
          .orElse(op);
    }
    return op;
  }

  /**
   * The same columns in the same order: the normalizer respelt the table, it did not reshape it.
   */
  private static boolean sameShape(Table a, Table b) {
    return a.columns().stream()
        .map(Column::name)
        .toList()
        .equals(b.columns().stream().map(Column::name).toList());
  }

  /** A foreign key the differ held back for later (a cycle) stays held back. */
  private static Table keepKeysOf(Table normalized, Table written) {
    return written.withForeignKeys(
        written.foreignKeys().stream()
            .filter(
                w ->
                    normalized.foreignKeys().stream()
                        .anyMatch(
                            n -> n.name().equals(w.name()) && n.columns().equals(w.columns())))
            .toList());
  }

  private Optional<Column> column(QualifiedName table, String name) {
    return written.table(table).flatMap(t -> t.column(name));
  }

  private Optional<Constraint> constraint(QualifiedName table, Constraint normalized) {
    return written.table(table).stream()
        .flatMap(
            t ->
                Stream.<Constraint>concat(
                    Stream.concat(t.primaryKey().stream(), t.foreignKeys().stream()),
                    Stream.concat(t.uniques().stream(), t.checks().stream())))
        .filter(c -> c.getClass() == normalized.getClass() && c.name().equals(normalized.name()))
        .findFirst();
  }

  /** The change with its new type, default and comment as the definition writes them. */
  private static AlterColumn alter(AlterColumn a, Column w) {
    ColumnState to = a.to();
    if (a.has(ColumnChange.TYPE)) {
      to = to.withType(Optional.of(w.type()));
    }
    if (a.has(ColumnChange.DEFAULT)) {
      to = to.withDefault(w.defaultValue());
    }
    if (a.has(ColumnChange.COMMENT)) {
      to = to.withComment(w.comment());
    }
    return new AlterColumn(a.table(), a.from(), to, a.changes(), a.using(), a.reverseUsing());
  }
}
