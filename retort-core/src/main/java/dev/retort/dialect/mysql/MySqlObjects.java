package dev.retort.dialect.mysql;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.SchemaObject.Kind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The views, triggers, stored functions and procedures of the current MariaDB/MySQL database as
 * {@link SchemaObject}s, read with the five queries of {@link MySqlObjectQueries} however many
 * there are, and each written back as the one {@code CREATE} statement that makes it (through JDBC,
 * so no {@code DELIMITER}):
 *
 * <ul>
 *   <li>a view from its definition as the server prints it, without the database's name (see {@link
 *       MySqlViewDefinition}), with ALGORITHM, SQL SECURITY INVOKER and the CHECK OPTION where they
 *       are not the default, and needing the tables, columns, views and functions it names;
 *   <li>a trigger from its timing, event, table and body as written, after the trigger it follows
 *       ({@code FOLLOWS}) when it is not the first for its table, timing and event, and needing its
 *       table and that trigger;
 *   <li>a function or procedure from its parameters, result type and characteristics
 *       (DETERMINISTIC, the SQL data access, SQL SECURITY INVOKER, COMMENT) where they are not the
 *       default, and its body as written.
 * </ul>
 *
 * The DEFINER is left out everywhere: it names an account of one server, and a migration creates
 * the objects as the user who runs it, whose account is then the definer. What is not reproduced:
 * character sets and collations of routine parameters and results, and the {@code sql_mode} each
 * object was created under (both are the session's when the migration runs). Events and MariaDB
 * packages are reported as not modelled.
 */
final class MySqlObjects {
  private static final MySqlDialect DIALECT = new MySqlDialect();
  private static final Set<String> ALGORITHMS = Set.of("MERGE", "TEMPTABLE");
  private static final Set<String> CHECK_OPTIONS = Set.of("CASCADED", "LOCAL");
  private static final Set<String> TIMINGS = Set.of("BEFORE", "AFTER");
  private static final Set<String> EVENTS = Set.of("INSERT", "UPDATE", "DELETE");
  private static final Set<String> DATA_ACCESS =
      Set.of("NO SQL", "READS SQL DATA", "MODIFIES SQL DATA");

  private MySqlObjects() {}

  /** {@code schema} with the database's objects, and what it holds that is not modelled. */
  static Schema addTo(Schema schema, Connection c, MySqlServer server, Set<String> excludedTables)
      throws SQLException {
    List<String> unmodelled = new ArrayList<>(schema.unmodelled());
    List<SchemaObject> objects = new ArrayList<>();
    Set<String> functions = new LinkedHashSet<>();
    objects.addAll(routines(c, server, functions, unmodelled));
    Set<String> tables = new HashSet<>();
    schema.tables().forEach(t -> tables.add(t.name().name()));
    objects.addAll(views(c, server, tables, functions));
    objects.addAll(triggers(c, excludedTables));
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(MySqlObjectQueries.EVENTS)) {
      while (rs.next()) {
        unmodelled.add("event " + rs.getString(1));
      }
    }
    return schema.withObjects(objects).withUnmodelled(unmodelled);
  }

  static String viewKey(String name) {
    return Kind.VIEW.category() + ":" + DIALECT.quote(name);
  }

  static String functionKey(String name) {
    return Kind.FUNCTION.category() + ":" + DIALECT.quote(name);
  }

  private static List<SchemaObject> views(
      Connection c, MySqlServer server, Set<String> tables, Set<String> functions)
      throws SQLException {
    List<String[]> rows = new ArrayList<>();
    String sql =
        String.format(MySqlObjectQueries.VIEWS, server.mariaDb() ? "ALGORITHM" : "'UNDEFINED'");
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(
            new String[] {
              rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
            });
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    String database = c.getCatalog();
    Set<String> views = new LinkedHashSet<>();
    rows.forEach(r -> views.add(viewKey(r[0])));
    List<SchemaObject> out = new ArrayList<>();
    for (String[] r : rows) {
      MySqlViewDefinition d =
          MySqlViewDefinition.parse(r[1] == null ? "" : r[1], database, tables, views, functions);
      StringBuilder create = new StringBuilder("CREATE ");
      if (ALGORITHMS.contains(r[4])) {
        create.append("ALGORITHM=").append(r[4]).append(' ');
      }
      if ("INVOKER".equals(r[3])) {
        create.append("SQL SECURITY INVOKER ");
      }
      String identity = DIALECT.quote(r[0]);
      create.append("VIEW ").append(identity).append(" AS ").append(d.text());
      if (CHECK_OPTIONS.contains(r[2])) {
        create.append(" WITH ").append(r[2]).append(" CHECK OPTION");
      }
      Set<String> needs = new LinkedHashSet<>(d.dependsOn());
      needs.remove(viewKey(r[0]));
      out.add(object(Kind.VIEW, identity, create.toString(), needs));
    }
    return out;
  }

  private static List<SchemaObject> triggers(Connection c, Set<String> excludedTables)
      throws SQLException {
    List<SchemaObject> out = new ArrayList<>();
    Map<String, String> previous = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(MySqlObjectQueries.TRIGGERS)) {
      while (rs.next()) {
        String name = rs.getString(1);
        String timing = rs.getString(2);
        String event = rs.getString(3);
        String table = rs.getString(4);
        if (!TIMINGS.contains(timing)
            || !EVENTS.contains(event)
            || excludedTables.contains(table)) {
          continue;
        }
        String identity = DIALECT.quote(name);
        Set<String> needs = new LinkedHashSet<>();
        needs.add(SchemaObject.tableKey(QualifiedName.of(table)));
        StringBuilder create =
            new StringBuilder("CREATE TRIGGER ")
                .append(identity)
                .append(' ')
                .append(timing)
                .append(' ')
                .append(event)
                .append(" ON ")
                .append(DIALECT.quote(table))
                .append(" FOR EACH ROW ");
        String group = table + "\0" + timing + "\0" + event;
        String follows = previous.put(group, name);
        if (follows != null) {
          // the order among triggers for the same table, timing and event (ACTION_ORDER)
          create.append("FOLLOWS ").append(DIALECT.quote(follows)).append(' ');
          needs.add(Kind.TRIGGER.category() + ":" + DIALECT.quote(follows));
        }
        create.append(rs.getString(6));
        out.add(object(Kind.TRIGGER, identity, create.toString(), needs));
      }
    }
    return out;
  }

  /** Functions and procedures; fills {@code functions} with the keys of the functions. */
  private static List<SchemaObject> routines(
      Connection c, MySqlServer server, Set<String> functions, List<String> unmodelled)
      throws SQLException {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(MySqlObjectQueries.PARAMETERS)) {
      while (rs.next()) {
        String mode = rs.getString(3);
        String parameter =
            (rs.getString(2).equals("PROCEDURE") && mode != null ? mode + " " : "")
                + DIALECT.quote(rs.getString(4))
                + " "
                + rs.getString(5);
        parameters
            .computeIfAbsent(rs.getString(2) + "\0" + rs.getString(1), k -> new ArrayList<>())
            .add(parameter);
      }
    }
    List<SchemaObject> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(MySqlObjectQueries.ROUTINES)) {
      while (rs.next()) {
        String name = rs.getString(1);
        String type = rs.getString(2);
        String body = rs.getString(4);
        Optional<Kind> kind =
            type.equals("FUNCTION")
                ? Optional.of(Kind.FUNCTION)
                : type.equals("PROCEDURE") ? Optional.of(Kind.PROCEDURE) : Optional.empty();
        if (kind.isEmpty() || body == null) {
          unmodelled.add(
              type.toLowerCase(java.util.Locale.ROOT)
                  + " "
                  + name
                  + (kind.isEmpty() ? "" : " (its body is hidden from this user)"));
          continue;
        }
        String identity = DIALECT.quote(name);
        StringBuilder create =
            new StringBuilder("CREATE ")
                .append(type)
                .append(' ')
                .append(identity)
                .append('(')
                .append(String.join(", ", parameters.getOrDefault(type + "\0" + name, List.of())))
                .append(')');
        if (kind.get() == Kind.FUNCTION) {
          create.append(" RETURNS ").append(rs.getString(3));
          functions.add(functionKey(name));
        }
        if ("YES".equals(rs.getString(5))) {
          create.append(" DETERMINISTIC");
        }
        if (DATA_ACCESS.contains(rs.getString(6))) {
          create.append(' ').append(rs.getString(6));
        }
        if ("INVOKER".equals(rs.getString(7))) {
          create.append(" SQL SECURITY INVOKER");
        }
        String comment = rs.getString(8);
        if (comment != null && !comment.isEmpty()) {
          create.append(" COMMENT ").append(DIALECT.literal(comment, server));
        }
        create.append('\n').append(body);
        out.add(object(kind.get(), identity, create.toString(), Set.of()));
      }
    }
    return out;
  }

  private static SchemaObject object(Kind kind, String identity, String create, Set<String> needs) {
    return new SchemaObject(
        kind, identity, List.of(create), kind.dropOf(identity), Optional.empty(), needs);
  }
}
