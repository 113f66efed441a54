package dev.retort.codegen;

import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AddEnumValue;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.AlterColumnBuilder;
import dev.retort.ops.AlterSequence;
import dev.retort.ops.BulkInsert;
import dev.retort.ops.ColumnBuilder;
import dev.retort.ops.CreateDomain;
import dev.retort.ops.CreateEnum;
import dev.retort.ops.CreateExtension;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateSchema;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DomainBuilder;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropDomain;
import dev.retort.ops.DropEnum;
import dev.retort.ops.DropExtension;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropSchema;
import dev.retort.ops.DropSequence;
import dev.retort.ops.DropTable;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.ForeignKeyBuilder;
import dev.retort.ops.IndexBuilder;
import dev.retort.ops.Op;
import dev.retort.ops.OpSink;
import dev.retort.ops.Operations;
import dev.retort.ops.RenameEnumValue;
import dev.retort.ops.RenameTable;
import dev.retort.ops.RenameType;
import dev.retort.ops.SequenceBuilder;
import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.ops.TableBuilder;
import dev.retort.ops.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Constraint;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Domain;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Writes one {@link Op} as Java statements calling the {@link Operations} API, the way a person
 * writes a migration: {@code op.createTable("users", t -> { ... });}.
 *
 * <p>Every readable form is printed together with the same calls made on real builders, and is
 * used only when those calls give back an op equal to the original. Where the API cannot say
 * exactly what the op holds (a named primary key, {@code DROP TABLE IF EXISTS}, a constraint drop
 * that carries its definition...), the op is written as {@code op.apply(new X(...))} with every
 * field spelled out, so nothing is ever lost.
 */
public final class OpSourcePrinter {
  private static final Pattern INT_LITERAL = Pattern.compile("0|-?[1-9][0-9]{0,8}");

  private final Imports imports;
  private final JavaValues values;

  private OpSourcePrinter(Imports imports) {
    this.imports = imports;
    this.values = new JavaValues(imports);
  }

  /**
   * Java statements (one, possibly spanning lines, ending in {@code ;}) that perform {@code op}
   * through an {@link Operations} named {@code op}. The imports they need are those of {@link
   * #print(Op, Imports)}.
   */
  public static String print(Op op) {
    return print(op, new Imports());
  }

  /** {@link #print(Op)}, adding the imports the statements need to {@code imports}. */
  static String print(Op op, Imports imports) {
    Imports own = new Imports();
    Optional<Call> readable = new OpSourcePrinter(own).readable(op);
    if (readable.isPresent() && op.equals(replay(readable.get()))) {
      imports.addAll(own);
      return readable.get().source();
    }
    return "op.apply(" + new JavaValues(imports).of(op) + ");";
  }

  /** A statement, and the same calls on a live {@link Operations}, to check it says the op. */
  private record Call(String source, Consumer<Operations> replay) {}

  private static Op replay(Call call) {
    List<Op> ops = new ArrayList<>();
    try {
      call.replay().accept(new Operations(OpSink.recording(ops, "codegen")));
    } catch (RuntimeException e) {
      return null; // the builders refuse this form of the op: write it in full instead
    }
    return ops.size() == 1 ? ops.get(0) : null;
  }

  /** The one dispatch over every op; {@code OpSourcePrinterTest} walks the permitted types. */
  private Optional<Call> readable(Op op) {
    if (op instanceof CreateTable o) {
      return createTable(o);
    }
    if (op instanceof DropTable o) {
      return dropTable(o);
    }
    if (op instanceof RenameTable o) {
      return call("renameTable", o.from().toString(), o.to(),
          ops -> ops.renameTable(o.from().toString(), o.to()));
    }
    if (op instanceof AddColumn o) {
      return addColumn(o);
    }
    if (op instanceof DropColumn o) {
      return dropColumn(o);
    }
    if (op instanceof AlterColumn o) {
      return alterColumn(o);
    }
    if (op instanceof CreateIndex o) {
      return createIndex(o);
    }
    if (op instanceof DropIndex o) {
      return dropIndex(o);
    }
    if (op instanceof AddConstraint o) {
      return addConstraint(o);
    }
    if (op instanceof DropConstraint o) {
      // the API drops a constraint by name only; one carrying its definition is written in full
      return o.definition().isPresent() || o.restoreNotValid() ? Optional.empty()
          : call("dropConstraint", o.name(), o.table().toString(),
              ops -> ops.dropConstraint(o.name(), o.table().toString()));
    }
    if (op instanceof ExecuteSql o) {
      return execute(o);
    }
    if (op instanceof CreateEnum o) {
      return call("createEnum", o.name().toString(), o.values(),
          ops -> ops.createEnum(o.name().toString(), o.values().toArray(String[]::new)));
    }
    if (op instanceof DropEnum o) {
      List<String> vals = o.values().orElse(List.of());
      return call("dropEnum", o.name().toString(), vals,
          ops -> ops.dropEnum(o.name().toString(), vals.toArray(String[]::new)));
    }
    if (op instanceof AddEnumValue o) {
      return addEnumValue(o);
    }
    if (op instanceof RenameEnumValue o) {
      return call("renameEnumValue", o.name().toString(), List.of(o.from(), o.to()),
          ops -> ops.renameEnumValue(o.name().toString(), o.from(), o.to()));
    }
    if (op instanceof RenameType o) {
      return call("renameType", o.from().toString(), o.to(),
          ops -> ops.renameType(o.from().toString(), o.to()));
    }
    if (op instanceof CreateSequence o) {
      return createSequence(o);
    }
    if (op instanceof DropSequence o) {
      return dropSequence(o);
    }
    if (op instanceof AlterSequence o) {
      Chain<SequenceBuilder> from = sequence(o.from());
      Chain<SequenceBuilder> to = sequence(o.to());
      return Optional.of(new Call("op.alterSequence(" + str(o.name().toString()) + ", "
          + from.lambda("s") + ", " + to.lambda("s") + ");",
          ops -> ops.alterSequence(o.name().toString(), from::applyTo, to::applyTo)));
    }
    if (op instanceof CreateDomain o) {
      Domain d = o.domain();
      Chain<DomainBuilder> spec = domain(d);
      return Optional.of(new Call("op.createDomain(" + str(d.name().toString()) + ", "
          + values.columnType(d.baseType()) + ", " + spec.lambda("d") + ");",
          ops -> ops.createDomain(d.name().toString(), d.baseType(), spec::applyTo)));
    }
    if (op instanceof DropDomain o) {
      return dropDomain(o);
    }
    if (op instanceof CreateSchema o) {
      return Optional.of(o.ifNotExists()
          ? new Call("op.createSchema(" + str(o.name()) + ", true);",
              ops -> ops.createSchema(o.name(), true))
          : new Call("op.createSchema(" + str(o.name()) + ");", ops -> ops.createSchema(o.name())));
    }
    if (op instanceof DropSchema o) {
      if (o.ifExists()) {
        return Optional.empty();
      }
      return Optional.of(o.cascade()
          ? new Call("op.dropSchema(" + str(o.name()) + ", true);",
              ops -> ops.dropSchema(o.name(), true))
          : new Call("op.dropSchema(" + str(o.name()) + ");", ops -> ops.dropSchema(o.name())));
    }
    if (op instanceof CreateExtension o) {
      if (o.schema().isEmpty() && !o.ifNotExists()) {
        return Optional.of(new Call("op.createExtension(" + str(o.name()) + ");",
            ops -> ops.createExtension(o.name())));
      }
      String schema = o.schema().orElse(null);
      return Optional.of(new Call("op.createExtension(" + str(o.name()) + ", "
          + values.of(schema) + ", " + o.ifNotExists() + ");",
          ops -> ops.createExtension(o.name(), schema, o.ifNotExists())));
    }
    if (op instanceof DropExtension o) {
      if (o.schema().isEmpty() && !o.ifExists()) {
        return Optional.of(new Call("op.dropExtension(" + str(o.name()) + ");",
            ops -> ops.dropExtension(o.name())));
      }
      String schema = o.schema().orElse(null);
      return Optional.of(new Call("op.dropExtension(" + str(o.name()) + ", "
          + values.of(schema) + ", " + o.ifExists() + ");",
          ops -> ops.dropExtension(o.name(), schema, o.ifExists())));
    }
    if (op instanceof SetTableComment o) {
      String table = o.table().toString();
      String existing = o.existing().orElse(null);
      String comment = o.comment().orElse(null);
      return Optional.of(existing == null
          ? new Call("op.setTableComment(" + str(table) + ", " + values.of(comment) + ");",
              ops -> ops.setTableComment(table, comment))
          : new Call("op.setTableComment(" + str(table) + ", " + values.of(existing) + ", "
              + values.of(comment) + ");", ops -> ops.setTableComment(table, existing, comment)));
    }
    if (op instanceof SetColumnComment o) {
      String table = o.table().toString();
      String existing = o.existing().orElse(null);
      String comment = o.comment().orElse(null);
      String head = "op.setColumnComment(" + str(table) + ", " + str(o.column()) + ", ";
      return Optional.of(existing == null
          ? new Call(head + values.of(comment) + ");",
              ops -> ops.setColumnComment(table, o.column(), comment))
          : new Call(head + values.of(existing) + ", " + values.of(comment) + ");",
              ops -> ops.setColumnComment(table, o.column(), existing, comment)));
    }
    if (op instanceof ValidateConstraint o) {
      return call("validateConstraint", o.name(), o.table().toString(),
          ops -> ops.validateConstraint(o.name(), o.table().toString()));
    }
    if (op instanceof BulkInsert o) {
      return bulkInsert(o);
    }
    throw new IllegalStateException("OpSourcePrinter does not handle " + op.getClass().getName());
  }

  // ---- tables and columns

  private Optional<Call> createTable(CreateTable o) {
    Table t = o.table();
    Block<TableBuilder> body = tableBody(t);
    String name = t.name().toString();
    String method = o.ifNotExists() ? "createTableIfNotExists" : "createTable";
    return Optional.of(new Call("op." + method + "(" + str(name) + ", t -> {\n" + body.text()
        + "});", ops -> {
          if (o.ifNotExists()) {
            ops.createTableIfNotExists(name, body::applyTo);
          } else {
            ops.createTable(name, body::applyTo);
          }
        }));
  }

  private Optional<Call> dropTable(DropTable o) {
    if (o.ifExists()) {
      return Optional.empty();
    }
    String name = o.name().toString();
    if (o.definition().isEmpty()) {
      return Optional.of(new Call("op.dropTable(" + str(name) + ");", ops -> ops.dropTable(name)));
    }
    Block<TableBuilder> body = tableBody(o.definition().get());
    return Optional.of(new Call("op.dropTable(" + str(name) + ", t -> {\n" + body.text() + "});",
        ops -> ops.dropTable(name, body::applyTo)));
  }

  /**
   * The statements of a {@code createTable} lambda. Single-column keys named as the column
   * builder names them ({@code <table>_<column>_key}, {@code _fkey}) are written on the column.
   */
  private Block<TableBuilder> tableBody(Table t) {
    String tn = t.name().name();
    List<String> columnNames = t.columns().stream().map(Column::name).toList();

    String pkColumn = null;
    Optional<PrimaryKey> pk = t.primaryKey();
    if (pk.isPresent() && pk.get().name().isEmpty() && pk.get().columns().size() == 1) {
      String col = pk.get().columns().get(0);
      if (t.column(col).map(c -> !c.nullable()).orElse(false)) {
        pkColumn = col;
      }
    }
    int inlineUniques = leadingInline(t.uniques(), columnNames, u -> u.columns().size() == 1
        && u.name().equals(Optional.of(tn + "_" + u.columns().get(0) + "_key"))
        ? u.columns().get(0) : null);
    int inlineFks = leadingInline(t.foreignKeys(), columnNames, fk -> fk.columns().size() == 1
        && !fk.deferrable() && fk.name().equals(Optional.of(tn + "_" + fk.columns().get(0) + "_fkey"))
        ? fk.columns().get(0) : null);
    Map<String, ForeignKey> refs = new HashMap<>();
    for (ForeignKey fk : t.foreignKeys().subList(0, inlineFks)) {
      refs.put(fk.columns().get(0), fk);
    }
    List<String> uniqueColumns = t.uniques().subList(0, inlineUniques).stream()
        .map(u -> u.columns().get(0)).toList();

    Block<TableBuilder> body = new Block<>();
    for (Column c : t.columns()) {
      Chain<ColumnBuilder> spec = column(c, c.name().equals(pkColumn),
          uniqueColumns.contains(c.name()), refs.get(c.name()));
      body.add("t.column(" + str(c.name()) + ", " + values.columnType(c.type()) + ")"
          + spec.text(), b -> spec.applyTo(b.column(c.name(), c.type())));
    }
    if (pk.isPresent() && pkColumn == null) {
      List<String> cols = pk.get().columns();
      body.add("t.primaryKey(" + strs(cols) + ")", b -> b.primaryKey(array(cols)));
    }
    for (ForeignKey fk : t.foreignKeys().subList(inlineFks, t.foreignKeys().size())) {
      Chain<ForeignKeyBuilder> spec = foreignKey(fk, false);
      String name = fk.name().orElse(null);
      body.add("t.foreignKey(" + values.of(name) + ", " + strs(fk.columns()) + ")" + spec.text(),
          b -> spec.applyTo(b.foreignKey(name, array(fk.columns()))));
    }
    for (UniqueConstraint u : t.uniques().subList(inlineUniques, t.uniques().size())) {
      String name = u.name().orElse(null);
      body.add("t.unique(" + values.of(name) + ", " + strs(u.columns()) + ")",
          b -> b.unique(name, array(u.columns())));
    }
    for (CheckConstraint c : t.checks()) {
      String name = c.name().orElse(null);
      body.add("t.check(" + values.of(name) + ", " + str(c.expression()) + ")",
          b -> b.check(name, c.expression()));
    }
    for (Index ix : t.indexes()) {
      if (plain(ix)) {
        List<String> cols = ix.columns();
        String method = ix.unique() ? "uniqueIndex" : "index";
        body.add("t." + method + "(" + str(ix.name()) + ", " + strs(cols) + ")", b -> {
          if (ix.unique()) {
            b.uniqueIndex(ix.name(), array(cols));
          } else {
            b.index(ix.name(), array(cols));
          }
        });
      } else {
        Chain<IndexBuilder> spec = index(ix, false);
        body.add("t.index(" + str(ix.name()) + ", " + spec.lambda("ix") + ")",
            b -> b.index(ix.name(), spec::applyTo));
      }
    }
    t.comment().ifPresent(c -> body.add("t.comment(" + str(c) + ")", b -> b.comment(c)));
    return body;
  }

  /**
   * How many of the leading {@code items} can be written on their column: each must name one
   * column ({@code columnOf} non-null), in the table's column order, as the builder adds them.
   */
  private static <T> int leadingInline(List<T> items, List<String> columns,
      Function<T, String> columnOf) {
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

  private Chain<ColumnBuilder> column(Column c, boolean primaryKey, boolean unique,
      ForeignKey reference) {
    Chain<ColumnBuilder> ch = new Chain<>();
    if (primaryKey) {
      ch.call("primaryKey()", ColumnBuilder::primaryKey);
    } else if (!c.nullable()) {
      ch.call("notNull()", ColumnBuilder::notNull);
    }
    if (c.identity() == Identity.BY_DEFAULT) {
      ch.call("autoIncrement()", ColumnBuilder::autoIncrement);
    } else if (c.identity() != Identity.NONE) {
      ch.call("identity(" + values.of(c.identity()) + ")", b -> b.identity(c.identity()));
    }
    c.collation().ifPresent(x -> ch.call("collation(" + str(x) + ")", b -> b.collation(x)));
    if (unique) {
      ch.call("unique()", ColumnBuilder::unique);
    }
    c.defaultValue().ifPresent(d -> defaultValue(ch, d, "defaultValue", "defaultExpr",
        ColumnBuilder::defaultValue, ColumnBuilder::defaultExpr));
    c.comment().ifPresent(x -> ch.call("comment(" + str(x) + ")", b -> b.comment(x)));
    if (reference != null) {
      String table = reference.referencedTable().toString();
      String col = reference.referencedColumns().get(0);
      ch.call("references(" + str(table) + ", " + str(col) + ")", b -> b.references(table, col));
      if (reference.onDelete() != ReferentialAction.NO_ACTION) {
        ch.call("onDelete(" + action(reference.onDelete()) + ")",
            b -> b.onDelete(reference.onDelete()));
      }
      if (reference.onUpdate() != ReferentialAction.NO_ACTION) {
        ch.call("onUpdate(" + action(reference.onUpdate()) + ")",
            b -> b.onUpdate(reference.onUpdate()));
      }
    }
    return ch;
  }

  private Optional<Call> addColumn(AddColumn o) {
    Column c = o.column();
    String table = o.table().toString();
    Chain<ColumnBuilder> spec = column(c, false, false, null);
    String head = "op.addColumn(" + str(table) + ", " + str(c.name()) + ", "
        + values.columnType(c.type());
    return Optional.of(spec.isEmpty()
        ? new Call(head + ");", ops -> ops.addColumn(table, c.name(), c.type()))
        : new Call(head + ", " + spec.lambda("c") + ");",
            ops -> ops.addColumn(table, c.name(), c.type(), spec::applyTo)));
  }

  private Optional<Call> dropColumn(DropColumn o) {
    String table = o.table().toString();
    if (o.definition().isEmpty()) {
      return call("dropColumn", table, o.column(), ops -> ops.dropColumn(table, o.column()));
    }
    Column c = o.definition().get();
    Chain<ColumnBuilder> spec = column(c, false, false, null);
    return Optional.of(new Call("op.dropColumn(" + str(table) + ", " + str(o.column()) + ", "
        + values.columnType(c.type()) + ", " + spec.lambda("c") + ");",
        ops -> ops.dropColumn(table, o.column(), c.type(), spec::applyTo)));
  }

  private Optional<Call> alterColumn(AlterColumn o) {
    Chain<AlterColumnBuilder> ch = new Chain<>();
    o.newName().ifPresent(n -> ch.call("rename(" + str(n) + ")", b -> b.rename(n)));
    o.existingType().ifPresent(t -> ch.call("existingType(" + values.columnType(t) + ")",
        b -> b.existingType(t)));
    o.newType().ifPresent(t -> ch.call("type(" + values.columnType(t) + ")", b -> b.type(t)));
    o.using().ifPresent(u -> ch.call("using(" + str(u) + ")", b -> b.using(u)));
    o.reverseUsing().ifPresent(u -> ch.call("reverseUsing(" + str(u) + ")", b -> b.reverseUsing(u)));
    o.existingNullable().ifPresent(n -> ch.call("existingNullable(" + n + ")",
        b -> b.existingNullable(n)));
    o.newNullable().ifPresent(n -> ch.call("nullable(" + n + ")", b -> b.nullable(n)));
    o.existingDefault().ifPresent(d -> defaultValue(ch, d, "existingDefault",
        "existingDefaultExpr", AlterColumnBuilder::existingDefault,
        AlterColumnBuilder::existingDefaultExpr));
    if (o.changesDefault()) {
      if (o.newDefault().isPresent()) {
        defaultValue(ch, o.newDefault().get(), "defaultValue", "defaultExpr",
            AlterColumnBuilder::defaultValue, AlterColumnBuilder::defaultExpr);
      } else {
        ch.call("dropDefault()", AlterColumnBuilder::dropDefault);
      }
    }
    o.existingCollation().ifPresent(c -> ch.call("existingCollation(" + str(c) + ")",
        b -> b.existingCollation(c)));
    o.newCollation().ifPresent(c -> ch.call("collation(" + str(c) + ")", b -> b.collation(c)));
    o.existingIdentity().ifPresent(i -> ch.call("existingIdentity(" + values.of(i) + ")",
        b -> b.existingIdentity(i)));
    o.newIdentity().ifPresent(i -> ch.call("identity(" + values.of(i) + ")", b -> b.identity(i)));
    o.existingComment().ifPresent(c -> ch.call("existingComment(" + str(c) + ")",
        b -> b.existingComment(c)));
    if (o.changesComment()) {
      if (o.newComment().isPresent()) {
        String c = o.newComment().get();
        ch.call("comment(" + str(c) + ")", b -> b.comment(c));
      } else {
        ch.call("dropComment()", AlterColumnBuilder::dropComment);
      }
    }
    String table = o.table().toString();
    return Optional.of(new Call("op.alterColumn(" + str(table) + ", " + str(o.column()) + ",\n"
        + "    " + ch.lambda("c") + ");",
        ops -> ops.alterColumn(table, o.column(), ch::applyTo)));
  }

  private <B> void defaultValue(Chain<B> ch, DefaultValue d, String literalMethod,
      String expressionMethod, BiConsumer<B, Object> literal, BiConsumer<B, String> expression) {
    if (d instanceof DefaultValue.Literal l) {
      String v = l.value();
      String source = INT_LITERAL.matcher(v).matches() || v.equals("true") || v.equals("false")
          ? v : str(v);
      ch.call(literalMethod + "(" + source + ")", b -> literal.accept(b, v));
    } else if (d instanceof DefaultValue.Expression e) {
      ch.call(expressionMethod + "(" + str(e.sql()) + ")", b -> expression.accept(b, e.sql()));
    } else {
      throw new IllegalStateException("unhandled default " + d.getClass().getName());
    }
  }

  // ---- indexes and constraints

  private static boolean plain(Index ix) {
    return ix.where().isEmpty() && ix.method().isEmpty() && ix.include().isEmpty()
        && ix.parts().stream().allMatch(p -> !p.expression() && p.order() == IndexPart.Order.DEFAULT
            && p.nulls() == IndexPart.Nulls.DEFAULT && p.opclass().isEmpty());
  }

  private Chain<IndexBuilder> index(Index ix, boolean concurrently) {
    Chain<IndexBuilder> ch = new Chain<>();
    for (IndexPart p : ix.parts()) {
      String text = p.text();
      if (p.expression()) {
        ch.call("expression(" + str(text) + ")", b -> b.expression(text));
      } else {
        ch.call("column(" + str(text) + ")", b -> b.column(text));
      }
      if (p.order() == IndexPart.Order.ASC) {
        ch.call("asc()", IndexBuilder::asc);
      } else if (p.order() == IndexPart.Order.DESC) {
        ch.call("desc()", IndexBuilder::desc);
      }
      if (p.nulls() == IndexPart.Nulls.FIRST) {
        ch.call("nullsFirst()", IndexBuilder::nullsFirst);
      } else if (p.nulls() == IndexPart.Nulls.LAST) {
        ch.call("nullsLast()", IndexBuilder::nullsLast);
      }
      p.opclass().ifPresent(c -> ch.call("opclass(" + str(c) + ")", b -> b.opclass(c)));
    }
    ix.method().ifPresent(m -> ch.call("using(" + str(m) + ")", b -> b.using(m)));
    if (!ix.include().isEmpty()) {
      ch.call("include(" + strs(ix.include()) + ")", b -> b.include(array(ix.include())));
    }
    ix.where().ifPresent(w -> ch.call("where(" + str(w) + ")", b -> b.where(w)));
    if (ix.unique()) {
      ch.call("unique()", IndexBuilder::unique);
    }
    if (concurrently) {
      ch.call("concurrently()", IndexBuilder::concurrently);
    }
    return ch;
  }

  private Optional<Call> createIndex(CreateIndex o) {
    Index ix = o.index();
    String table = ix.table().toString();
    if (plain(ix) && !o.concurrently()) {
      List<String> cols = ix.columns();
      String method = ix.unique() ? "createUniqueIndex" : "createIndex";
      return Optional.of(new Call("op." + method + "(" + str(ix.name()) + ", " + str(table) + ", "
          + strs(cols) + ");", ops -> {
            if (ix.unique()) {
              ops.createUniqueIndex(ix.name(), table, array(cols));
            } else {
              ops.createIndex(ix.name(), table, array(cols));
            }
          }));
    }
    Chain<IndexBuilder> spec = index(ix, o.concurrently());
    return Optional.of(new Call("op.createIndex(" + str(ix.name()) + ", " + str(table) + ", "
        + spec.lambda("ix") + ");", ops -> ops.createIndex(ix.name(), table, spec::applyTo)));
  }

  private Optional<Call> dropIndex(DropIndex o) {
    String table = o.table().toString();
    if (o.definition().isEmpty()) {
      return Optional.of(o.concurrently()
          ? new Call("op.dropIndexConcurrently(" + str(o.name()) + ", " + str(table) + ");",
              ops -> ops.dropIndexConcurrently(o.name(), table))
          : new Call("op.dropIndex(" + str(o.name()) + ", " + str(table) + ");",
              ops -> ops.dropIndex(o.name(), table)));
    }
    Chain<IndexBuilder> spec = index(o.definition().get(), o.concurrently());
    return Optional.of(new Call("op.dropIndex(" + str(o.name()) + ", " + str(table) + ", "
        + spec.lambda("ix") + ");", ops -> ops.dropIndex(o.name(), table, spec::applyTo)));
  }

  private Chain<ForeignKeyBuilder> foreignKey(ForeignKey fk, boolean notValid) {
    Chain<ForeignKeyBuilder> ch = new Chain<>();
    String table = fk.referencedTable().toString();
    List<String> cols = fk.referencedColumns();
    ch.call("references(" + str(table) + ", " + strs(cols) + ")",
        b -> b.references(table, array(cols)));
    if (fk.onDelete() != ReferentialAction.NO_ACTION) {
      ch.call("onDelete(" + action(fk.onDelete()) + ")", b -> b.onDelete(fk.onDelete()));
    }
    if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
      ch.call("onUpdate(" + action(fk.onUpdate()) + ")", b -> b.onUpdate(fk.onUpdate()));
    }
    if (fk.initiallyDeferred()) {
      ch.call("initiallyDeferred()", ForeignKeyBuilder::initiallyDeferred);
    } else if (fk.deferrable()) {
      ch.call("deferrable()", ForeignKeyBuilder::deferrable);
    }
    if (notValid) {
      ch.call("notValid()", ForeignKeyBuilder::notValid);
    }
    return ch;
  }

  private Optional<Call> addConstraint(AddConstraint o) {
    Constraint c = o.constraint();
    if (c.name().isEmpty()) {
      return Optional.empty();
    }
    String name = c.name().get();
    String table = o.table().toString();
    String head = str(name) + ", " + str(table);
    if (c instanceof ForeignKey fk) {
      Chain<ForeignKeyBuilder> spec = foreignKey(fk, o.notValid());
      String cols = values.list(fk.columns());
      return Optional.of(new Call("op.createForeignKey(" + head + ", " + cols + ",\n    "
          + spec.lambda("fk") + ");",
          ops -> ops.createForeignKey(name, table, fk.columns(), spec::applyTo)));
    }
    if (c instanceof PrimaryKey pk) {
      return Optional.of(new Call("op.createPrimaryKey(" + head + ", " + strs(pk.columns()) + ");",
          ops -> ops.createPrimaryKey(name, table, array(pk.columns()))));
    }
    if (c instanceof UniqueConstraint u) {
      return Optional.of(new Call("op.createUniqueConstraint(" + head + ", " + strs(u.columns())
          + ");", ops -> ops.createUniqueConstraint(name, table, array(u.columns()))));
    }
    if (c instanceof CheckConstraint ck) {
      return Optional.of(o.notValid()
          ? new Call("op.createCheckConstraintNotValid(" + head + ", " + str(ck.expression())
              + ");", ops -> ops.createCheckConstraintNotValid(name, table, ck.expression()))
          : new Call("op.createCheckConstraint(" + head + ", " + str(ck.expression()) + ");",
              ops -> ops.createCheckConstraint(name, table, ck.expression())));
    }
    throw new IllegalStateException("unhandled constraint " + c.getClass().getName());
  }

  // ---- SQL and data

  private Optional<Call> execute(ExecuteSql o) {
    if (o.undo().isPresent()) {
      return Optional.empty();
    }
    List<Object> params = o.parameters();
    StringBuilder b = new StringBuilder("op.execute(").append(str(o.sql()));
    for (Object p : params) {
      // a lone null would be taken for the varargs array itself
      b.append(", ").append(p == null && params.size() == 1 ? "(Object) null" : values.of(p));
    }
    return Optional.of(new Call(b.append(");").toString(),
        ops -> ops.execute(o.sql(), params.toArray())));
  }

  private Optional<Call> bulkInsert(BulkInsert o) {
    String table = o.table().toString();
    StringBuilder b = new StringBuilder("op.bulkInsert(").append(str(table)).append(", ")
        .append(values.list(o.columns())).append(", ")
        .append(imports.type(List.class)).append(".of(");
    for (int i = 0; i < o.rows().size(); i++) {
      b.append(i == 0 ? "\n" : ",\n").append("    ").append(values.list(o.rows().get(i)));
    }
    b.append("));");
    return Optional.of(new Call(b.toString(),
        ops -> ops.bulkInsert(table, o.columns(), o.rows())));
  }

  // ---- PostgreSQL objects

  private Optional<Call> addEnumValue(AddEnumValue o) {
    String name = o.name().toString();
    if (o.before().isPresent()) {
      return call("addEnumValueBefore", name, List.of(o.value(), o.before().get()),
          ops -> ops.addEnumValueBefore(name, o.value(), o.before().get()));
    }
    if (o.after().isPresent()) {
      return call("addEnumValueAfter", name, List.of(o.value(), o.after().get()),
          ops -> ops.addEnumValueAfter(name, o.value(), o.after().get()));
    }
    return call("addEnumValue", name, o.value(), ops -> ops.addEnumValue(name, o.value()));
  }

  private Chain<SequenceBuilder> sequence(Sequence s) {
    Chain<SequenceBuilder> ch = new Chain<>();
    s.start().ifPresent(v -> ch.call("start(" + longArg(v) + ")", b -> b.start(v)));
    if (s.increment() != 1) {
      ch.call("increment(" + longArg(s.increment()) + ")", b -> b.increment(s.increment()));
    }
    s.minValue().ifPresent(v -> ch.call("minValue(" + longArg(v) + ")", b -> b.minValue(v)));
    s.maxValue().ifPresent(v -> ch.call("maxValue(" + longArg(v) + ")", b -> b.maxValue(v)));
    if (s.cache() != 1) {
      ch.call("cache(" + longArg(s.cache()) + ")", b -> b.cache(s.cache()));
    }
    if (s.cycle()) {
      ch.call("cycle()", SequenceBuilder::cycle);
    }
    s.ownedBy().ifPresent(r -> {
      String table = r.table().toString();
      ch.call("ownedBy(" + str(table) + ", " + str(r.column()) + ")",
          b -> b.ownedBy(table, r.column()));
    });
    return ch;
  }

  private Optional<Call> createSequence(CreateSequence o) {
    String name = o.sequence().name().toString();
    Chain<SequenceBuilder> spec = sequence(o.sequence());
    return Optional.of(spec.isEmpty()
        ? new Call("op.createSequence(" + str(name) + ");", ops -> ops.createSequence(name))
        : new Call("op.createSequence(" + str(name) + ", " + spec.lambda("s") + ");",
            ops -> ops.createSequence(name, spec::applyTo)));
  }

  private Optional<Call> dropSequence(DropSequence o) {
    String name = o.name().toString();
    if (o.definition().isEmpty()) {
      return Optional.of(new Call("op.dropSequence(" + str(name) + ");",
          ops -> ops.dropSequence(name)));
    }
    Chain<SequenceBuilder> spec = sequence(o.definition().get());
    return Optional.of(new Call("op.dropSequence(" + str(name) + ", " + spec.lambda("s") + ");",
        ops -> ops.dropSequence(name, spec::applyTo)));
  }

  private Chain<DomainBuilder> domain(Domain d) {
    Chain<DomainBuilder> ch = new Chain<>();
    if (!d.nullable()) {
      ch.call("notNull()", DomainBuilder::notNull);
    }
    d.defaultValue().ifPresent(v -> defaultValue(ch, v, "defaultValue", "defaultExpr",
        DomainBuilder::defaultValue, DomainBuilder::defaultExpr));
    for (CheckConstraint c : d.checks()) {
      String name = c.name().orElse(null);
      ch.call("check(" + values.of(name) + ", " + str(c.expression()) + ")",
          b -> b.check(name, c.expression()));
    }
    return ch;
  }

  private Optional<Call> dropDomain(DropDomain o) {
    String name = o.name().toString();
    if (o.definition().isEmpty()) {
      return Optional.of(new Call("op.dropDomain(" + str(name) + ");",
          ops -> ops.dropDomain(name)));
    }
    Domain d = o.definition().get();
    Chain<DomainBuilder> spec = domain(d);
    return Optional.of(new Call("op.dropDomain(" + str(name) + ", "
        + values.columnType(d.baseType()) + ", " + spec.lambda("d") + ");",
        ops -> ops.dropDomain(name, d.baseType(), spec::applyTo)));
  }

  // ---- small printers

  /** {@code op.method("first", "second")}, or with a list of further string arguments. */
  private Optional<Call> call(String method, String first, Object rest,
      Consumer<Operations> replay) {
    StringBuilder b = new StringBuilder("op.").append(method).append('(').append(str(first));
    if (rest instanceof String s) {
      b.append(", ").append(str(s));
    } else if (rest instanceof List<?> list && !list.isEmpty()) {
      b.append(", ").append(strs(list.stream().map(String.class::cast).toList()));
    }
    return Optional.of(new Call(b.append(");").toString(), replay));
  }

  private String action(ReferentialAction a) {
    imports.staticMember(ReferentialAction.class.getName() + "." + a.name());
    return a.name();
  }

  private static String longArg(long v) {
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? Long.toString(v) : v + "L";
  }

  private static String str(String s) {
    return JavaValues.string(s);
  }

  private static String strs(List<String> list) {
    return String.join(", ", list.stream().map(JavaValues::string).toList());
  }

  private static String[] array(List<String> list) {
    return list.toArray(String[]::new);
  }

  /** Chained builder calls ({@code .notNull().unique()}) and the same calls as code. */
  private static final class Chain<B> {
    private final StringBuilder text = new StringBuilder();
    private final List<Consumer<B>> calls = new ArrayList<>();

    Chain<B> call(String source, Consumer<B> call) {
      text.append('.').append(source);
      calls.add(call);
      return this;
    }

    boolean isEmpty() {
      return calls.isEmpty();
    }

    String text() {
      return text.toString();
    }

    String lambda(String param) {
      return isEmpty() ? param + " -> {}" : param + " -> " + param + text;
    }

    void applyTo(B builder) {
      calls.forEach(c -> c.accept(builder));
    }
  }

  /** Statements in a lambda body ({@code t.column(...);} lines) and the same calls as code. */
  private static final class Block<B> {
    private final StringBuilder text = new StringBuilder();
    private final List<Consumer<B>> calls = new ArrayList<>();

    void add(String statement, Consumer<B> call) {
      text.append("  ").append(statement).append(";\n");
      calls.add(call);
    }

    String text() {
      return text.toString();
    }

    void applyTo(B builder) {
      calls.forEach(c -> c.accept(builder));
    }
  }

}
