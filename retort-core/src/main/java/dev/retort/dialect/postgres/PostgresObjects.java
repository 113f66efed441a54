package dev.retort.dialect.postgres;

import dev.retort.schema.SchemaObject;
import dev.retort.schema.SchemaObject.Kind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the functions, procedures, aggregates, operators, composite and range types, views,
 * materialized views, triggers, rules, policies, row-level security, index and constraint comments
 * and column storage and statistics settings of the schemas inspected, with what each depends on:
 * two queries ({@link PostgresObjectQueries}) however many there are.
 */
final class PostgresObjects {
  private PostgresObjects() {}

  static List<SchemaObject> read(Connection c, Array schemas, boolean qualify, int serverVersion)
      throws SQLException {
    Object[] args = new Object[10];
    args[0] = qualify ? "true" : "false";
    // PostgreSQL 13 records the trigger a partition's trigger was cloned from; it comes with it
    args[1] = serverVersion >= 130000 ? "AND t.tgparentid = 0" : "";
    System.arraycopy(PostgresObjectQueries.COMMENTS, 0, args, 2, 8);
    Map<String, SchemaObject> objects = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(String.format(Locale.ROOT, PostgresObjectQueries.OBJECTS, args))) {
      ps.setArray(1, schemas);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          SchemaObject o = object(rs, qualify);
          objects.put(o.key(), o);
        }
      }
    }
    if (objects.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> needs = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            String.format(Locale.ROOT, PostgresObjectQueries.DEPENDENCIES, args[0]))) {
      ps.setArray(1, schemas);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (objects.containsKey(rs.getString(1))) {
            needs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
          }
        }
      }
    }
    List<SchemaObject> out = new ArrayList<>();
    for (SchemaObject o : objects.values()) {
      List<String> n = needs.get(o.key());
      out.add(n == null ? o : o.needing(Set.copyOf(n)));
    }
    return out;
  }

  private static SchemaObject object(ResultSet rs, boolean qualify) throws SQLException {
    Kind kind = Kind.valueOf(rs.getString(1));
    String identity = rs.getString(2);
    List<String> create = new ArrayList<>(strings(rs.getArray(3)));
    List<String> drop = rs.getArray(4) == null ? kind.dropOf(identity) : strings(rs.getArray(4));
    Optional<String> replaceKey = Optional.ofNullable(rs.getString(5));
    String extra = rs.getString(6);
    Set<String> needs = Set.of();
    switch (kind) {
      case FUNCTION, PROCEDURE -> {
        if (!qualify) {
          // pg_get_functiondef names the function with its schema, which a scratch copy of the
          // desired schema does not share: the one schema inspected is left unsaid
          String prefix = "CREATE OR REPLACE " + kind.name() + " " + extra + ".";
          if (create.get(0).startsWith(prefix)) {
            create.set(
                0,
                create.get(0).substring(0, prefix.length() - extra.length() - 1)
                    + create.get(0).substring(prefix.length()));
          }
        }
      }
      case MATERIALIZED_VIEW -> {
        if (!qualify) {
          for (int i = 1; i < create.size(); i++) {
            create.set(i, unqualifiedIndex(create.get(i)));
          }
        }
      }
      case COMMENT ->
          needs = Set.of(identity.startsWith("INDEX ") ? "index:" + extra : "constraint:" + extra);
      case STORAGE, STATISTICS -> needs = Set.of("column:" + extra);
      case ROW_SECURITY, PARTITION -> needs = Set.of("table:" + extra);
      default -> {}
    }
    return new SchemaObject(kind, identity, create, drop, replaceKey, needs);
  }

  /**
   * {@code pg_get_indexdef} names the indexed relation with its schema; in a one-schema inspection
   * the schema is left unsaid, as everywhere else.
   */
  private static String unqualifiedIndex(String definition) {
    int on = definition.indexOf(" ON ");
    int dot = on < 0 ? -1 : definition.indexOf('.', on);
    int using = definition.indexOf(" USING ", Math.max(on, 0));
    if (on < 0 || dot < 0 || using < 0 || dot > using) {
      return definition;
    }
    String only = definition.startsWith("ONLY ", on + 4) ? "ONLY " : "";
    return definition.substring(0, on + 4) + only + definition.substring(dot + 1);
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }
}
