package dev.retort.codegen;

import static dev.retort.codegen.JavaValues.string;
import static dev.retort.codegen.JavaValues.strings;

import dev.retort.ops.ColumnBuilder;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropTable;
import dev.retort.ops.ForeignKeyBuilder;
import dev.retort.ops.IndexBuilder;
import dev.retort.ops.RenameTable;
import dev.retort.ops.SetTableComment;
import dev.retort.ops.TableBuilder;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Prints table ops, with a whole table as the statements of a {@code createTable} lambda. */
final class TablePrinter {
  private final JavaValues values;
  private final ColumnPrinter columns;
  private final ConstraintPrinter constraints;

  TablePrinter(JavaValues values, ColumnPrinter columns, ConstraintPrinter constraints) {
    this.values = values;
    this.columns = columns;
    this.constraints = constraints;
  }

  Optional<Call> createTable(CreateTable o) {
    Table t = o.table();
    Block<TableBuilder> body = tableBody(t);
    String name = t.name().toString();
    String method = o.ifNotExists() ? "createTableIfNotExists" : "createTable";
    return Optional.of(
        new Call(
            "op." + method + "(" + string(name) + ", t -> {\n" + body.text() + "});",
            ops -> {
              if (o.ifNotExists()) {
                ops.createTableIfNotExists(name, body::applyTo);
              } else {
                ops.createTable(name, body::applyTo);
              }
            }));
  }

  Optional<Call> dropTable(DropTable o) {
    String name = o.name().toString();
    String method = o.ifExists() ? "dropTableIfExists" : "dropTable";
    if (o.definition().isEmpty()) {
      return Optional.of(
          new Call(
              "op." + method + "(" + string(name) + ");",
              ops -> {
                if (o.ifExists()) {
                  ops.dropTableIfExists(name);
                } else {
                  ops.dropTable(name);
                }
              }));
    }
    Block<TableBuilder> body = tableBody(o.definition().get());
    return Optional.of(
        new Call(
            "op." + method + "(" + string(name) + ", t -> {\n" + body.text() + "});",
            ops -> {
              if (o.ifExists()) {
                ops.dropTableIfExists(name, body::applyTo);
              } else {
                ops.dropTable(name, body::applyTo);
              }
            }));
  }

  Optional<Call> renameTable(RenameTable o) {
    return Call.of(
        "renameTable",
        o.from().toString(),
        o.to(),
        ops -> ops.renameTable(o.from().toString(), o.to()));
  }

  Optional<Call> setTableComment(SetTableComment o) {
    String table = o.table().toString();
    String existing = o.existing().orElse(null);
    String comment = o.comment().orElse(null);
    return Optional.of(
        existing == null
            ? new Call(
                "op.setTableComment(" + string(table) + ", " + values.of(comment) + ");",
                ops -> ops.setTableComment(table, comment))
            : new Call(
                "op.setTableComment("
                    + string(table)
                    + ", "
                    + values.of(existing)
                    + ", "
                    + values.of(comment)
                    + ");",
                ops -> ops.setTableComment(table, existing, comment)));
  }

  Optional<Call> alterTableOptions(dev.retort.ops.AlterTableOptions o) {
    String table = o.table().toString();
    return Optional.of(
        new Call(
            "op.alterTableOptions("
                + string(table)
                + ", "
                + values.of(o.existing())
                + ", "
                + values.of(o.options())
                + ");",
            ops -> ops.alterTableOptions(table, o.existing(), o.options())));
  }

  /**
   * The statements of a {@code createTable} lambda. Single-column keys named as the column builder
   * names them ({@code <table>_<column>_key}, {@code _fkey}) are written on the column.
   */
  private Block<TableBuilder> tableBody(Table t) {
    String tn = t.name().name();
    List<String> columnNames = t.columns().stream().map(Column::name).toList();
    String pkColumn = inlinePrimaryKey(t);
    int inlineUniques =
        leadingInline(
            t.uniques(),
            columnNames,
            u ->
                u.columns().size() == 1
                        && u.name().equals(Optional.of(tn + "_" + u.columns().get(0) + "_key"))
                    ? u.columns().get(0)
                    : null);
    int inlineFks =
        leadingInline(
            t.foreignKeys(),
            columnNames,
            fk ->
                fk.columns().size() == 1
                        && !fk.deferrable()
                        && !fk.matchFull()
                        && fk.name().equals(Optional.of(tn + "_" + fk.columns().get(0) + "_fkey"))
                    ? fk.columns().get(0)
                    : null);
    Map<String, ForeignKey> refs = new HashMap<>();
    for (ForeignKey fk : t.foreignKeys().subList(0, inlineFks)) {
      refs.put(fk.columns().get(0), fk);
    }
    List<String> uniqueColumns =
        t.uniques().subList(0, inlineUniques).stream().map(u -> u.columns().get(0)).toList();

    Block<TableBuilder> body = new Block<>();
    for (Column c : t.columns()) {
      Chain<ColumnBuilder> spec =
          columns.column(
              c, c.name().equals(pkColumn), uniqueColumns.contains(c.name()), refs.get(c.name()));
      body.add(
          "t.column(" + string(c.name()) + ", " + values.columnType(c.type()) + ")" + spec.text(),
          b -> spec.applyTo(b.column(c.name(), c.type())));
    }
    if (t.primaryKey().isPresent() && pkColumn == null) {
      List<String> cols = t.primaryKey().get().columns();
      Optional<String> pkName = t.primaryKey().get().name();
      if (pkName.isPresent()) {
        body.add(
            "t.namedPrimaryKey(" + string(pkName.get()) + ", " + strings(cols) + ")",
            b -> b.namedPrimaryKey(pkName.get(), cols.toArray(String[]::new)));
      } else {
        body.add(
            "t.primaryKey(" + strings(cols) + ")", b -> b.primaryKey(cols.toArray(String[]::new)));
      }
    }
    tableConstraints(body, t, inlineFks, inlineUniques);
    tableIndexes(body, t);
    t.comment().ifPresent(c -> body.add("t.comment(" + string(c) + ")", b -> b.comment(c)));
    t.options()
        .forEach(
            (k, v) ->
                body.add("t.option(" + string(k) + ", " + string(v) + ")", b -> b.option(k, v)));
    return body;
  }

  /** The column an unnamed, single-column, not-null primary key can be written on, or null. */
  private static String inlinePrimaryKey(Table t) {
    Optional<PrimaryKey> pk = t.primaryKey();
    if (pk.isPresent() && pk.get().name().isEmpty() && pk.get().columns().size() == 1) {
      String col = pk.get().columns().get(0);
      if (t.column(col).map(c -> !c.nullable()).orElse(false)) {
        return col;
      }
    }
    return null;
  }

  /**
   * How many of the leading {@code items} can be written on their column: each must name one column
   * ({@code columnOf} non-null), in the table's column order, as the builder adds them.
   */
  private static <T> int leadingInline(
      List<T> items, List<String> columns, Function<T, String> columnOf) {
    int last = -1;
    int n = 0;
    for (T item : items) {
      String col = columnOf.apply(item);
      int at = col == null ? -1 : columns.indexOf(col);
      if (at <= last) {
        break;
      }
      last = at;
      n++;
    }
    return n;
  }

  /** The foreign keys and unique constraints not written on a column, and every check. */
  private void tableConstraints(
      Block<TableBuilder> body, Table t, int inlineFks, int inlineUniques) {
    for (ForeignKey fk : t.foreignKeys().subList(inlineFks, t.foreignKeys().size())) {
      Chain<ForeignKeyBuilder> spec = constraints.foreignKey(fk, false);
      String name = fk.name().orElse(null);
      body.add(
          "t.foreignKey(" + values.of(name) + ", " + strings(fk.columns()) + ")" + spec.text(),
          b -> spec.applyTo(b.foreignKey(name, fk.columns().toArray(String[]::new))));
    }
    for (UniqueConstraint u : t.uniques().subList(inlineUniques, t.uniques().size())) {
      String name = u.name().orElse(null);
      body.add(
          "t.unique(" + values.of(name) + ", " + strings(u.columns()) + ")",
          b -> b.unique(name, u.columns().toArray(String[]::new)));
    }
    for (CheckConstraint c : t.checks()) {
      String name = c.name().orElse(null);
      body.add(
          "t.check(" + values.of(name) + ", " + string(c.expression()) + ")",
          b -> b.check(name, c.expression()));
    }
  }

  private static void tableIndexes(Block<TableBuilder> body, Table t) {
    for (Index ix : t.indexes()) {
      if (IndexPrinter.plain(ix)) {
        List<String> cols = ix.columns();
        String method = ix.unique() ? "uniqueIndex" : "index";
        body.add(
            "t." + method + "(" + string(ix.name()) + ", " + strings(cols) + ")",
            b -> {
              if (ix.unique()) {
                b.uniqueIndex(ix.name(), cols.toArray(String[]::new));
              } else {
                b.index(ix.name(), cols.toArray(String[]::new));
              }
            });
      } else {
        Chain<IndexBuilder> spec = IndexPrinter.index(ix, false);
        body.add(
            "t.index(" + string(ix.name()) + ", " + spec.lambda("ix") + ")",
            b -> b.index(ix.name(), spec::applyTo));
      }
    }
  }
}
