package dev.retort.diff;

import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.TableOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that a table comes after the tables its foreign keys reference and those it
 * inherits from ({@link TableOptions#INHERITS}).
 */
final class TableOrder {
  private TableOrder() {}

  /**
   * Parents first. Keys that point at a table later in the order (a cycle) are reported in {@code
   * deferred}: they must be added after all the tables exist.
   */
  static List<Table> parentsFirst(List<Table> tables, List<ForeignKeyAt> deferred) {
    Map<QualifiedName, Table> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    List<Table> out = new ArrayList<>();
    Set<QualifiedName> done = new HashSet<>();
    Set<QualifiedName> visiting = new HashSet<>();
    for (Table t : tables) {
      visit(t, byName, done, visiting, out, deferred);
    }
    return out;
  }

  private static void visit(
      Table t,
      Map<QualifiedName, Table> byName,
      Set<QualifiedName> done,
      Set<QualifiedName> visiting,
      List<Table> out,
      List<ForeignKeyAt> deferred) {
    if (done.contains(t.name())) {
      return;
    }
    visiting.add(t.name());
    for (QualifiedName p : TableOptions.inherits(t.options())) {
      Table parent = byName.get(p);
      if (parent != null && !visiting.contains(p)) {
        visit(parent, byName, done, visiting, out, deferred);
      }
    }
    for (ForeignKey fk : t.foreignKeys()) {
      Table parent = byName.get(fk.referencedTable());
      if (parent == null || parent.name().equals(t.name())) {
        continue;
      }
      if (visiting.contains(parent.name())) {
        deferred.add(new ForeignKeyAt(t.name(), fk));
      } else {
        visit(parent, byName, done, visiting, out, deferred);
      }
    }
    visiting.remove(t.name());
    done.add(t.name());
    out.add(t);
  }

  /** A foreign key and the table that holds it. */
  record ForeignKeyAt(QualifiedName table, ForeignKey key) {}
}
