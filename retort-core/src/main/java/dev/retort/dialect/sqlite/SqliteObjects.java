package dev.retort.dialect.sqlite;

import dev.retort.schema.Column;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.SchemaObject.Kind;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The views and triggers of an SQLite database as {@link SchemaObject}s, each made by the statement
 * {@code sqlite_master} keeps for it, which is the statement as it was written (what {@code .dump}
 * prints too): one query however many there are.
 *
 * <p>SQLite records no dependencies, so they are read from the statement: a view or trigger needs
 * every table and view whose name it mentions (outside strings and comments), and of those tables
 * every column whose name it mentions; a trigger needs its own table (or view, for INSTEAD OF).
 * This errs on the side of too much: a name that is also an alias or a column of another table
 * counts, which at worst drops and recreates an unchanged view around a change that did not need
 * it. What it cannot see: a view's {@code SELECT *} needs no column by name, so a column change
 * under it does not move it (a table rebuild then drops and recreates it, see {@link
 * SqliteCatalog#dependents}); names made at run time do not exist in SQLite.
 */
final class SqliteObjects {
  private SqliteObjects() {}

  /** {@code schema}, which {@code tables} were read into, with the objects of the main schema. */
  static Schema addTo(Schema schema, Connection c, Set<String> excludedTables) throws SQLException {
    return schema.withObjects(read(c, schema.tables(), excludedTables));
  }

  private record Row(Kind kind, String name, String table, String sql) {}

  static List<SchemaObject> read(Connection c, List<Table> tables, Set<String> excludedTables)
      throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                SqliteCatalogQueries.query(
                    SqliteCatalogQueries.OBJECTS, "sqlite_master", "", false))) {
      while (rs.next()) {
        Kind kind = rs.getString(1).equals("view") ? Kind.VIEW : Kind.TRIGGER;
        if (kind == Kind.TRIGGER && excludedTables.contains(rs.getString(3))) {
          continue;
        }
        rows.add(new Row(kind, rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    Map<String, Table> tablesByName = new HashMap<>();
    tables.forEach(t -> tablesByName.put(lower(t.name().name()), t));
    Map<String, String> views = new HashMap<>();
    rows.stream()
        .filter(r -> r.kind == Kind.VIEW)
        .forEach(r -> views.put(lower(r.name), viewKey(r.name)));
    List<SchemaObject> out = new ArrayList<>();
    for (Row r : rows) {
      String identity = SqliteDialect.quoteIdentifier(r.name);
      Set<String> needs = mentioned(r.sql, tablesByName, views);
      if (r.kind == Kind.TRIGGER) {
        Optional.ofNullable(tablesByName.get(lower(r.table)))
            .map(t -> SchemaObject.tableKey(t.name()))
            .or(() -> Optional.ofNullable(views.get(lower(r.table))))
            .ifPresent(needs::add);
      }
      needs.remove(viewKey(r.name));
      out.add(
          new SchemaObject(
              r.kind, identity, List.of(r.sql), r.kind.dropOf(identity), Optional.empty(), needs));
    }
    return out;
  }

  /** The keys of the tables, their columns and the views {@code sql} names. */
  private static Set<String> mentioned(
      String sql, Map<String, Table> tables, Map<String, String> views) {
    Set<String> names = new HashSet<>();
    SqliteTableSql.names(sql).forEach(n -> names.add(lower(n)));
    Set<String> needs = new LinkedHashSet<>();
    for (String name : names) {
      Table t = tables.get(name);
      if (t != null) {
        needs.add(SchemaObject.tableKey(t.name()));
        for (Column column : t.columns()) {
          if (names.contains(lower(column.name()))) {
            needs.add(SchemaObject.columnKey(t.name(), column.name()));
          }
        }
      }
      String view = views.get(name);
      if (view != null) {
        needs.add(view);
      }
    }
    return needs;
  }

  private static String viewKey(String name) {
    return Kind.VIEW.category() + ":" + SqliteDialect.quoteIdentifier(name);
  }

  /** SQLite compares names without regard to ASCII case. */
  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
