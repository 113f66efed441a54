package dev.retort.dialect.mysql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps a desired schema's statements inside the scratch database. On MySQL a schema is a database,
 * so a schema file's {@code DROP SCHEMA IF EXISTS app; CREATE SCHEMA app;} (as many hand-written
 * scripts begin) would drop and recreate the live database, and {@code CREATE TABLE app.users} (as
 * MySQL Workbench writes every name) would reach it, while the copy is meant to change nothing. So,
 * statement by statement: one about a schema or database is not run; a name qualified by the live
 * database is qualified by the scratch one instead, which is where an unqualified name goes; and a
 * name qualified by any other database on the server is refused, naming it.
 */
final class MySqlScratchGuard {
  /**
   * CREATE, ALTER or DROP of a SCHEMA or DATABASE, or a SET of a server-wide variable ({@code SET
   * GLOBAL innodb_file_format = ...}, as older install scripts have), after leading comments and
   * spaces: none of them is the schema, and each would outlast the copy.
   */
  private static final Pattern SCHEMA_STATEMENT =
      Pattern.compile(
          "(?is)(?:\\s|/\\*(?!!|M!).*?\\*/|(?:--\\s|#)[^\\n]*(?:\\n|$))*"
              + "(?:(?:CREATE|ALTER|DROP)\\s+(?:SCHEMA|DATABASE)\\b"
              + "|SET\\s+(?:GLOBAL|PERSIST|PERSIST_ONLY)\\b|SET\\s+@@(?:GLOBAL|PERSIST)\\.).*");

  private final String home;
  private final String scratch;
  private final Set<String> others;

  /**
   * @param home the live database
   * @param scratch the scratch database
   * @param databases every database on the server, lower case, as it was before the load
   */
  MySqlScratchGuard(String home, String scratch, Set<String> databases) {
    this.home = home;
    this.scratch = scratch;
    this.others = databases;
  }

  /** {@code connection}, whose statements run what {@link #rewrite} makes of their SQL. */
  Connection wrap(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("prepareStatement")
                  && args != null
                  && args[0] instanceof String sql) {
                String safe = rewrite(sql);
                args[0] = safe == null ? "SELECT 1" : safe;
              }
              Object result = invoke(connection, method, args);
              return result instanceof Statement s && method.getName().equals("createStatement")
                  ? statement(s)
                  : result;
            });
  }

  private Statement statement(Statement statement) {
    return (Statement)
        Proxy.newProxyInstance(
            Statement.class.getClassLoader(),
            new Class<?>[] {Statement.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if ((name.startsWith("execute") || name.equals("addBatch"))
                  && args != null
                  && args.length > 0
                  && args[0] instanceof String sql) {
                String safe = rewrite(sql);
                if (safe == null) {
                  return skipped(method.getReturnType());
                }
                args[0] = safe;
              }
              return invoke(statement, method, args);
            });
  }

  /** What a statement that was not run returns: no result set, no rows changed. */
  private static Object skipped(Class<?> type) {
    if (type == boolean.class) {
      return false;
    } else if (type == int.class) {
      return 0;
    } else if (type == long.class) {
      return 0L;
    }
    return null;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * The statement to run in the scratch database instead of {@code sql}, or null for one about a
   * schema or database, which is not run.
   *
   * @throws SQLException when it names another database of the server
   */
  String rewrite(String sql) throws SQLException {
    if (SCHEMA_STATEMENT.matcher(sql).matches()) {
      return null;
    }
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int copied = 0;
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char ch = sql.charAt(i);
      if (ch == '\'' || ch == '"') {
        i = skipString(sql, i);
      } else if (ch == '#' || sql.startsWith("--", i) && isDashComment(sql, i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol;
      } else if (sql.startsWith("/*", i)) {
        // an executable comment (/*! ... */, /*M! ... */) runs, so its text is read as SQL
        if (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i)) {
          i += 2;
        } else {
          int close = sql.indexOf("*/", i + 2);
          i = close < 0 ? n : close + 2;
        }
      } else if (ch == '`' || isIdentifierPart(ch)) {
        int start = i;
        StringBuilder name = new StringBuilder();
        i = identifier(sql, i, name);
        String db = name.toString();
        if (!isQualifier(sql, i) || db.chars().allMatch(Character::isDigit)) {
          continue;
        }
        if (db.equalsIgnoreCase(home)) {
          out.append(sql, copied, start).append('`').append(scratch).append('`');
          copied = i;
        } else if (others.contains(db.toLowerCase(Locale.ROOT))
            && !db.equalsIgnoreCase("information_schema")) {
          throw new SQLException(
              "it names the database `"
                  + db.replace("`", "``")
                  + "`, not the live one; loading it into the scratch copy would reach that"
                  + " database, so it is not run: leave that database's objects out of the file");
        }
      } else {
        i++;
      }
    }
    return copied == 0 ? sql : out.append(sql, copied, n).toString();
  }

  /** The index past the string opened at {@code i}: doubled quotes and backslashes escape. */
  private static int skipString(String sql, int i) {
    char quote = sql.charAt(i);
    int j = i + 1;
    while (j < sql.length()) {
      char ch = sql.charAt(j);
      if (ch == '\\') {
        j += 2;
      } else if (ch == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return sql.length();
  }

  /** {@code --} starts a comment when a space, a control character or the end follows. */
  private static boolean isDashComment(String sql, int i) {
    return i + 2 >= sql.length() || sql.charAt(i + 2) <= ' ';
  }

  private static boolean isIdentifierPart(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$' || ch > 0x7f;
  }

  /** Reads the name at {@code i}, bare or backquoted, into {@code name}; the index past it. */
  private static int identifier(String sql, int i, StringBuilder name) {
    if (sql.charAt(i) != '`') {
      int j = i;
      while (j < sql.length() && isIdentifierPart(sql.charAt(j))) {
        name.append(sql.charAt(j++));
      }
      return j;
    }
    int j = i + 1;
    while (j < sql.length()) {
      char ch = sql.charAt(j);
      if (ch == '`') {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == '`') {
          name.append('`');
          j += 2;
          continue;
        }
        return j + 1;
      }
      name.append(ch);
      j++;
    }
    return j;
  }

  /** Whether a dot, and then a name or {@code *}, follows {@code i} (spaces allowed between). */
  private static boolean isQualifier(String sql, int i) {
    int j = i;
    while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
      j++;
    }
    if (j >= sql.length() || sql.charAt(j) != '.') {
      return false;
    }
    j++;
    while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
      j++;
    }
    return j < sql.length()
        && (sql.charAt(j) == '`' || sql.charAt(j) == '*' || isIdentifierPart(sql.charAt(j)));
  }
}
