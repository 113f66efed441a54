package dev.retort.dialect.postgres;

import dev.retort.dialect.Capabilities;
import dev.retort.dialect.Catalog;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.MigrationLock;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL 12 and later, for URLs starting with {@code jdbc:postgresql:}.
 *
 * <p>DDL is transactional, so a failed migration rolls back whole; runs are serialised by a
 * session-level advisory lock ({@link PostgresLock}). Rendering needs no catalog.
 */
public final class PostgresDialect implements Dialect {

  private static final Capabilities CAPABILITIES = new Capabilities(true, true, true);

  /** Lower-case unquoted identifiers are folded to lower case anyway, so they need no quotes. */
  private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_$]*");

  /**
   * The keywords PostgreSQL reserves, which cannot be bare column or table names: those marked
   * "reserved" and "reserved (can be function or type)" in Appendix C, "SQL Key Words", of the
   * PostgreSQL 16 manual (https://www.postgresql.org/docs/16/sql-keywords-appendix.html).
   * PostgresKeywordsIT checks this set against the server's {@code pg_get_keywords()}.
   */
  static final Set<String> RESERVED =
      Set.of(
          """
          all analyse analyze and any array as asc asymmetric authorization binary both case cast
          check collate collation column concurrently constraint create cross current_catalog
          current_date current_role current_schema current_time current_timestamp current_user
          default deferrable desc distinct do else end except false fetch for foreign freeze from
          full grant group having ilike in initially inner intersect into is isnull join lateral
          leading left like limit localtime localtimestamp natural not notnull null offset on only
          or order outer overlaps placing primary references returning right select session_user
          similar some symmetric system_user table tablesample then to trailing true union unique
          user using variadic verbose when where window with
          """
              .strip()
              .split("\\s+"));

  /**
   * Creates the dialect; {@link dev.retort.dialect.Dialects} does this for {@code jdbc:postgresql:}
   * URLs.
   */
  public PostgresDialect() {}

  @Override
  public dev.retort.dialect.Sql.Lexis lexis() {
    return dev.retort.dialect.Sql.Lexis.POSTGRES;
  }

  @Override
  public String name() {
    return "postgresql";
  }

  /** {@code to_regclass}: one index lookup instead of pgjdbc's catalog query for getTables. */
  @Override
  public java.util.Optional<dev.retort.dialect.Sql> tableExistsQuery(QualifiedName table) {
    return java.util.Optional.of(
        new dev.retort.dialect.Sql(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = to_regclass(?) AND relkind IN ('r', 'p'))",
            java.util.List.of(quote(table))));
  }

  /** The driver the retort command ships. */
  @Override
  public java.util.Optional<String> driverClass() {
    return java.util.Optional.of("org.postgresql.Driver");
  }

  @Override
  public boolean accepts(String jdbcUrl) {
    return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
  }

  /** Transactional DDL, in-place ALTER for columns and constraints, named schemas. */
  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** A renderer; PostgreSQL can make every change in place, so it never consults the catalog. */
  @Override
  public Renderer renderer(Catalog catalog) {
    return new PostgresRenderer(this);
  }

  /** {@link Catalog#NONE}: the PostgreSQL renderer needs no lookups. */
  @Override
  public Catalog catalog(Connection connection) {
    return Catalog.NONE;
  }

  @Override
  public Optional<String> transactionMillisSql() {
    return Optional.of(
        "CAST(EXTRACT(EPOCH FROM clock_timestamp() - transaction_timestamp()) * 1000 AS bigint)");
  }

  /** A session-level advisory lock, polled with {@code pg_try_advisory_lock}. */
  @Override
  public MigrationLock lock() {
    return new PostgresLock();
  }

  /**
   * Leaves {@code [a-z_][a-z0-9_$]*} names that are not reserved words bare; double-quotes anything
   * else (upper case, spaces, non-ASCII, keywords), doubling embedded quotes.
   */
  @Override
  public String quote(String identifier) {
    return dev.retort.dialect.Literals.identifier(identifier, BARE, RESERVED, '"');
  }

  /**
   * NULL, numbers and booleans bare, byte arrays as {@code '\x..'} bytea input, everything else
   * (NaN and infinities too, which PostgreSQL reads from text) a standard string with quotes
   * doubled. Backslashes need no escaping because {@code standard_conforming_strings} is on by
   * default since PostgreSQL 9.1.
   */
  @Override
  public String literal(Object value) {
    return dev.retort.dialect.Literals.standard(
        value, bytes -> "'\\x" + HexFormat.of().formatHex(bytes) + "'");
  }

  /**
   * The version table ({@code version_num}, one row per applied head) and the history table (one
   * row per step; {@code direction} is {@code up}, {@code down} or {@code stamp}).
   */
  // Statements PostgreSQL refuses inside a transaction block ("cannot run inside a transaction
  // block"): CREATE/DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY, VACUUM, CREATE/DROP
  // DATABASE,
  // ALTER SYSTEM. Leading comments are skipped.
  private static final java.util.regex.Pattern NO_TRANSACTION =
      java.util.regex.Pattern.compile(
          "(?is)^(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*(?:(?:CREATE\\s+(?:UNIQUE\\s+)?|DROP\\s+)INDEX\\s+CONCURRENTLY"
              + "|REINDEX\\b.*\\bCONCURRENTLY\\b|VACUUM\\b|(?:CREATE|DROP)\\s+DATABASE\\b|ALTER\\s+SYSTEM\\b).*");

  private static String currentSchema(java.sql.Connection c) throws java.sql.SQLException {
    try (java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT current_schema()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public dev.retort.diff.Normalizer normalizer() {
    return new PostgresNormalizer();
  }

  @Override
  public dev.retort.inspect.Inspector inspector() {
    return new PostgresInspector();
  }

  /**
   * The scratch schema below, unless the statements name the live database's schemas or change the
   * search path ({@code pg_dump}'s output does both): then a scratch database of their own ({@link
   * PostgresScratchDatabase}), whose schema named like the live current schema is inspected.
   */
  @Override
  public dev.retort.schema.Schema inspectScratch(
      java.sql.Connection live,
      dev.retort.inspect.ScratchLoader loader,
      List<String> statements,
      dev.retort.inspect.Connector connector)
      throws java.sql.SQLException {
    Optional<String> why =
        PostgresScratchDatabase.reason(statements, PostgresScratchDatabase.liveSchemas(live));
    if (why.isEmpty()) {
      return inspectScratch(live, loader);
    }
    return new PostgresScratchDatabase(this::quote)
        .inspect(
            live,
            loader,
            connector,
            Optional.ofNullable(currentSchema(live)).orElse("public"),
            why.get());
  }

  /**
   * A temporary schema inside a transaction that is rolled back: the desired schema's unqualified
   * names land there (search_path), are inspected, and vanish with the rollback.
   */
  @Override
  public dev.retort.schema.Schema inspectScratch(
      java.sql.Connection live, dev.retort.inspect.ScratchLoader loader)
      throws java.sql.SQLException {
    boolean autoCommit = live.getAutoCommit();
    String scratch = "retort_scratch_" + Long.toHexString(System.nanoTime());
    String liveSchema = currentSchema(live);
    live.setAutoCommit(false);
    try (java.sql.Statement s = live.createStatement()) {
      s.execute("CREATE SCHEMA " + scratch);
      s.execute("SET LOCAL search_path TO " + scratch);
      java.util.Set<String> schemasBefore = PostgresUnmodelled.schemas(live);
      PostgresScratchExtensions extensions =
          new PostgresScratchExtensions(live, this::quote, scratch, liveSchema);
      loader.load(extensions.wrap());
      // a statement that ended the transaction (COMMIT, a function that commits) would leave the
      // copy behind and the inspection reading the real schema: refuse rather than compare wrongly
      try (java.sql.ResultSet rs = s.executeQuery("SELECT current_schema()")) {
        rs.next();
        if (!scratch.equals(rs.getString(1))) {
          throw new java.sql.SQLException(
              "the desired schema ended the scratch copy's transaction; "
                  + "remove transaction control (BEGIN/COMMIT) from it");
        }
      }
      return extensions
          .addTo(
              new PostgresInspector().inspect(live, dev.retort.inspect.InspectOptions.excluding()))
          .withUnmodelled(PostgresUnmodelled.read(live, schemasBefore, liveSchema));
    } finally {
      live.rollback();
      live.setAutoCommit(autoCommit);
      try (java.sql.Statement s = live.createStatement()) {
        s.execute(
            "DROP SCHEMA IF EXISTS " + scratch + " CASCADE"); // gone already, unless committed
      }
    }
  }

  /**
   * Before PostgreSQL 12, {@code ALTER TYPE ... ADD VALUE} cannot run inside a transaction block
   * (release notes of 12); an unknown version (offline) is treated as old, which is safe on both.
   */
  @Override
  public boolean requiresAutocommit(dev.retort.ops.Op op, int serverMajorVersion) {
    return requiresAutocommit(op)
        || op instanceof dev.retort.ops.AddEnumValue && serverMajorVersion < 12;
  }

  @Override
  public boolean requiresAutocommit(dev.retort.ops.Op op) {
    return op instanceof dev.retort.ops.CreateIndex ci && ci.concurrently()
        || op instanceof dev.retort.ops.DropIndex di && di.concurrently()
        || op instanceof dev.retort.ops.ExecuteSql sql
            && NO_TRANSACTION.matcher(sql.sql()).matches();
  }

  @Override
  public List<Sql> createVersionTables(QualifiedName versionTable, QualifiedName historyTable) {
    return List.of(
        Sql.of(
            "CREATE TABLE IF NOT EXISTS "
                + quote(versionTable)
                + " (version_num varchar(64) NOT NULL PRIMARY KEY)"),
        Sql.of(
            "CREATE TABLE IF NOT EXISTS "
                + quote(historyTable)
                + " ("
                + "id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                + "revision varchar(64) NOT NULL, "
                + "direction varchar(8) NOT NULL, "
                + "checksum varchar(64), "
                + "started_at timestamp with time zone NOT NULL, "
                + "duration_ms bigint NOT NULL, "
                + "who varchar(255) NOT NULL, "
                + "success boolean NOT NULL, "
                + "failed_statement integer, "
                + "message text, "
                + "statement_sums text)"));
  }
}
