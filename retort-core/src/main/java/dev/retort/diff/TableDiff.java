package dev.retort.diff;

import dev.retort.ops.AlterColumn;
import dev.retort.ops.AlterTableOptions;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.ColumnState;
import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.TableOptions;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Compares a table present on both sides: columns, keys, constraints, indexes, comments. */
final class TableDiff {
  private TableDiff() {}

  static void compare(Table from, Table to, DiffOptions options, Differ.Phases p) {
    QualifiedName name = to.name();
    from = renameColumns(from, options, p);
    String fromCollation = from.options().get(TableOptions.COLLATE);
    String toCollation = to.options().get(TableOptions.COLLATE);
    if (fromCollation != null && toCollation != null && !fromCollation.equals(toCollation)) {
      // a column without a collation of its own has the table's, and keeps it when the table's
      // changes: so each side's columns are compared with their table's collation spelt out
      from = collated(from, fromCollation);
      to = collated(to, toCollation);
    }
    List<Column> added = new ArrayList<>();
    List<Column> dropped = new ArrayList<>();
    for (Column c : to.columns()) {
      Optional<Column> old = from.column(c.name());
      if (old.isEmpty()) {
        added.add(c);
      } else {
        // no method references here: bound to p, each would be a new object per column
        Optional<AlterColumn> alter = ColumnComparator.compare(name, old.get(), c);
        if (alter.isPresent()) {
          p.alterColumn(alter.get());
        }
        Optional<SetColumnComment> comment = ColumnComparator.comment(name, old.get(), c);
        if (comment.isPresent()) {
          p.columns.add(comment.get());
        }
      }
    }
    for (Column c : from.columns()) {
      if (to.column(c.name()).isEmpty()) {
        dropped.add(c);
      }
    }
    added.forEach(c -> p.addColumn(name, c));
    dropped.forEach(c -> p.dropColumn(name, c));
    for (Column d : dropped) {
      for (Column a : added) {
        if (d.type().equals(a.type())) {
          p.candidates.add(
              new RenameCandidate(
                  RenameCandidate.Kind.COLUMN, name + "." + d.name(), name + "." + a.name()));
        }
      }
    }
    if (!from.comment().equals(to.comment())) {
      p.columns.add(new SetTableComment(name, from.comment(), to.comment()));
    }
    options(from, to, p);
    primaryKey(from, to, p);
    constraints(name, from.uniques(), to.uniques(), TableDiff::key, p);
    constraints(name, from.checks(), to.checks(), TableDiff::key, p);
    constraints(name, from.foreignKeys(), to.foreignKeys(), TableDiff::key, p);
    indexes(from.indexes(), to.indexes(), p);
  }

  /**
   * The options the desired table states, and the live one's that only a definition sets ({@link
   * TableOptions#compared}). A change of character set or collation carries both on its old side,
   * so that the reverse puts back the collation and not the character set's default one.
   */
  private static void options(Table from, Table to, Differ.Phases p) {
    Map<String, String> existing = new java.util.TreeMap<>();
    Map<String, String> wanted = new java.util.TreeMap<>();
    for (String k : TableOptions.compared(from.options(), to.options())) {
      if (!Objects.equals(from.options().get(k), to.options().get(k))) {
        Optional.ofNullable(from.options().get(k)).ifPresent(v -> existing.put(k, v));
        Optional.ofNullable(to.options().get(k)).ifPresent(v -> wanted.put(k, v));
      }
    }
    if (existing.isEmpty() && wanted.isEmpty()) {
      return;
    }
    if (existing.containsKey(TableOptions.CHARSET) || existing.containsKey(TableOptions.COLLATE)) {
      for (String k : List.of(TableOptions.CHARSET, TableOptions.COLLATE)) {
        Optional.ofNullable(from.options().get(k)).ifPresent(v -> existing.put(k, v));
      }
    }
    p.columns.add(new AlterTableOptions(to.name(), existing, wanted));
  }

  /** {@code t} with {@code collation} on each column of a character type that has none. */
  private static Table collated(Table t, String collation) {
    List<Column> out = new ArrayList<>();
    for (Column c : t.columns()) {
      out.add(
          c.collation().isEmpty() && TableOptions.collatable(c.type())
              ? c.withCollation(Optional.of(collation))
              : c);
    }
    return t.withColumns(out);
  }

  // A constraint is matched by its name, or by what it says when it has none. The text is built
  // only then: orElse(...) would build it for every constraint.
  private static String key(UniqueConstraint u) {
    return u.name().isPresent() ? u.name().get() : "unique " + u.columns();
  }

  private static String key(CheckConstraint c) {
    return c.name().isPresent() ? c.name().get() : "check " + c.expression();
  }

  private static String key(ForeignKey f) {
    return f.name().isPresent() ? f.name().get() : "fk " + f.columns() + " " + f.referencedTable();
  }

  private static Table renameColumns(Table from, DiffOptions options, Differ.Phases p) {
    Table t = from;
    for (Map.Entry<String, String> r : options.columnRenames().entrySet()) {
      int dot = r.getKey().lastIndexOf('.');
      String table = r.getKey().substring(0, dot);
      String column = r.getKey().substring(dot + 1);
      if (t.name().name().equals(table) && t.column(column).isPresent()) {
        Column c = t.column(column).get();
        ColumnState before =
            new ColumnState(
                column,
                Optional.of(c.type()),
                Optional.of(c.nullable()),
                c.defaultValue(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        p.renames.add(
            new AlterColumn(
                t.name(),
                before,
                before.withName(r.getValue()),
                java.util.Set.of(ColumnChange.NAME),
                Optional.empty(),
                Optional.empty()));
        t = renamedColumn(t.replaceColumn(column, c.withName(r.getValue())), column, r.getValue());
      }
    }
    return t;
  }

  /** Keys and indexes follow a renamed column, as they do in the database. */
  private static Table renamedColumn(Table t, String from, String to) {
    java.util.function.UnaryOperator<List<String>> map =
        cols -> cols.stream().map(c -> c.equals(from) ? to : c).toList();
    return t.withPrimaryKey(
            t.primaryKey().map(pk -> new PrimaryKey(pk.name(), map.apply(pk.columns()))))
        .withUniques(
            t.uniques().stream()
                .map(u -> new UniqueConstraint(u.name(), map.apply(u.columns())))
                .toList())
        .withForeignKeys(
            t.foreignKeys().stream()
                .map(
                    f ->
                        new ForeignKey(
                            f.name(),
                            map.apply(f.columns()),
                            f.referencedTable(),
                            f.referencedColumns(),
                            f.onDelete(),
                            f.onUpdate()))
                .toList())
        .withIndexes(
            t.indexes().stream()
                .map(
                    i ->
                        new Index(
                            i.name(),
                            i.table(),
                            i.parts().stream()
                                .map(
                                    part ->
                                        part.columnName().filter(from::equals).isPresent()
                                            ? new dev.retort.schema.IndexPart(
                                                to,
                                                false,
                                                part.order(),
                                                part.nulls(),
                                                part.opclass())
                                            : part)
                                .toList(),
                            i.unique(),
                            i.where(),
                            i.method(),
                            i.include()))
                .toList());
  }

  private static void primaryKey(Table from, Table to, Differ.Phases p) {
    List<String> a = from.primaryKey().map(PrimaryKey::columns).orElse(List.of());
    List<String> b = to.primaryKey().map(PrimaryKey::columns).orElse(List.of());
    if (a.equals(b)) {
      return; // names differ by database convention; the columns are what matters
    }
    from.primaryKey().ifPresent(pk -> p.dropConstraint(from.name(), named(pk, from.name())));
    to.primaryKey().ifPresent(pk -> p.addConstraint(to.name(), named(pk, to.name())));
  }

  private static PrimaryKey named(PrimaryKey pk, QualifiedName table) {
    return pk.name().isPresent()
        ? pk
        : new PrimaryKey(Optional.of(table.name() + "_pkey"), pk.columns());
  }

  private static <C extends Constraint> void constraints(
      QualifiedName table, List<C> from, List<C> to, Function<C, String> key, Differ.Phases p) {
    if (from.isEmpty() && to.isEmpty()) {
      return;
    }
    List<String> fromKeys = keys(from, key);
    List<String> toKeys = keys(to, key);
    for (int i = 0; i < from.size(); i++) {
      int j = toKeys.indexOf(fromKeys.get(i));
      if (j < 0 || !same(from.get(i), to.get(j))) {
        p.dropConstraint(table, from.get(i));
      }
    }
    for (int j = 0; j < to.size(); j++) {
      int i = fromKeys.indexOf(toKeys.get(j));
      if (i < 0 || !same(from.get(i), to.get(j))) {
        p.addConstraint(table, to.get(j));
      }
    }
  }

  /** Each constraint's key, in order: worked out once, where a search would repeat it per pair. */
  private static <C> List<String> keys(List<C> constraints, Function<C, String> key) {
    List<String> keys = new ArrayList<>(constraints.size());
    for (C c : constraints) {
      keys.add(key.apply(c));
    }
    return keys;
  }

  private static boolean same(Constraint a, Constraint b) {
    if (a instanceof CheckConstraint x && b instanceof CheckConstraint y) {
      return squash(x.expression()).equals(squash(y.expression()));
    }
    if (a instanceof UniqueConstraint x && b instanceof UniqueConstraint y) {
      return x.columns().equals(y.columns());
    }
    if (a instanceof ForeignKey x && b instanceof ForeignKey y) {
      return x.columns().equals(y.columns())
          && x.referencedTable().equals(y.referencedTable())
          && x.referencedColumns().equals(y.referencedColumns())
          && x.onDelete() == y.onDelete()
          && x.onUpdate() == y.onUpdate()
          && x.deferrable() == y.deferrable()
          && x.initiallyDeferred() == y.initiallyDeferred()
          && x.matchFull() == y.matchFull();
    }
    return Objects.equals(a, b);
  }

  private static String squash(String sql) {
    return sql.replaceAll("\\s+", " ").strip();
  }

  private static void indexes(List<Index> from, List<Index> to, Differ.Phases p) {
    for (Index i : from) {
      Index match = named(to, i.name());
      if (match == null || !sameIndex(i, match)) {
        p.dropIndex(i);
      }
    }
    for (Index i : to) {
      Index match = named(from, i.name());
      if (match == null || !sameIndex(match, i)) {
        p.addIndex(i);
      }
    }
  }

  private static Index named(List<Index> indexes, String name) {
    for (Index i : indexes) {
      if (i.name().equals(name)) {
        return i;
      }
    }
    return null;
  }

  /**
   * The index's method, where an explicit {@code btree} is none: it is the default of every
   * database that has methods, so the index is the same either way (MySQL prints the clause when it
   * was written, PostgreSQL never).
   */
  private static Optional<String> method(Index index) {
    return index.method().filter(m -> !m.equalsIgnoreCase("btree"));
  }

  private static boolean sameIndex(Index a, Index b) {
    return a.unique() == b.unique()
        && a.parts().equals(b.parts())
        && method(a).equals(method(b))
        && a.include().equals(b.include())
        && a.where().map(TableDiff::squash).equals(b.where().map(TableDiff::squash));
  }
}
