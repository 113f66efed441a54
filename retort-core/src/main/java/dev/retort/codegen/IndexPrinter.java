package dev.retort.codegen;

import static dev.retort.codegen.JavaValues.string;
import static dev.retort.codegen.JavaValues.strings;

import dev.retort.ops.CreateIndex;
import dev.retort.ops.DropIndex;
import dev.retort.ops.IndexBuilder;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import java.util.List;
import java.util.Optional;

/** Prints index ops, and the index builder lambdas that tables share. */
final class IndexPrinter {
  private IndexPrinter() {}

  /** Whether {@code ix} is only its columns, so the short forms taking column names say it all. */
  static boolean plain(Index ix) {
    return ix.where().isEmpty()
        && ix.method().isEmpty()
        && ix.include().isEmpty()
        && ix.parts().stream()
            .allMatch(
                p ->
                    !p.expression()
                        && p.order() == IndexPart.Order.DEFAULT
                        && p.nulls() == IndexPart.Nulls.DEFAULT
                        && p.opclass().isEmpty());
  }

  static Chain<IndexBuilder> index(Index ix, boolean concurrently) {
    Chain<IndexBuilder> ch = new Chain<>();
    for (IndexPart p : ix.parts()) {
      part(ch, p);
    }
    ix.method().ifPresent(m -> ch.call("using(" + string(m) + ")", b -> b.using(m)));
    if (!ix.include().isEmpty()) {
      ch.call(
          "include(" + strings(ix.include()) + ")",
          b -> b.include(ix.include().toArray(String[]::new)));
    }
    ix.where().ifPresent(w -> ch.call("where(" + string(w) + ")", b -> b.where(w)));
    if (ix.unique()) {
      ch.call("unique()", IndexBuilder::unique);
    }
    if (concurrently) {
      ch.call("concurrently()", IndexBuilder::concurrently);
    }
    return ch;
  }

  private static void part(Chain<IndexBuilder> ch, IndexPart p) {
    String text = p.text();
    if (p.expression()) {
      ch.call("expression(" + string(text) + ")", b -> b.expression(text));
    } else {
      ch.call("column(" + string(text) + ")", b -> b.column(text));
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
    p.opclass().ifPresent(c -> ch.call("opclass(" + string(c) + ")", b -> b.opclass(c)));
  }

  static Optional<Call> createIndex(CreateIndex o) {
    Index ix = o.index();
    String table = ix.table().toString();
    if (plain(ix) && !o.concurrently()) {
      List<String> cols = ix.columns();
      String method = ix.unique() ? "createUniqueIndex" : "createIndex";
      return Optional.of(
          new Call(
              "op."
                  + method
                  + "("
                  + string(ix.name())
                  + ", "
                  + string(table)
                  + ", "
                  + strings(cols)
                  + ");",
              ops -> {
                if (ix.unique()) {
                  ops.createUniqueIndex(ix.name(), table, cols.toArray(String[]::new));
                } else {
                  ops.createIndex(ix.name(), table, cols.toArray(String[]::new));
                }
              }));
    }
    Chain<IndexBuilder> spec = index(ix, o.concurrently());
    return Optional.of(
        new Call(
            "op.createIndex("
                + string(ix.name())
                + ", "
                + string(table)
                + ", "
                + spec.lambda("ix")
                + ");",
            ops -> ops.createIndex(ix.name(), table, spec::applyTo)));
  }

  static Optional<Call> dropIndex(DropIndex o) {
    String table = o.table().toString();
    String head = string(o.name()) + ", " + string(table);
    if (o.definition().isEmpty()) {
      return Optional.of(
          o.concurrently()
              ? new Call(
                  "op.dropIndexConcurrently(" + head + ");",
                  ops -> ops.dropIndexConcurrently(o.name(), table))
              : new Call("op.dropIndex(" + head + ");", ops -> ops.dropIndex(o.name(), table)));
    }
    Chain<IndexBuilder> spec = index(o.definition().get(), o.concurrently());
    return Optional.of(
        new Call(
            "op.dropIndex(" + head + ", " + spec.lambda("ix") + ");",
            ops -> ops.dropIndex(o.name(), table, spec::applyTo)));
  }
}
