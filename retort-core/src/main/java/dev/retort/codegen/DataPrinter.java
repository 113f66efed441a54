package dev.retort.codegen;

import static dev.retort.codegen.JavaValues.string;

import dev.retort.ops.BulkInsert;
import dev.retort.ops.ExecuteSql;
import java.util.List;
import java.util.Optional;

/** Prints the ops that carry SQL text or rows of data. */
final class DataPrinter {
  private final Imports imports;
  private final JavaValues values;

  DataPrinter(Imports imports, JavaValues values) {
    this.imports = imports;
    this.values = values;
  }

  Optional<Call> execute(ExecuteSql o) {
    if (o.undo().isPresent()) {
      return o.parameters().isEmpty()
          ? Optional.of(
              new Call(
                  "op.executeReversible("
                      + string(o.sql())
                      + ",\n    "
                      + string(o.undo().get())
                      + ");",
                  ops -> ops.executeReversible(o.sql(), o.undo().get())))
          : Optional.empty();
    }
    List<Object> params = o.parameters();
    StringBuilder b = new StringBuilder("op.execute(").append(string(o.sql()));
    for (Object p : params) {
      // a lone null would be taken for the varargs array itself
      b.append(", ").append(p == null && params.size() == 1 ? "(Object) null" : values.of(p));
    }
    return Optional.of(
        new Call(b.append(");").toString(), ops -> ops.execute(o.sql(), params.toArray())));
  }

  Optional<Call> bulkInsert(BulkInsert o) {
    String table = o.table().toString();
    StringBuilder b =
        new StringBuilder("op.bulkInsert(")
            .append(string(table))
            .append(", ")
            .append(values.list(o.columns()))
            .append(", ")
            .append(imports.type(List.class))
            .append(".of(");
    for (int i = 0; i < o.rows().size(); i++) {
      b.append(i == 0 ? "\n" : ",\n").append("    ").append(values.list(o.rows().get(i)));
    }
    b.append("));");
    return Optional.of(new Call(b.toString(), ops -> ops.bulkInsert(table, o.columns(), o.rows())));
  }
}
