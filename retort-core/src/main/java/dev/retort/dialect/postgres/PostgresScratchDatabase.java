package dev.retort.dialect.postgres;

import dev.retort.inspect.Connector;
import dev.retort.inspect.InspectOptions;
import dev.retort.inspect.ScratchLoader;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scratch copy that is a database of its own, for a schema file that the scratch schema cannot
 * contain: one that names the live database's schemas ({@code public.users}, as {@code pg_dump}
 * writes every name) or changes the search path ({@code pg_dump} empties it first). In the scratch
 * schema such statements would reach the live objects: create beside them, lock them, alter them
 * until the rollback, move their sequences (which no rollback undoes). A database made from {@code
 * template0} has none of them; it costs about a quarter of a second to create and as much to drop
 * (PostgreSQL 15 here), so a file of unqualified names keeps the scratch schema.
 */
final class PostgresScratchDatabase {
  /**
   * A name followed by a dot, with comments or spaces between: {@code public.t}, {@code "a" .t}.
   */
  private static final Pattern QUALIFIER =
      Pattern.compile(
          "(?<![\\w$\"])(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][\\w$]*))(?:\\s|/\\*.*?\\*/|--[^\\n]*\\n)*\\.(?!\\.)",
          Pattern.DOTALL);

  /** What changes where unqualified names go: the search path, or everything reset at once. */
  private static final Pattern SEARCH_PATH =
      Pattern.compile(
          "(?is)\\bsearch_path\\b|\\bSET\\s+(?:SESSION\\s+|LOCAL\\s+)?SCHEMA\\b|\\bRESET\\s+ALL\\b|\\bDISCARD\\s+ALL\\b");

  /**
   * A statement that drops, alters or renames whole schemas by name ({@code DROP SCHEMA IF EXISTS
   * public CASCADE}, as a {@code pg_dump --clean} or an install script that starts afresh has): run
   * in the live database it would lock every table of a live schema until the rollback.
   */
  private static final Pattern SCHEMA_STATEMENT =
      Pattern.compile("(?is)\\s*(?:DROP|ALTER)\\s+SCHEMA\\s+(?:IF\\s+EXISTS\\s+)?(.*)");

  /** A name in a list of schema names: bare or double-quoted. */
  private static final Pattern NAME = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][\\w$]*)");

  private final UnaryOperator<String> quote;

  PostgresScratchDatabase(UnaryOperator<String> quote) {
    this.quote = quote;
  }

  /**
   * Why {@code statements} need a database of their own, or empty when the scratch schema can hold
   * them: a change of the search path, or a name qualified by one of {@code liveSchemas}. Strings
   * and comments are searched too ({@code nextval('public.s'::regclass)} names a live sequence), so
   * a false alarm costs a scratch database and a missed name cannot happen for names written out.
   */
  static Optional<String> reason(List<String> statements, Set<String> liveSchemas) {
    for (String sql : statements) {
      Matcher path = SEARCH_PATH.matcher(sql);
      if (path.find()) {
        return Optional.of("it changes the search path (" + excerpt(sql) + ")");
      }
      Matcher schema = SCHEMA_STATEMENT.matcher(sql);
      if (schema.matches()) {
        Matcher names = NAME.matcher(schema.group(1));
        while (names.find()) {
          String name =
              names.group(1) != null
                  ? names.group(1).replace("\"\"", "\"")
                  : names.group(2).toLowerCase(Locale.ROOT);
          if (liveSchemas.contains(name)) {
            return Optional.of("it drops or alters the schema " + name + " (" + excerpt(sql) + ")");
          }
        }
      }
      if (sql.indexOf('.') < 0) {
        continue;
      }
      Matcher m = QUALIFIER.matcher(sql);
      while (m.find()) {
        String name =
            m.group(1) != null
                ? m.group(1).replace("\"\"", "\"")
                : m.group(2).toLowerCase(Locale.ROOT);
        if (liveSchemas.contains(name)) {
          return Optional.of("it names the schema " + name + " (" + excerpt(sql) + ")");
        }
      }
    }
    return Optional.empty();
  }

  private static String excerpt(String sql) {
    String line = sql.strip().replaceAll("\\s+", " ");
    return line.length() > 60 ? line.substring(0, 57) + "..." : line;
  }

  /**
   * The schemas of the database that objects can be made in, so that a qualified name in a schema
   * file may reach them: all but PostgreSQL's catalogs and temporary schemas.
   */
  static Set<String> liveSchemas(Connection live) throws SQLException {
    Set<String> names = new HashSet<>();
    try (Statement s = live.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname <> 'pg_catalog' "
                    + "AND nspname <> 'pg_toast' AND nspname NOT LIKE 'pg\\_temp\\_%' "
                    + "AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /**
   * Creates the scratch database beside the live one (same encoding and locale), loads it, inspects
   * the schema named like the live connection's current schema, and drops it.
   *
   * @param why the reason a database was needed, for the message when it cannot be created
   */
  Schema inspect(
      Connection live, ScratchLoader loader, Connector connector, String liveSchema, String why)
      throws SQLException {
    if (connector == null || !live.getAutoCommit()) {
      throw new SQLException(
          "the desired schema needs a scratch database because "
              + why
              + ", and this connection cannot make one; remove the schema names and search_path"
              + " changes from it");
    }
    String name = "retort_scratch_" + Long.toHexString(System.nanoTime());
    try (Statement s = live.createStatement()) {
      s.execute("CREATE DATABASE " + name + " TEMPLATE template0" + localeOf(live));
    } catch (SQLException e) {
      throw new SQLException(
          "the desired schema needs a scratch database because "
              + why
              + ", so that nothing in it reaches the live schemas; creating one failed ("
              + e.getMessage().replaceAll("\\s*\\R\\s*", " ")
              + "). Grant CREATEDB to the user Retort connects as, or remove the schema names"
              + " and search_path changes from the file",
          e.getSQLState(),
          e);
    }
    try {
      try (Connection scratch = connector.open(urlFor(live.getMetaData().getURL(), name))) {
        return load(scratch, loader, liveSchema);
      }
    } finally {
      try (Statement s = live.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name);
      }
    }
  }

  private Schema load(Connection scratch, ScratchLoader loader, String liveSchema)
      throws SQLException {
    scratch.setAutoCommit(false);
    try (Statement s = scratch.createStatement()) {
      // unqualified names land where they would in the live database
      s.execute("CREATE SCHEMA IF NOT EXISTS " + quote.apply(liveSchema));
      s.execute("SET search_path TO " + quote.apply(liveSchema));
      loader.load(scratch);
      s.execute("SET search_path TO " + quote.apply(liveSchema));
      return new PostgresInspector()
          .inspect(scratch, InspectOptions.excluding())
          .withUnmodelled(PostgresUnmodelled.read(scratch, Set.of(), liveSchema));
    } finally {
      scratch.rollback();
    }
  }

  /** The live database's encoding and locale, so that the copy sorts and compares the same. */
  private static String localeOf(Connection live) throws SQLException {
    boolean icu = live.getMetaData().getDatabaseMajorVersion() >= 15;
    try (Statement s = live.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_encoding_to_char(encoding), datcollate, datctype"
                    + (icu ? ", datlocprovider, daticulocale" : "")
                    + " FROM pg_catalog.pg_database WHERE datname = current_database()")) {
      rs.next();
      StringBuilder b =
          new StringBuilder(" ENCODING ")
              .append(literal(rs.getString(1)))
              .append(" LC_COLLATE ")
              .append(literal(rs.getString(2)))
              .append(" LC_CTYPE ")
              .append(literal(rs.getString(3)));
      if (icu && "i".equals(rs.getString(4))) {
        b.append(" LOCALE_PROVIDER icu ICU_LOCALE ").append(literal(rs.getString(5)));
      }
      return b.toString();
    }
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /**
   * {@code url} pointing at {@code database} instead: pgjdbc's {@code
   * jdbc:postgresql:[//host[:port][,host[:port]...]/][database][?properties]}.
   */
  static String urlFor(String url, String database) {
    String prefix = "jdbc:postgresql:";
    if (!url.startsWith(prefix)) {
      throw new IllegalArgumentException("not a PostgreSQL URL");
    }
    String rest = url.substring(prefix.length());
    int q = rest.indexOf('?');
    String query = q < 0 ? "" : rest.substring(q);
    String location = q < 0 ? rest : rest.substring(0, q);
    if (!location.startsWith("//")) {
      return prefix + database + query;
    }
    int slash = location.indexOf('/', 2);
    String authority = slash < 0 ? location : location.substring(0, slash);
    return prefix + authority + "/" + database + query;
  }
}
