package dev.retort.codegen;

import static dev.retort.codegen.JavaValues.string;

import dev.retort.ops.AddColumn;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.AlterColumnBuilder;
import dev.retort.ops.ColumnBuilder;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.ColumnState;
import dev.retort.ops.DropColumn;
import dev.retort.ops.SetColumnComment;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import java.util.Optional;

/** Prints column ops, and the column builder calls that tables share. */
final class ColumnPrinter {
  private final JavaValues values;
  private final ConstraintPrinter constraints;

  ColumnPrinter(JavaValues values, ConstraintPrinter constraints) {
    this.values = values;
    this.constraints = constraints;
  }

  /**
   * The builder calls that say {@code c}; {@code primaryKey}, {@code unique} and a non-null {@code
   * reference} add the single-column constraints a table writes on the column.
   */
  Chain<ColumnBuilder> column(Column c, boolean primaryKey, boolean unique, ForeignKey reference) {
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
    c.collation().ifPresent(x -> ch.call("collation(" + string(x) + ")", b -> b.collation(x)));
    if (unique) {
      ch.call("unique()", ColumnBuilder::unique);
    }
    c.defaultValue()
        .ifPresent(
            d ->
                ch.defaultValue(
                    d,
                    "defaultValue",
                    "defaultExpr",
                    ColumnBuilder::defaultValue,
                    ColumnBuilder::defaultExpr));
    c.onUpdate().ifPresent(x -> ch.call("onUpdateExpr(" + string(x) + ")", b -> b.onUpdateExpr(x)));
    c.comment().ifPresent(x -> ch.call("comment(" + string(x) + ")", b -> b.comment(x)));
    if (reference != null) {
      references(ch, reference);
    }
    return ch;
  }

  private void references(Chain<ColumnBuilder> ch, ForeignKey reference) {
    String table = reference.referencedTable().toString();
    String col = reference.referencedColumns().get(0);
    ch.call(
        "references(" + string(table) + ", " + string(col) + ")", b -> b.references(table, col));
    constraints.referentialActions(ch, reference, ColumnBuilder::onDelete, ColumnBuilder::onUpdate);
  }

  Optional<Call> addColumn(AddColumn o) {
    Column c = o.column();
    String table = o.table().toString();
    Chain<ColumnBuilder> spec = column(c, false, false, null);
    String head =
        "op.addColumn("
            + string(table)
            + ", "
            + string(c.name())
            + ", "
            + values.columnType(c.type());
    return Optional.of(
        spec.isEmpty()
            ? new Call(head + ");", ops -> ops.addColumn(table, c.name(), c.type()))
            : new Call(
                head + ", " + spec.lambda("c") + ");",
                ops -> ops.addColumn(table, c.name(), c.type(), spec::applyTo)));
  }

  Optional<Call> dropColumn(DropColumn o) {
    String table = o.table().toString();
    if (o.definition().isEmpty()) {
      return Call.of("dropColumn", table, o.column(), ops -> ops.dropColumn(table, o.column()));
    }
    Column c = o.definition().get();
    Chain<ColumnBuilder> spec = column(c, false, false, null);
    return Optional.of(
        new Call(
            "op.dropColumn("
                + string(table)
                + ", "
                + string(o.column())
                + ", "
                + values.columnType(c.type())
                + ", "
                + spec.lambda("c")
                + ");",
            ops -> ops.dropColumn(table, o.column(), c.type(), spec::applyTo)));
  }

  Optional<Call> alterColumn(AlterColumn o) {
    Chain<AlterColumnBuilder> ch = new Chain<>();
    o.renamedTo().ifPresent(n -> ch.call("rename(" + string(n) + ")", b -> b.rename(n)));
    o.from()
        .type()
        .ifPresent(
            t -> ch.call("existingType(" + values.columnType(t) + ")", b -> b.existingType(t)));
    o.changed(ColumnChange.TYPE, ColumnState::type)
        .ifPresent(t -> ch.call("type(" + values.columnType(t) + ")", b -> b.type(t)));
    o.using().ifPresent(u -> ch.call("using(" + string(u) + ")", b -> b.using(u)));
    o.reverseUsing()
        .ifPresent(u -> ch.call("reverseUsing(" + string(u) + ")", b -> b.reverseUsing(u)));
    o.from()
        .nullable()
        .ifPresent(n -> ch.call("existingNullable(" + n + ")", b -> b.existingNullable(n)));
    o.changed(ColumnChange.NULLABILITY, ColumnState::nullable)
        .ifPresent(n -> ch.call("nullable(" + n + ")", b -> b.nullable(n)));
    alterDefault(ch, o);
    o.from()
        .collation()
        .ifPresent(
            c -> ch.call("existingCollation(" + string(c) + ")", b -> b.existingCollation(c)));
    o.changed(ColumnChange.COLLATION, ColumnState::collation)
        .ifPresent(c -> ch.call("collation(" + string(c) + ")", b -> b.collation(c)));
    o.from()
        .identity()
        .ifPresent(
            i -> ch.call("existingIdentity(" + values.of(i) + ")", b -> b.existingIdentity(i)));
    o.changed(ColumnChange.IDENTITY, ColumnState::identity)
        .ifPresent(i -> ch.call("identity(" + values.of(i) + ")", b -> b.identity(i)));
    alterComment(ch, o);
    String table = o.table().toString();
    return Optional.of(
        new Call(
            "op.alterColumn("
                + string(table)
                + ", "
                + string(o.column())
                + ",\n"
                + "    "
                + ch.lambda("c")
                + ");",
            ops -> ops.alterColumn(table, o.column(), ch::applyTo)));
  }

  private static void alterDefault(Chain<AlterColumnBuilder> ch, AlterColumn o) {
    o.from()
        .defaultValue()
        .ifPresent(
            d ->
                ch.defaultValue(
                    d,
                    "existingDefault",
                    "existingDefaultExpr",
                    AlterColumnBuilder::existingDefault,
                    AlterColumnBuilder::existingDefaultExpr));
    if (o.has(ColumnChange.DEFAULT)) {
      if (o.to().defaultValue().isPresent()) {
        ch.defaultValue(
            o.to().defaultValue().get(),
            "defaultValue",
            "defaultExpr",
            AlterColumnBuilder::defaultValue,
            AlterColumnBuilder::defaultExpr);
      } else {
        ch.call("dropDefault()", AlterColumnBuilder::dropDefault);
      }
    }
  }

  private static void alterComment(Chain<AlterColumnBuilder> ch, AlterColumn o) {
    o.from()
        .comment()
        .ifPresent(c -> ch.call("existingComment(" + string(c) + ")", b -> b.existingComment(c)));
    if (o.has(ColumnChange.COMMENT)) {
      if (o.to().comment().isPresent()) {
        String c = o.to().comment().get();
        ch.call("comment(" + string(c) + ")", b -> b.comment(c));
      } else {
        ch.call("dropComment()", AlterColumnBuilder::dropComment);
      }
    }
  }

  Optional<Call> setColumnComment(SetColumnComment o) {
    String table = o.table().toString();
    String existing = o.existing().orElse(null);
    String comment = o.comment().orElse(null);
    String head = "op.setColumnComment(" + string(table) + ", " + string(o.column()) + ", ";
    return Optional.of(
        existing == null
            ? new Call(
                head + values.of(comment) + ");",
                ops -> ops.setColumnComment(table, o.column(), comment))
            : new Call(
                head + values.of(existing) + ", " + values.of(comment) + ");",
                ops -> ops.setColumnComment(table, o.column(), existing, comment)));
  }
}
