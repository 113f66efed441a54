package dev.retort.dialect.mysql;

import dev.retort.dialect.Capabilities;
import dev.retort.dialect.Catalog;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.MigrationLock;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MySQL 8 and MariaDB 10.6 and later, for URLs starting with {@code jdbc:mysql:} or {@code
 * jdbc:mariadb:}.
 *
 * <p>DDL is not transactional: every DDL statement commits implicitly (MySQL 8.0 Reference Manual,
 * "Statements That Cause an Implicit Commit"), so a failed step leaves the statements before it
 * applied. MySQL restates a whole column to change it, so the renderer reads what an {@code
 * alterColumn} does not say from the live table ({@link #catalog(Connection)}); offline it asks for
 * the existing values instead. The few differences between MariaDB and MySQL are decided from the
 * server's version, read through the same catalog; offline, the spelling both accept is used. Runs
 * are serialised by a named lock ({@code GET_LOCK}), see {@link #lock()}.
 */
public final class MySqlDialect implements Dialect {

  private static final Capabilities CAPABILITIES = new Capabilities(false, false, true);

  /** Names that need no backticks ("Schema Object Names"), unless they are reserved words. */
  private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  /**
   * Words that cannot be bare names: those marked (R) in "Keywords and Reserved Words" of the MySQL
   * 8.0 Reference Manual, the additions in MariaDB's "Reserved Words" (CURRENT_ROLE, OFFSET,
   * RETURNING, ROWNUM, ...), and a few words that are reserved in some sql_modes or read
   * differently where they stand (USER, TIMESTAMP). MySqlRenderIT checks that the server refuses
   * none of the names this set leaves bare.
   */
  static final Set<String> RESERVED =
      Set.of(
          """
          accessible add all alter analyze and as asc asensitive before between bigint binary blob
          both by call cascade case change char character check collate column condition
          constraint continue convert create cross cube cume_dist current_date current_role
          current_time current_timestamp current_user cursor database databases day_hour
          day_microsecond day_minute day_second dec decimal declare default delayed delete
          delete_domain_id dense_rank desc describe deterministic distinct distinctrow div
          do_domain_ids double drop dual each else elseif empty enclosed escaped except exists
          exit explain false fetch first_value float float4 float8 for force foreign from fulltext
          function general generated get grant group grouping groups having high_priority
          hour_microsecond hour_minute hour_second if ignore ignore_domain_ids ignore_server_ids
          in index infile inner inout insensitive insert int int1 int2 int3 int4 int8 integer
          intersect interval into io_after_gtids io_before_gtids is iterate join json_table key
          keys kill lag last_value lateral lead leading leave left like limit linear lines load
          localtime localtimestamp lock long longblob longtext loop low_priority master_bind
          master_demote_to_replica master_demote_to_slave master_heartbeat_period
          master_ssl_verify_server_cert match maxvalue mediumblob mediumint mediumtext middleint
          minus minute_microsecond minute_second mod modifies natural not no_write_to_binlog
          nth_value ntile null numeric of offset on optimize optimizer_costs option optionally or
          order out outer outfile over page_checksum parse_vcol_expr partition percent_rank
          portion position precision primary procedure purge range rank read read_write reads real
          recursive ref_system_id references regexp release rename repeat replace require resignal
          restrict return returning revoke right rlike row row_number rownum rows schema schemas
          second_microsecond select sensitive separator set show signal slow smallint spatial
          specific sql sql_big_result sql_calc_found_rows sql_small_result sqlexception sqlstate
          sqlwarning ssl starting stats_auto_recalc stats_persistent stats_sample_pages stored
          straight_join system table terminated then timestamp tinyblob tinyint tinytext to
          trailing trigger true undo union unique unlock unsigned update usage use user using
          utc_date utc_time utc_timestamp values varbinary varchar varcharacter varying virtual
          when where while window with write xor year_month zerofill
          """
              .strip()
              .split("\\s+"));

  /**
   * In a holder: {@link Dialects} makes every dialect to find the URL's, and initialising {@code
   * DateTimeFormatter} (its standard formatters) is not free on a PostgreSQL run.
   */
  private static final class Instants {
    static final DateTimeFormatter INSTANT =
        DateTimeFormatter.ofPattern("''yyyy-MM-dd HH:mm:ss.SSSSSS''", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
  }

  /**
   * Creates the dialect; {@link dev.retort.dialect.Dialects} does this for MySQL and MariaDB URLs.
   */
  public MySqlDialect() {}

  @Override
  public dev.retort.dialect.Sql.Lexis lexis() {
    return dev.retort.dialect.Sql.Lexis.MYSQL;
  }

  @Override
  public String name() {
    return "mysql";
  }

  /**
   * The driver the retort command ships (a {@code jdbc:mysql:} URL it declines goes to {@code
   * DriverManager}, e.g. MySQL Connector/J).
   */
  @Override
  public java.util.Optional<String> driverClass() {
    return java.util.Optional.of("org.mariadb.jdbc.Driver");
  }

  /** {@code jdbc:mysql:} (MySQL Connector/J) and {@code jdbc:mariadb:} (MariaDB Connector/J). */
  @Override
  public boolean accepts(String jdbcUrl) {
    return jdbcUrl != null
        && (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:"));
  }

  /**
   * No transactional DDL; columns and constraints change in place; no schemas, because a MySQL
   * "schema" is a database ("CREATE SCHEMA is a synonym for CREATE DATABASE").
   */
  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * A renderer for the server behind {@code catalog} when it is this dialect's live catalog;
   * otherwise (offline, or a catalog from elsewhere) one that writes the spelling MariaDB 10.6+ and
   * MySQL 8.0.19+ share, and looks tables up in {@code catalog} all the same.
   */
  @Override
  public Renderer renderer(Catalog catalog) {
    MySqlServer server =
        catalog instanceof MySqlCatalog live ? live.server() : MySqlServer.PORTABLE;
    return new MySqlRenderer(this, catalog, server);
  }

  /** Reads tables from {@code information_schema} of the connection's current database. */
  @Override
  public Catalog catalog(Connection connection) {
    return new MySqlCatalog(connection);
  }

  @Override
  public dev.retort.diff.Normalizer normalizer() {
    return new MySqlNormalizer();
  }

  @Override
  public dev.retort.inspect.Inspector inspector() {
    return new MySqlInspector();
  }

  /**
   * A scratch database beside the real one, dropped afterwards: MySQL has no transactional DDL to
   * roll a temporary schema back, so the copy is a database of its own (the user needs the right to
   * create one). The statements are kept inside it ({@link MySqlScratchGuard}).
   */
  @Override
  public dev.retort.schema.Schema inspectScratch(
      java.sql.Connection live, dev.retort.inspect.ScratchLoader loader)
      throws java.sql.SQLException {
    String home = live.getCatalog();
    String scratch = "retort_scratch_" + Long.toHexString(System.nanoTime());
    java.util.Set<String> databases = new java.util.HashSet<>();
    try (java.sql.Statement s = live.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")) {
      while (rs.next()) {
        databases.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    try (java.sql.Statement s = live.createStatement()) {
      s.execute("CREATE DATABASE " + scratch + " DEFAULT CHARACTER SET utf8mb4");
    }
    Object[] session = sessionSettings(live);
    try {
      live.setCatalog(scratch);
      loader.load(new MySqlScratchGuard(home, scratch, databases).wrap(live));
      return new MySqlInspector().inspect(live, dev.retort.inspect.InspectOptions.excluding());
    } finally {
      try (java.sql.Statement s = live.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + scratch);
      } finally {
        live.setCatalog(home);
        restore(live, session);
      }
    }
  }

  /**
   * The session variables a dump sets for its own load ({@code mariadb-dump} writes {@code SET
   * FOREIGN_KEY_CHECKS=0}, {@code SQL_MODE}, {@code TIME_ZONE}, {@code character_set_client}, and
   * puts them back at its end, if it gets there), which the scratch copy shares with the live
   * connection: they are read before the load and put back after it.
   */
  private static final String[] SESSION_VARIABLES = {
    "sql_mode",
    "foreign_key_checks",
    "unique_checks",
    "time_zone",
    "sql_notes",
    "innodb_strict_mode",
    "character_set_client",
    "character_set_results",
    "collation_connection"
  };

  private static Object[] sessionSettings(java.sql.Connection c) throws java.sql.SQLException {
    StringBuilder q = new StringBuilder("SELECT ");
    for (int i = 0; i < SESSION_VARIABLES.length; i++) {
      q.append(i == 0 ? "" : ", ").append("@@SESSION.").append(SESSION_VARIABLES[i]);
    }
    try (java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery(q.toString())) {
      rs.next();
      Object[] values = new Object[SESSION_VARIABLES.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = rs.getObject(i + 1);
      }
      return values;
    }
  }

  private static void restore(java.sql.Connection c, Object[] values) throws java.sql.SQLException {
    StringBuilder q = new StringBuilder("SET ");
    for (int i = 0; i < SESSION_VARIABLES.length; i++) {
      q.append(i == 0 ? "" : ", ").append("SESSION ").append(SESSION_VARIABLES[i]).append(" = ?");
    }
    try (java.sql.PreparedStatement ps = c.prepareStatement(q.toString())) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      ps.execute();
    }
  }

  /** A named lock, {@code GET_LOCK}, polled; it is released when the session ends. */
  @Override
  public MigrationLock lock() {
    return new MySqlLock();
  }

  /**
   * Leaves {@code [A-Za-z_][A-Za-z0-9_$]*} names that are not reserved words bare (MySQL keeps the
   * case of names as written); puts anything else in backticks, doubling embedded ones.
   */
  @Override
  public String quote(String identifier) {
    if (BARE.matcher(identifier).matches()
        && !RESERVED.contains(identifier.toLowerCase(Locale.ROOT))) {
      return identifier;
    }
    return '`' + identifier.replace("`", "``") + '`';
  }

  /**
   * NULL, finite numbers and TRUE/FALSE bare; byte arrays as {@code X'..'}; an {@link Instant} as a
   * {@code datetime(6)} literal in UTC; anything else a string with {@code '} doubled and {@code \}
   * doubled, since MySQL reads backslash escapes in strings unless the sql_mode has
   * NO_BACKSLASH_ESCAPES ("String Literals"). A script for a server with that mode must not use
   * backslashes in literals.
   */
  @Override
  public String literal(Object value) {
    return literal(value, MySqlServer.PORTABLE);
  }

  String literal(Object value, MySqlServer server) {
    Optional<String> plain = dev.retort.dialect.Literals.unquoted(value);
    if (plain.isPresent()) {
      return plain.get();
    }
    if (value instanceof byte[] bytes) {
      return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
    if (value instanceof Instant instant) {
      return Instants.INSTANT.format(instant);
    }
    String text = value.toString();
    if (!server.noBackslashEscapes()) {
      text = text.replace("\\", "\\\\");
    }
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * The version table ({@code version_num}, one row per applied head) and the history table (one
   * row per step), in InnoDB with utf8mb4 whatever the server's defaults, so that a long revision
   * message in any script fits and the tables survive a crash.
   */
  @Override
  public List<Sql> createVersionTables(QualifiedName versionTable, QualifiedName historyTable) {
    return List.of(
        Sql.of(
            "CREATE TABLE IF NOT EXISTS "
                + quote(versionTable)
                + " (version_num varchar(64) NOT NULL PRIMARY KEY)"
                + MySqlRenderer.TABLE_OPTIONS),
        Sql.of(
            "CREATE TABLE IF NOT EXISTS "
                + quote(historyTable)
                + " ("
                + "id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "revision varchar(64) NOT NULL, "
                + "direction varchar(8) NOT NULL, "
                + "checksum varchar(64), "
                + "started_at datetime(6) NOT NULL, "
                + "duration_ms bigint NOT NULL, "
                + "who varchar(255) NOT NULL, "
                + "success boolean NOT NULL, "
                + "failed_statement integer, "
                + "message text, "
                + "statement_sums text)"
                + MySqlRenderer.TABLE_OPTIONS));
  }
}
