package dev.retort.dialect.sqlite;

import dev.retort.error.UsageException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles each view and trigger of a desired schema as soon as the statement that creates it has
 * run. SQLite itself does not: {@code CREATE VIEW} over a column that does not exist succeeds, and
 * so does a trigger whose body names one; the error comes when the view is first read or a
 * statement that fires the trigger is prepared, which in a migration is the next table rebuild.
 * Checked here, the error belongs to the statement that made the object, and the loader reports it
 * with that statement's line.
 *
 * <p>A view is compiled by preparing {@code SELECT * FROM} it, a trigger by preparing an INSERT, an
 * UPDATE of every column and a DELETE on its table: only prepared, never run. Names SQLite cannot
 * resolve in a scratch copy are allowed: functions and collations the application registers on its
 * own connections. A table or view that does not exist yet waits, since the file may create it
 * further down; one still missing when the file has run is an error then.
 */
final class SqliteScratchCheck {
  private final Connection scratch;
  private final Set<String> compiled = new HashSet<>();
  private final Map<String, String> waiting = new LinkedHashMap<>();

  SqliteScratchCheck(Connection scratch) {
    this.scratch = scratch;
  }

  /** The scratch connection, whose statements compile what they create when they have run. */
  Connection connection() {
    return proxy(
        Connection.class,
        (proxy, method, args) -> {
          Object result = call(method, scratch, args);
          return result instanceof Statement s && method.getName().equals("createStatement")
              ? proxy(Statement.class, (p, m, a) -> afterRun(m, a, call(m, s, beforeRun(a))))
              : result;
        });
  }

  /**
   * {@code ATTACH} opens another database file, {@code VACUUM INTO} writes one: neither may run
   * from a desired schema, whose copy must change nothing outside itself.
   */
  private static final java.util.regex.Pattern OUTSIDE =
      java.util.regex.Pattern.compile(
          "(?is)(?:\\s|/\\*.*?\\*/|--[^\\n]*(?:\\n|$))*(?:ATTACH\\b|VACUUM\\b.*\\bINTO\\b).*");

  private static Object[] beforeRun(Object[] args) throws SQLException {
    if (args != null && args.length > 0 && args[0] instanceof String sql) {
      if (OUTSIDE.matcher(sql).matches()) {
        throw new SQLException(
            "ATTACH and VACUUM INTO reach database files beside the scratch copy, which must"
                + " change nothing; leave them out of the schema file");
      }
    }
    return args;
  }

  /** Fails when an object names a table or view that the whole file did not create. */
  void finish() throws SQLException {
    compileNew();
    if (!waiting.isEmpty()) {
      throw new UsageException(
          "the desired schema does not apply: " + String.join("; ", waiting.values()));
    }
  }

  /**
   * After a statement that may have created a view or trigger: a CREATE, or a batch. A dump's rows
   * (INSERTs) cost no look at the schema.
   */
  private Object afterRun(Method method, Object[] args, Object result) throws SQLException {
    boolean creates =
        args != null && args.length > 0 && args[0] instanceof String sql
            ? sql.stripLeading().regionMatches(true, 0, "CREATE", 0, 6)
            : method.getName().equals("executeBatch");
    if (method.getName().startsWith("execute") && creates) {
      compileNew();
    }
    return result;
  }

  /** Compiles the views and triggers not compiled yet; throws for the first that fails. */
  private void compileNew() throws SQLException {
    List<String[]> objects = new ArrayList<>();
    try (Statement st = scratch.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT type, name, tbl_name FROM sqlite_master"
                    + " WHERE type IN ('view', 'trigger') ORDER BY rowid")) {
      while (rs.next()) {
        if (!compiled.contains(rs.getString(2))) {
          objects.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
    }
    for (String[] o : objects) {
      String what = o[0] + " " + o[1];
      Optional<String> problem = o[0].equals("view") ? view(o[1]) : trigger(o[2]);
      if (problem.isEmpty()) {
        compiled.add(o[1]);
        waiting.remove(o[1]);
      } else if (problem.get().startsWith("no such table")) {
        waiting.put(o[1], what + " does not compile: " + problem.get());
      } else {
        throw new SQLException(what + " does not compile: " + problem.get());
      }
    }
  }

  private Optional<String> view(String name) {
    return prepare("SELECT * FROM " + SqliteDialect.quoteIdentifier(name));
  }

  /** Preparing a statement compiles the triggers it fires (INSTEAD OF ones on a view, too). */
  private Optional<String> trigger(String table) throws SQLException {
    String q = SqliteDialect.quoteIdentifier(table);
    List<String> set = new ArrayList<>();
    try (PreparedStatement ps = scratch.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String c = SqliteDialect.quoteIdentifier(rs.getString(1));
          set.add(c + " = " + c);
        }
      }
    }
    List<String> statements = new ArrayList<>();
    statements.add("INSERT INTO " + q + " DEFAULT VALUES");
    if (!set.isEmpty()) {
      statements.add("UPDATE " + q + " SET " + String.join(", ", set));
    }
    statements.add("DELETE FROM " + q);
    for (String s : statements) {
      Optional<String> problem = prepare(s);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** What SQLite says preparing {@code sql}, unless it is something a scratch copy cannot have. */
  private Optional<String> prepare(String sql) {
    try (PreparedStatement ps = scratch.prepareStatement(sql)) {
      return Optional.empty();
    } catch (SQLException e) {
      String message = reason(e);
      boolean outside =
          message.startsWith("no such function")
              || message.startsWith("no such collation")
              || message.startsWith("cannot modify");
      return outside ? Optional.empty() : Optional.of(message);
    }
  }

  /**
   * The xerial driver wraps SQLite's message: "[SQLITE_ERROR] SQL error ... (no such column: x)".
   */
  private static String reason(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int open = m.indexOf('(');
    return m.startsWith("[") && open > 0 && m.endsWith(")")
        ? m.substring(open + 1, m.length() - 1)
        : m;
  }

  private static Object call(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return (T)
        Proxy.newProxyInstance(
            SqliteScratchCheck.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
