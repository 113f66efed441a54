package dev.retort.codegen;

import dev.retort.ops.AlterColumn;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.ColumnState;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropTable;
import dev.retort.ops.Op;
import dev.retort.schema.ColumnType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What a generated step may lose, and what ties it to one database: the notes a reviewer needs. */
public final class DataLoss {
  private DataLoss() {}

  /** What a step destroys, if anything: dropped tables and columns, narrowed types. */
  public static Optional<String> of(Op op) {
    if (op instanceof DropTable t) {
      return Optional.of("drops table " + t.name() + " and every row in it");
    }
    if (op instanceof dev.retort.ops.DropObject o
        && o.object().kind() == dev.retort.schema.SchemaObject.Kind.PARTITION) {
      return Optional.of("drops partition " + o.object().identity() + " and every row in it");
    }
    if (op instanceof DropColumn c) {
      return Optional.of("drops column " + c.table() + "." + c.column() + " and its values");
    }
    if (op instanceof AlterColumn a
        && a.has(ColumnChange.TYPE)
        && !a.from()
            .type()
            .map(a.changed(ColumnChange.TYPE, ColumnState::type).get()::holdsEveryValueOf)
            .orElse(false)) {
      return Optional.of(
          "changes the type of "
              + a.table()
              + "."
              + a.column()
              + " from "
              + a.from().type().map(Object::toString).orElse("an unknown type")
              + " to "
              + a.changed(ColumnChange.TYPE, ColumnState::type).get()
              + ", which not every value survives unchanged; values that do not"
              + " fit make it fail rather than be cut where the database checks");
    }
    return Optional.empty();
  }

  /**
   * The first type in {@code op} written for one database ({@code raw(...)}, e.g. a type read from
   * the live database that has no portable kind), or empty when every type is portable. Such an op
   * renders for another database without complaint but not with the same meaning, so a
   * multi-dialect file refuses it.
   */
  public static Optional<String> rawType(Op op) {
    return rawType((Object) op, 0);
  }

  private static Optional<String> rawType(Object value, int depth) {
    if (value == null || depth > 8) {
      return Optional.empty();
    }
    if (value instanceof ColumnType t) {
      return t.kind() == ColumnType.Kind.RAW ? Optional.of(t.raw()) : Optional.empty();
    }
    if (value instanceof Optional<?> o) {
      return o.flatMap(v -> rawType(v, depth + 1));
    }
    if (value instanceof Collection<?> c) {
      for (Object v : c) {
        Optional<String> found = rawType(v, depth + 1);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> m) {
      return rawType(m.values(), depth + 1);
    }
    if (value instanceof Record r) {
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        Object v;
        try {
          v = rc.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
          continue; // a record of another module that hides its accessors holds no column type
        }
        Optional<String> found = rawType(v, depth + 1);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
