package dev.retort.diff;

import dev.retort.ops.AlterColumn;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.CreateObject;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropObject;
import dev.retort.ops.DropTable;
import dev.retort.ops.Op;
import dev.retort.ops.ReplaceObject;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Functions, views, triggers and the other {@link SchemaObject}s, compared by kind and identity and
 * ordered by what each depends on, as the catalog says:
 *
 * <ul>
 *   <li>objects that need no table (functions, types, operators) are created or replaced before the
 *       tables, which may use them in defaults and checks, and dropped after;
 *   <li>objects on tables (views, triggers, policies, comments, settings) are dropped before the
 *       table changes and created after them;
 *   <li>an object the desired schema keeps unchanged is still dropped and created again around a
 *       change to what it depends on: a view over a column whose type changes, a trigger whose
 *       function is dropped and created, a comment on an index that is rebuilt; and so is every
 *       object that depends on one of those, a view over that view.
 * </ul>
 *
 * When the desired schema does not say which objects it has ({@link Schema#objects()} empty), the
 * database's objects are kept as they are, and only moved out of the way of table changes.
 */
final class ObjectDiff {
  private ObjectDiff() {}

  static void compare(Schema from, Schema to, Differ.Phases p) {
    List<SchemaObject> live = from.definedObjects();
    List<SchemaObject> wanted = to.objects().orElse(live);
    Map<String, SchemaObject> before = byKey(live);
    Map<String, SchemaObject> after = byKey(wanted);

    // what the change takes away from under an object: its definition, or what it depends on
    Set<String> gone = new HashSet<>(touchedByTables(p));
    List<SchemaObject> dropEarly = new ArrayList<>();
    List<SchemaObject> dropLate = new ArrayList<>();
    List<SchemaObject> createEarly = new ArrayList<>();
    List<SchemaObject> createLate = new ArrayList<>();
    List<Op> replaceEarly = new ArrayList<>();
    List<Op> replaceLate = new ArrayList<>();
    for (SchemaObject old : before.values()) {
      SchemaObject now = after.get(old.key());
      if (now == null) {
        (late(old) ? dropLate : dropEarly).add(old);
      } else if (!old.sameDefinition(now)) {
        if (old.replaceableBy(now)) {
          (late(now) ? replaceLate : replaceEarly).add(new ReplaceObject(old, now));
        } else {
          gone.add(old.key());
          (late(old) ? dropLate : dropEarly).add(old);
          (late(now) ? createLate : createEarly).add(now);
        }
      }
    }
    for (SchemaObject now : after.values()) {
      if (!before.containsKey(now.key())) {
        (late(now) ? createLate : createEarly).add(now);
      }
    }
    // an early object dropped and created again goes in one step, before the tables
    List<SchemaObject> recreatedEarly =
        dropEarly.stream().filter(o -> after.containsKey(o.key())).toList();
    dropEarly.removeAll(recreatedEarly);
    bounce(before, after, gone, dropLate, createLate);

    p.dropObjects.addAll(drops(dropLate));
    p.earlyObjects.addAll(drops(recreatedEarly));
    p.earlyObjects.addAll(replaceEarly);
    p.earlyObjects.addAll(creates(createEarly));
    p.dropEarlyObjects.addAll(drops(dropEarly));
    p.lateObjects.addAll(replaceLate);
    p.lateObjects.addAll(creates(createLate));
  }

  /**
   * Adds to the late drops and creates every live object the desired schema keeps as it is but
   * which depends, directly or through another such object, on something {@code gone}.
   */
  private static void bounce(
      Map<String, SchemaObject> before,
      Map<String, SchemaObject> after,
      Set<String> gone,
      List<SchemaObject> dropLate,
      List<SchemaObject> createLate) {
    Set<String> dropped = new HashSet<>(gone);
    dropLate.forEach(o -> dropped.add(o.key()));
    boolean more = true;
    while (more) {
      more = false;
      for (SchemaObject o : before.values()) {
        SchemaObject kept = after.get(o.key());
        if (kept != null
            && !dropped.contains(o.key())
            && o.dependsOn().stream().anyMatch(dropped::contains)) {
          dropped.add(o.key());
          dropLate.add(o);
          if (!createLate.contains(kept)) {
            createLate.add(kept);
          }
          more = true;
        }
      }
    }
  }

  /** The keys of the columns, indexes, constraints and tables the table changes take away. */
  private static Set<String> touchedByTables(Differ.Phases p) {
    Set<String> keys = new HashSet<>();
    for (Op op : p.tableOps()) {
      if (op instanceof AlterColumn a
          && (a.has(ColumnChange.TYPE) || a.has(ColumnChange.COLLATION))) {
        keys.add(SchemaObject.columnKey(a.table(), a.column()));
      } else if (op instanceof DropColumn d) {
        keys.add(SchemaObject.columnKey(d.table(), d.column()));
      } else if (op instanceof DropIndex d) {
        keys.add(SchemaObject.indexKey(d.table().withName(d.name())));
      } else if (op instanceof DropConstraint d) {
        keys.add(SchemaObject.constraintKey(d.table(), d.name()));
      } else if (op instanceof DropTable d) {
        keys.add(SchemaObject.tableKey(d.name()));
      }
    }
    return keys;
  }

  /**
   * Whether an object comes after the tables: it hangs on a table, or needs a table, a column or
   * another such object.
   */
  private static boolean late(SchemaObject o) {
    return o.kind().onTable()
        || o.dependsOn().stream()
            .anyMatch(
                k ->
                    k.startsWith("table:")
                        || k.startsWith("column:")
                        || k.startsWith("view:")
                        || k.startsWith("index:")
                        || k.startsWith("constraint:"));
  }

  /** Creates, each after what it depends on among them (otherwise in the order given). */
  private static List<Op> creates(List<SchemaObject> objects) {
    return dependenciesFirst(objects).stream().map(o -> (Op) new CreateObject(o)).toList();
  }

  /** Drops, each before what it depends on among them. */
  private static List<Op> drops(List<SchemaObject> objects) {
    List<SchemaObject> order = new ArrayList<>(dependenciesFirst(objects));
    java.util.Collections.reverse(order);
    return order.stream().map(o -> (Op) new DropObject(o)).toList();
  }

  /**
   * A depth-first order where each object follows those it depends on. A cycle (which a database
   * cannot hold) keeps the order given for the objects in it.
   */
  static List<SchemaObject> dependenciesFirst(List<SchemaObject> objects) {
    Map<String, SchemaObject> byKey = byKey(objects);
    List<SchemaObject> out = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (SchemaObject o : objects) {
      visit(o, byKey, placed, visiting, out);
    }
    return out;
  }

  private static void visit(
      SchemaObject o,
      Map<String, SchemaObject> byKey,
      Set<String> placed,
      Set<String> visiting,
      List<SchemaObject> out) {
    if (placed.contains(o.key()) || !visiting.add(o.key())) {
      return;
    }
    for (String d : o.dependsOn()) {
      SchemaObject needed = byKey.get(d);
      if (needed != null) {
        visit(needed, byKey, placed, visiting, out);
      }
    }
    visiting.remove(o.key());
    placed.add(o.key());
    out.add(o);
  }

  private static Map<String, SchemaObject> byKey(List<SchemaObject> objects) {
    Map<String, SchemaObject> m = new LinkedHashMap<>();
    objects.forEach(o -> m.put(o.key(), o));
    return m;
  }
}
