package dev.retort.codegen;

import dev.retort.ops.CreateObject;
import dev.retort.ops.DropObject;
import dev.retort.ops.Op;
import dev.retort.ops.ReplaceObject;
import dev.retort.schema.SchemaObject;
import java.util.List;
import java.util.Optional;

/**
 * Prints the ops on {@link SchemaObject}s (functions, views, triggers...) as calls that hold their
 * SQL as text blocks, the way the catalog prints it:
 *
 * <pre>{@code
 * op.createObject(SchemaObject.of(VIEW, "active_users", """
 *     CREATE VIEW active_users AS
 *      SELECT id, email FROM users WHERE active
 *     """));
 * }</pre>
 */
final class DefinitionPrinter {
  private final Imports imports;
  private final JavaValues values;

  DefinitionPrinter(Imports imports, JavaValues values) {
    this.imports = imports;
    this.values = values;
  }

  /** The op as a migration needs it: the objects without the dependencies only the diff uses. */
  static Op bare(Op op) {
    if (op instanceof CreateObject o) {
      return new CreateObject(o.object().bare());
    }
    if (op instanceof DropObject o) {
      return new DropObject(o.object().bare());
    }
    if (op instanceof ReplaceObject o) {
      return new ReplaceObject(o.from().bare(), o.to().bare());
    }
    return op;
  }

  Optional<Call> createObject(CreateObject o) {
    SchemaObject x = o.object().bare();
    return Optional.of(new Call("op.createObject(" + object(x) + ");", ops -> ops.createObject(x)));
  }

  Optional<Call> dropObject(DropObject o) {
    SchemaObject x = o.object().bare();
    return Optional.of(new Call("op.dropObject(" + object(x) + ");", ops -> ops.dropObject(x)));
  }

  Optional<Call> replaceObject(ReplaceObject o) {
    SchemaObject from = o.from().bare();
    SchemaObject to = o.to().bare();
    return Optional.of(
        new Call(
            "op.replaceObject(\n    " + object(from) + ",\n    " + object(to) + ");",
            ops -> ops.replaceObject(from, to)));
  }

  /** {@code SchemaObject.of(KIND, "identity", statements...)}, with {@code .withDrop(...)}. */
  private String object(SchemaObject x) {
    StringBuilder b =
        new StringBuilder(imports.type(SchemaObject.class))
            .append(".of(")
            .append(values.staticConstant(x.kind()))
            .append(", ")
            .append(JavaValues.string(x.identity()))
            .append(statements(x.create()))
            .append(')');
    if (!x.drop().equals(x.kind().dropOf(x.identity()))) {
      b.append(".withDrop(").append(statements(x.drop()).substring(2)).append(')');
    }
    return b.toString();
  }

  private static String statements(List<String> sql) {
    StringBuilder b = new StringBuilder();
    for (String s : sql) {
      b.append(", ").append(JavaValues.block(s, "    "));
    }
    return b.toString();
  }
}
