package dev.retort.codegen;

import static dev.retort.codegen.JavaValues.string;
import static dev.retort.codegen.JavaValues.strings;

import dev.retort.ops.AddConstraint;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.ForeignKeyBuilder;
import dev.retort.ops.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Prints constraint ops, and the foreign key builder calls that tables share. */
final class ConstraintPrinter {
  private final JavaValues values;

  ConstraintPrinter(JavaValues values) {
    this.values = values;
  }

  Chain<ForeignKeyBuilder> foreignKey(ForeignKey fk, boolean notValid) {
    Chain<ForeignKeyBuilder> ch = new Chain<>();
    String table = fk.referencedTable().toString();
    List<String> cols = fk.referencedColumns();
    ch.call(
        "references(" + string(table) + ", " + strings(cols) + ")",
        b -> b.references(table, cols.toArray(String[]::new)));
    if (fk.matchFull()) {
      ch.call("matchFull()", ForeignKeyBuilder::matchFull);
    }
    referentialActions(ch, fk, ForeignKeyBuilder::onDelete, ForeignKeyBuilder::onUpdate);
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

  /**
   * The {@code onDelete}/{@code onUpdate} calls of {@code fk}, on a foreign key builder or on a
   * column that references another table; {@code NO_ACTION} is the builders' default.
   */
  <B> void referentialActions(
      Chain<B> ch,
      ForeignKey fk,
      BiConsumer<B, ReferentialAction> onDelete,
      BiConsumer<B, ReferentialAction> onUpdate) {
    if (fk.onDelete() != ReferentialAction.NO_ACTION) {
      ch.call(
          "onDelete(" + values.staticConstant(fk.onDelete()) + ")",
          b -> onDelete.accept(b, fk.onDelete()));
    }
    if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
      ch.call(
          "onUpdate(" + values.staticConstant(fk.onUpdate()) + ")",
          b -> onUpdate.accept(b, fk.onUpdate()));
    }
  }

  Optional<Call> addConstraint(AddConstraint o) {
    Constraint c = o.constraint();
    if (c.name().isEmpty()) {
      return Optional.empty();
    }
    String name = c.name().get();
    String table = o.table().toString();
    String head = string(name) + ", " + string(table);
    if (c instanceof ForeignKey fk) {
      Chain<ForeignKeyBuilder> spec = foreignKey(fk, o.notValid());
      String cols = values.list(fk.columns());
      return Optional.of(
          new Call(
              "op.createForeignKey(" + head + ", " + cols + ",\n    " + spec.lambda("fk") + ");",
              ops -> ops.createForeignKey(name, table, fk.columns(), spec::applyTo)));
    }
    if (c instanceof PrimaryKey pk) {
      return Optional.of(
          new Call(
              "op.createPrimaryKey(" + head + ", " + strings(pk.columns()) + ");",
              ops -> ops.createPrimaryKey(name, table, pk.columns().toArray(String[]::new))));
    }
    if (c instanceof UniqueConstraint u) {
      return Optional.of(
          new Call(
              "op.createUniqueConstraint(" + head + ", " + strings(u.columns()) + ");",
              ops -> ops.createUniqueConstraint(name, table, u.columns().toArray(String[]::new))));
    }
    if (c instanceof CheckConstraint ck) {
      return Optional.of(
          o.notValid()
              ? new Call(
                  "op.createCheckConstraintNotValid("
                      + head
                      + ", "
                      + string(ck.expression())
                      + ");",
                  ops -> ops.createCheckConstraintNotValid(name, table, ck.expression()))
              : new Call(
                  "op.createCheckConstraint(" + head + ", " + string(ck.expression()) + ");",
                  ops -> ops.createCheckConstraint(name, table, ck.expression())));
    }
    throw new IllegalStateException("unhandled constraint " + c.getClass().getName());
  }

  Optional<Call> dropConstraint(DropConstraint o) {
    String name = o.name();
    String table = o.table().toString();
    if (o.definition().isEmpty()) {
      return o.restoreNotValid()
          ? Optional.empty()
          : Call.of("dropConstraint", name, table, ops -> ops.dropConstraint(name, table));
    }
    Constraint c = o.definition().get();
    if (!c.name().equals(Optional.of(name))) {
      return Optional.empty(); // a definition under another name: only the record says it
    }
    String head = string(name) + ", " + string(table);
    if (c instanceof ForeignKey fk) {
      Chain<ForeignKeyBuilder> spec = foreignKey(fk, o.restoreNotValid());
      return Optional.of(
          new Call(
              "op.dropForeignKey("
                  + head
                  + ", "
                  + values.list(fk.columns())
                  + ",\n    "
                  + spec.lambda("fk")
                  + ");",
              ops -> ops.dropForeignKey(name, table, fk.columns(), spec::applyTo)));
    }
    if (o.restoreNotValid() && !(c instanceof CheckConstraint)) {
      return Optional.empty();
    }
    if (c instanceof PrimaryKey pk) {
      return Optional.of(
          new Call(
              "op.dropPrimaryKey(" + head + ", " + strings(pk.columns()) + ");",
              ops -> ops.dropPrimaryKey(name, table, pk.columns().toArray(String[]::new))));
    }
    if (c instanceof UniqueConstraint u) {
      return Optional.of(
          new Call(
              "op.dropUniqueConstraint(" + head + ", " + strings(u.columns()) + ");",
              ops -> ops.dropUniqueConstraint(name, table, u.columns().toArray(String[]::new))));
    }
    if (c instanceof CheckConstraint ck) {
      return Optional.of(
          o.restoreNotValid()
              ? new Call(
                  "op.dropCheckConstraintNotValid(" + head + ", " + string(ck.expression()) + ");",
                  ops -> ops.dropCheckConstraintNotValid(name, table, ck.expression()))
              : new Call(
                  "op.dropCheckConstraint(" + head + ", " + string(ck.expression()) + ");",
                  ops -> ops.dropCheckConstraint(name, table, ck.expression())));
    }
    return Optional.empty();
  }

  Optional<Call> validateConstraint(ValidateConstraint o) {
    return Call.of(
        "validateConstraint",
        o.name(),
        o.table().toString(),
        ops -> ops.validateConstraint(o.name(), o.table().toString()));
  }
}
