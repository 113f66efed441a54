package dev.retort.diff;

import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropTable;
import dev.retort.ops.Op;
import dev.retort.ops.RenameTable;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two schemas into the ops that turn the first into the second. Both sides must have gone
 * through the same dialect's normalisation first.
 *
 * <p>The ops come in phases so that dependencies hold: foreign keys, indexes and constraints that
 * go or change are dropped first; extensions, then types, then sequences are created; new tables
 * are created parents first; columns are added and altered; constraints, indexes and foreign keys
 * are added; columns and tables are dropped, children first, then sequences, types and extensions.
 * Every op carries what its reverse needs, so the reversed list, read backwards, is the downgrade.
 *
 * <pre>{@code
 * DiffResult d = new Differ().diff(inspected, desired, DiffOptions.defaults());
 * d.ops().forEach(op -> System.out.println(op.describe()));
 * }</pre>
 */
public final class Differ {
  /** A differ; it keeps no state between diffs. */
  public Differ() {}

  /**
   * The ops that turn {@code from} into {@code to}, comparing both in {@code canonical} form (see
   * {@link Normalizer}); the ops then carry {@code to}'s objects as written, not as normalized, so
   * that what autogenerate writes is what the definition says.
   */
  public DiffResult diff(Schema from, Schema to, DiffOptions options, Normalizer canonical) {
    DiffResult d = diff(canonical.normalize(from), canonical.normalize(to), options);
    return new DiffResult(
        new AsWritten(to).restore(d.ops()), d.renameCandidates(), to.unmodelled());
  }

  /** The ops that turn {@code from} into {@code to}, both already normalized. */
  public DiffResult diff(Schema from, Schema to, DiffOptions options) {
    Phases p = new Phases();
    Map<QualifiedName, Table> before = byName(from);
    Map<QualifiedName, Table> after = byName(to);
    applyRenames(before, after, options, p);

    List<Table> created = new ArrayList<>();
    List<Table> dropped = new ArrayList<>();
    for (Table t : after.values()) {
      Table old = before.get(t.name());
      if (old == null) {
        created.add(t);
      } else {
        TableDiff.compare(old, t, options, p);
      }
    }
    for (Table t : before.values()) {
      if (!after.containsKey(t.name())) {
        dropped.add(t);
      }
    }
    SequenceDiff.extensions(from, to, p);
    enums(from, to, p);
    domains(from, to, p);
    SequenceDiff.sequences(from, to, p);
    create(created, p);
    drop(dropped, p);
    ObjectDiff.compare(from, to, p);
    List<RenameCandidate> candidates = new ArrayList<>(p.candidates);
    candidates.addAll(tableRenameCandidates(dropped, created));
    return new DiffResult(p.ordered(), candidates);
  }

  /**
   * Enum types are created before the tables that use them and dropped after. New values are added
   * in place (placed before the value they precede); a removed or reordered value cannot be altered
   * in PostgreSQL, so the type is dropped and created, which fails while a column uses it: the
   * author then writes the type swap by hand.
   */
  private static void enums(Schema from, Schema to, Phases p) {
    Map<QualifiedName, dev.retort.schema.EnumType> before = new LinkedHashMap<>();
    from.enums().forEach(e -> before.put(e.name(), e));
    for (dev.retort.schema.EnumType e : to.enums()) {
      dev.retort.schema.EnumType old = before.remove(e.name());
      if (old == null) {
        p.createTypes.add(new dev.retort.ops.CreateEnum(e.name(), e.values()));
      } else if (!old.values().equals(e.values())) {
        List<String> kept = e.values().stream().filter(old.values()::contains).toList();
        if (kept.equals(old.values())) {
          for (int i = 0; i < e.values().size(); i++) {
            String v = e.values().get(i);
            if (!old.values().contains(v)) {
              Optional<String> next =
                  e.values().subList(i + 1, e.values().size()).stream()
                      .filter(old.values()::contains)
                      .findFirst();
              p.createTypes.add(
                  new dev.retort.ops.AddEnumValue(e.name(), v, next, Optional.empty()));
            }
          }
        } else {
          // the same name: the old type must go before the new one can be created
          p.createTypes.add(new dev.retort.ops.DropEnum(old.name(), Optional.of(old.values())));
          p.createTypes.add(new dev.retort.ops.CreateEnum(e.name(), e.values()));
        }
      }
    }
    before
        .values()
        .forEach(
            e -> p.dropTypes.add(new dev.retort.ops.DropEnum(e.name(), Optional.of(e.values()))));
  }

  /**
   * Domains are created with the enum types, before the tables, and dropped after them. A changed
   * domain is dropped and created again, which PostgreSQL refuses while a column uses it: then the
   * author writes the ALTER DOMAIN by hand.
   */
  private static void domains(Schema from, Schema to, Phases p) {
    Map<QualifiedName, dev.retort.schema.Domain> before = new LinkedHashMap<>();
    from.domains().forEach(d -> before.put(d.name(), d));
    for (dev.retort.schema.Domain d : to.domains()) {
      dev.retort.schema.Domain old = before.remove(d.name());
      if (old == null) {
        p.createTypes.add(new dev.retort.ops.CreateDomain(d));
      } else if (!old.equals(d)) {
        p.createTypes.add(new dev.retort.ops.DropDomain(old.name(), Optional.of(old)));
        p.createTypes.add(new dev.retort.ops.CreateDomain(d));
      }
    }
    before
        .values()
        .forEach(d -> p.dropTypes.add(new dev.retort.ops.DropDomain(d.name(), Optional.of(d))));
  }

  private static Map<QualifiedName, Table> byName(Schema s) {
    Map<QualifiedName, Table> m = new LinkedHashMap<>();
    s.tables().forEach(t -> m.put(t.name(), t));
    return m;
  }

  /** Renames the user asked for happen first; the renamed table is then compared as usual. */
  private static void applyRenames(
      Map<QualifiedName, Table> before,
      Map<QualifiedName, Table> after,
      DiffOptions options,
      Phases p) {
    for (Map.Entry<String, String> r : options.tableRenames().entrySet()) {
      Table old =
          before.values().stream()
              .filter(t -> t.name().name().equals(r.getKey()))
              .findFirst()
              .orElse(null);
      QualifiedName target = old == null ? null : old.name().withName(r.getValue());
      if (old != null && after.containsKey(target) && !before.containsKey(target)) {
        p.renames.add(new RenameTable(old.name(), r.getValue()));
        before.remove(old.name());
        Table renamed = old.withName(target);
        // foreign keys of other tables follow a renamed table on every supported database
        before.replaceAll(
            (name, t) ->
                t.withForeignKeys(
                    t.foreignKeys().stream()
                        .map(
                            fk ->
                                fk.referencedTable().equals(old.name())
                                    ? fk.withReferencedTable(target)
                                    : fk)
                        .toList()));
        before.put(target, renamed);
      }
    }
  }

  private static void create(List<Table> tables, Phases p) {
    List<TableOrder.ForeignKeyAt> deferred = new ArrayList<>();
    for (Table t : TableOrder.parentsFirst(tables, deferred)) {
      List<ForeignKey> later =
          deferred.stream()
              .filter(d -> d.table().equals(t.name()))
              .map(TableOrder.ForeignKeyAt::key)
              .toList();
      Table now =
          t.withForeignKeys(t.foreignKeys().stream().filter(fk -> !later.contains(fk)).toList());
      p.createTables.add(new CreateTable(now));
      later.forEach(fk -> p.addForeignKeys.add(new AddConstraint(t.name(), fk)));
    }
  }

  private static void drop(List<Table> tables, Phases p) {
    List<TableOrder.ForeignKeyAt> cyclic = new ArrayList<>();
    List<Table> order = new ArrayList<>(TableOrder.parentsFirst(tables, cyclic));
    java.util.Collections.reverse(order);
    for (TableOrder.ForeignKeyAt fk : cyclic) {
      p.dropForeignKeys.add(
          new DropConstraint(fk.table(), fk.key().name().orElseThrow(), Optional.of(fk.key())));
    }
    for (Table t : order) {
      List<ForeignKey> gone =
          cyclic.stream()
              .filter(c -> c.table().equals(t.name()))
              .map(TableOrder.ForeignKeyAt::key)
              .toList();
      Table def =
          t.withForeignKeys(t.foreignKeys().stream().filter(fk -> !gone.contains(fk)).toList());
      p.dropTables.add(new DropTable(t.name(), Optional.of(def)));
    }
  }

  private static List<RenameCandidate> tableRenameCandidates(
      List<Table> dropped, List<Table> created) {
    List<RenameCandidate> out = new ArrayList<>();
    for (Table d : dropped) {
      for (Table c : created) {
        if (shape(d).equals(shape(c))) {
          out.add(
              new RenameCandidate(
                  RenameCandidate.Kind.TABLE, d.name().toString(), c.name().toString()));
        }
      }
    }
    return out;
  }

  private static List<String> shape(Table t) {
    return t.columns().stream().map(c -> c.name() + ":" + c.type()).toList();
  }

  /** The ops of one diff, collected by phase and read out in dependency order. */
  static final class Phases {
    final List<Op> renames = new ArrayList<>();
    final List<Op> dropForeignKeys = new ArrayList<>();
    final List<Op> dropIndexes = new ArrayList<>();
    final List<Op> dropConstraints = new ArrayList<>();
    final List<Op> createTables = new ArrayList<>();
    final List<Op> columns = new ArrayList<>();
    final List<Op> addConstraints = new ArrayList<>();
    final List<Op> addIndexes = new ArrayList<>();
    final List<Op> addForeignKeys = new ArrayList<>();
    final List<Op> dropColumns = new ArrayList<>();
    final List<Op> dropTables = new ArrayList<>();
    final List<Op> createTypes = new ArrayList<>();
    final List<Op> dropTypes = new ArrayList<>();
    final List<Op> createExtensions = new ArrayList<>();
    final List<Op> dropExtensions = new ArrayList<>();
    final List<Op> createSequences = new ArrayList<>();
    final List<Op> ownSequences = new ArrayList<>();
    final List<Op> unownSequences = new ArrayList<>();
    final List<Op> dropSequences = new ArrayList<>();
    final List<Op> dropObjects = new ArrayList<>();
    final List<Op> earlyObjects = new ArrayList<>();
    final List<Op> dropEarlyObjects = new ArrayList<>();
    final List<Op> lateObjects = new ArrayList<>();
    final List<RenameCandidate> candidates = new ArrayList<>();

    /** The ops on tables and their parts collected so far. */
    List<Op> tableOps() {
      List<Op> all = new ArrayList<>();
      for (List<Op> phase :
          List.of(
              dropForeignKeys, dropIndexes, dropConstraints, columns, dropColumns, dropTables)) {
        all.addAll(phase);
      }
      return all;
    }

    List<Op> ordered() {
      List<Op> all = new ArrayList<>(dropObjects);
      all.addAll(renames);
      for (List<Op> phase :
          List.of(
              dropForeignKeys,
              dropIndexes,
              dropConstraints,
              unownSequences,
              createExtensions,
              createTypes,
              earlyObjects,
              createSequences,
              createTables,
              columns,
              ownSequences,
              addConstraints,
              addIndexes,
              addForeignKeys,
              dropColumns,
              dropTables,
              dropEarlyObjects,
              dropSequences,
              dropTypes,
              dropExtensions,
              lateObjects)) {
        all.addAll(phase);
      }
      return all;
    }

    void dropConstraint(QualifiedName table, Constraint c) {
      List<Op> phase = c instanceof ForeignKey ? dropForeignKeys : dropConstraints;
      phase.add(
          new DropConstraint(
              table,
              c.name()
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "cannot drop an unnamed constraint on " + table + ": " + c)),
              Optional.of(c)));
    }

    void addConstraint(QualifiedName table, Constraint c) {
      (c instanceof ForeignKey ? addForeignKeys : addConstraints).add(new AddConstraint(table, c));
    }

    void dropIndex(Index i) {
      dropIndexes.add(new DropIndex(i.table(), i.name(), Optional.of(i)));
    }

    void addIndex(Index i) {
      addIndexes.add(new CreateIndex(i));
    }

    void addColumn(QualifiedName table, Column c) {
      columns.add(new AddColumn(table, c));
    }

    void alterColumn(AlterColumn a) {
      columns.add(a);
    }

    void dropColumn(QualifiedName table, Column c) {
      dropColumns.add(new DropColumn(table, c.name(), Optional.of(c)));
    }
  }
}
