package dev.retort.dialect.postgres;

import dev.retort.schema.Extension;
import dev.retort.schema.Schema;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extensions a desired schema file creates, when the database has them already. An extension
 * exists once per database, not per schema, so the scratch copy cannot create it again ("extension
 * already exists"), and with {@code IF NOT EXISTS} the statement does nothing there and its types
 * are not on the scratch copy's search path. So such a statement is skipped, the extension's schema
 * is put on the search path after the scratch schema, and the extension counts as declared when it
 * lives in the schema being compared.
 */
final class PostgresScratchExtensions {
  private static final Pattern CREATE_EXTENSION =
      Pattern.compile(
          "(?is)^(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*CREATE\\s+EXTENSION\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
              + "(\"(?:[^\"]|\"\")+\"|[\\w-]+).*");

  private final Connection connection;
  private final java.util.function.UnaryOperator<String> quote;
  private final String scratch;
  private final String liveSchema;
  private final Set<String> searchPath = new LinkedHashSet<>();
  private final List<String> declared = new ArrayList<>();

  PostgresScratchExtensions(
      Connection connection,
      java.util.function.UnaryOperator<String> quote,
      String scratch,
      String liveSchema) {
    this.connection = connection;
    this.quote = quote;
    this.scratch = scratch;
    this.liveSchema = liveSchema;
  }

  /** The connection the loader uses: statements pass through, but for those described above. */
  Connection wrap() {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = invoke(connection, method, args);
              return result instanceof Statement s && method.getName().equals("createStatement")
                  ? statement(s)
                  : result;
            });
  }

  private Statement statement(Statement real) {
    return (Statement)
        Proxy.newProxyInstance(
            Statement.class.getClassLoader(),
            new Class<?>[] {Statement.class},
            (proxy, method, args) -> {
              if (method.getName().startsWith("execute")
                  && args != null
                  && args.length > 0
                  && args[0] instanceof String sql
                  && alreadyInstalled(sql)) {
                Class<?> type = method.getReturnType();
                return type == boolean.class
                    ? Boolean.FALSE
                    : type == int.class
                        ? (Object) 0
                        : type == long.class
                            ? (Object) 0L
                            : real.executeQuery("SELECT 1 WHERE false");
              }
              return invoke(real, method, args);
            });
  }

  private boolean alreadyInstalled(String sql) throws SQLException {
    Matcher m = CREATE_EXTENSION.matcher(sql);
    if (!m.matches()) {
      return false;
    }
    String name =
        m.group(1).startsWith("\"")
            ? m.group(1).substring(1, m.group(1).length() - 1).replace("\"\"", "\"")
            : m.group(1).toLowerCase();
    Optional<String> schema = installedIn(name);
    if (schema.isEmpty()) {
      return false;
    }
    if (schema.get().equals(liveSchema)) {
      declared.add(name);
    }
    if (searchPath.add(schema.get())) {
      StringBuilder path = new StringBuilder(quote.apply(scratch));
      searchPath.forEach(s -> path.append(", ").append(quote.apply(s)));
      try (Statement st = connection.createStatement()) {
        st.execute("SET LOCAL search_path TO " + path);
      }
    }
    return true;
  }

  private Optional<String> installedIn(String name) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT n.nspname FROM pg_extension e "
                + "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** The scratch copy's schema with the extensions it was denied added back. */
  Schema addTo(Schema s) {
    List<Extension> all = new ArrayList<>(s.extensions());
    for (String name : declared) {
      if (all.stream().noneMatch(e -> e.name().equals(name))) {
        all.add(Extension.of(name));
      }
    }
    return new Schema(
        s.tables(), s.enums(), s.domains(), s.sequences(), all, s.unmodelled(), s.objects());
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
