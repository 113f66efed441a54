package dev.retort.dialect.sqlite;

import dev.retort.dialect.Capabilities;
import dev.retort.dialect.Catalog;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.MigrationLock;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * SQLite 3.35 and later, for URLs starting with {@code jdbc:sqlite:}.
 *
 * <p>DDL is transactional. ALTER TABLE can only rename and add columns, so other changes rebuild
 * the table ({@link SqliteTableRebuild}) from the live table, which an offline ({@code --sql}) run
 * cannot read. Around each step, foreign key enforcement is switched off so that a rebuild does not
 * cascade, and the keys are checked before the commit.
 */
public final class SqliteDialect implements Dialect {

  private static final Capabilities CAPABILITIES = new Capabilities(true, false, false);

  private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_$]*");

  /**
   * SQLite's keywords (https://www.sqlite.org/lang_keywords.html), plus TRUE and FALSE, which an
   * unquoted name would be read as when no such column exists.
   */
  static final Set<String> KEYWORDS =
      Set.of(
          """
          abort action add after all alter always analyze and as asc attach autoincrement before
          begin between by cascade case cast check collate column commit conflict constraint
          create cross current current_date current_time current_timestamp database default
          deferrable deferred delete desc detach distinct do drop each else end escape except
          exclude exclusive exists explain fail filter first following for foreign from full
          generated glob group groups having if ignore immediate in index indexed initially inner
          insert instead intersect into is isnull join key last left like limit match materialized
          natural no not nothing notnull null nulls of offset on or order others outer over
          partition plan pragma preceding primary query raise range recursive references regexp
          reindex release rename replace restrict returning right rollback row rows savepoint
          select set table temp temporary then ties to transaction trigger unbounded union unique
          update using vacuum values view virtual when where window with without true false
          """
              .strip()
              .split("\\s+"));

  /** Each connection's foreign_keys setting from before the step, restored after it. */
  private final Map<Connection, Boolean> foreignKeysBefore =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Creates the dialect; {@link dev.retort.dialect.Dialects} does this for {@code jdbc:sqlite:}
   * URLs.
   */
  public SqliteDialect() {}

  @Override
  public String name() {
    return "sqlite";
  }

  /** The driver the retort command ships. */
  @Override
  public java.util.Optional<String> driverClass() {
    return java.util.Optional.of("org.sqlite.JDBC");
  }

  @Override
  public boolean accepts(String jdbcUrl) {
    return jdbcUrl != null && jdbcUrl.startsWith("jdbc:sqlite:");
  }

  /** Transactional DDL; columns and constraints change by table rebuild; no schemas. */
  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * A renderer that rebuilds tables from {@code catalog}; with {@link Catalog#NONE} it renders
   * in-place changes and refuses rebuilds with a message saying why.
   */
  @Override
  public Renderer renderer(Catalog catalog) {
    return new SqliteRenderer(this, catalog);
  }

  /**
   * Reads tables, and the triggers and views a rebuild must recreate, through {@code connection}.
   */
  @Override
  public Catalog catalog(Connection connection) {
    return new SqliteCatalog(connection, this);
  }

  @Override
  public dev.retort.diff.Normalizer normalizer() {
    return new SqliteNormalizer();
  }

  @Override
  public dev.retort.inspect.Inspector inspector() {
    return new SqliteInspector(this);
  }

  /**
   * An in-memory database, gone when its connection closes; each view and trigger is compiled as
   * soon as it is created ({@link SqliteScratchCheck}), which SQLite leaves until first use.
   */
  @Override
  public dev.retort.schema.Schema inspectScratch(
      Connection live, dev.retort.inspect.ScratchLoader loader) throws SQLException {
    try (Connection scratch = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
      SqliteScratchCheck check = new SqliteScratchCheck(scratch);
      loader.load(check.connection());
      check.finish();
      return new SqliteInspector(this)
          .inspect(scratch, dev.retort.inspect.InspectOptions.excluding());
    }
  }

  /** An OS file lock beside the database file. */
  @Override
  public MigrationLock lock() {
    return new SqliteLock();
  }

  /** Same rule as PostgreSQL with SQLite's keywords: bare only for lower-case non-keywords. */
  @Override
  public String quote(String identifier) {
    return quoteIdentifier(identifier);
  }

  static String quoteIdentifier(String identifier) {
    return dev.retort.dialect.Literals.identifier(identifier, BARE, KEYWORDS, '"');
  }

  /** NULL, numbers and TRUE/FALSE bare, byte arrays as X'..' blobs, the rest a quoted string. */
  @Override
  public String literal(Object value) {
    return dev.retort.dialect.Literals.standard(
        value, bytes -> "X'" + HexFormat.of().formatHex(bytes) + "'");
  }

  /**
   * The version and history tables; {@code started_at} holds ISO-8601 text, SQLite's own date
   * format (https://www.sqlite.org/lang_datefunc.html), and {@code success} 0 or 1.
   */
  @Override
  public List<Sql> createVersionTables(QualifiedName versionTable, QualifiedName historyTable) {
    return List.of(
        Sql.of(
            "CREATE TABLE IF NOT EXISTS "
                + quote(versionTable)
                + " (version_num VARCHAR(64) NOT NULL PRIMARY KEY)"),
        Sql.of(
            "CREATE TABLE IF NOT EXISTS "
                + quote(historyTable)
                + " ("
                + "id INTEGER PRIMARY KEY AUTOINCREMENT, "
                + "revision VARCHAR(64) NOT NULL, "
                + "direction VARCHAR(8) NOT NULL, "
                + "checksum VARCHAR(64), "
                + "started_at TEXT NOT NULL, "
                + "duration_ms BIGINT NOT NULL, "
                + "who VARCHAR(255) NOT NULL, "
                + "success BOOLEAN NOT NULL, "
                + "failed_statement INTEGER, "
                + "message TEXT, "
                + "statement_sums TEXT)"));
  }

  /**
   * Remembers {@code PRAGMA foreign_keys} and switches enforcement off. With enforcement on,
   * dropping a parent table during a rebuild deletes its rows first and fires ON DELETE CASCADE in
   * the children (https://www.sqlite.org/foreignkeys.html, section 5). The pragma is a no-op inside
   * a transaction, so this must run in autocommit, before the step's transaction begins.
   */
  @Override
  public void beforeStep(Connection connection) throws SQLException {
    boolean enabled = foreignKeys(connection);
    foreignKeysBefore.put(connection, enabled);
    if (enabled) {
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA foreign_keys = OFF");
      }
      if (foreignKeys(connection)) {
        throw new SQLException(
            "Cannot switch SQLite foreign key enforcement off: the connection "
                + "is inside a transaction, where PRAGMA foreign_keys has no effect; call beforeStep "
                + "in autocommit mode");
      }
    }
  }

  /**
   * Fails the step when a foreign key dangles ({@code PRAGMA foreign_key_check}), listing the
   * offending rows, so that a rebuild cannot commit what enforcement would have refused.
   */
  @Override
  public void beforeCommit(Connection connection) throws SQLException {
    List<String> problems = new ArrayList<>();
    int total = 0;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
      while (rs.next()) {
        total++;
        if (problems.size() < 20) {
          String rowid = rs.getString("rowid");
          problems.add(
              String.format(
                  Locale.ROOT,
                  "%s row %s references missing row in %s%s",
                  rs.getString("table"),
                  rowid == null ? "(WITHOUT ROWID)" : "rowid " + rowid,
                  rs.getString("parent"),
                  describeKey(connection, rs.getString("table"), rs.getInt("fkid"))));
        }
      }
    }
    if (total > 0) {
      throw new SQLException(
          "Foreign key check failed: "
              + total
              + " row(s) reference rows that "
              + "do not exist"
              + (total > problems.size() ? " (first " + problems.size() + " shown)" : "")
              + ":\n  "
              + String.join("\n  ", problems));
    }
  }

  /**
   * An SQLite database file that did not exist before connecting, and is still empty afterwards,
   * was made by connecting alone: it and its lock file go, so that a refused run leaves nothing.
   */
  @Override
  public Runnable forgetUnusedConnect(String url) {
    java.util.Optional<java.nio.file.Path> file = SqliteLock.databaseFile(url);
    if (file.isEmpty() || java.nio.file.Files.exists(file.get())) {
      return () -> {};
    }
    java.nio.file.Path db = file.get();
    return () -> {
      try {
        if (java.nio.file.Files.isRegularFile(db) && java.nio.file.Files.size(db) == 0) {
          java.nio.file.Files.delete(db);
          java.nio.file.Path lock = SqliteLock.lockFile(db);
          if (java.nio.file.Files.isRegularFile(lock) && java.nio.file.Files.size(lock) == 0) {
            java.nio.file.Files.delete(lock);
          }
        }
      } catch (java.io.IOException e) {
        // an empty file left behind is untidy, not wrong: the next run uses it
      }
    };
  }

  /** Restores the foreign_keys setting remembered by {@link #beforeStep}. */
  @Override
  public void afterStep(Connection connection) throws SQLException {
    Boolean enabled = foreignKeysBefore.remove(connection);
    if (Boolean.TRUE.equals(enabled)) {
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA foreign_keys = ON");
      }
    }
  }

  private static boolean foreignKeys(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
      return rs.next() && rs.getInt(1) == 1;
    }
  }

  /** " (a, b) -> parent (x, y)" for the foreign key numbered {@code id} of {@code table}. */
  private static String describeKey(Connection connection, String table, int id)
      throws SQLException {
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    try (var st =
        connection.prepareStatement(
            "SELECT \"from\", \"to\" FROM pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq")) {
      st.setString(1, table);
      st.setInt(2, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          from.add(rs.getString(1));
          to.add(String.valueOf(rs.getString(2)));
        }
      }
    }
    return from.isEmpty()
        ? ""
        : " via (" + String.join(", ", from) + ") -> (" + String.join(", ", to) + ")";
  }
}
