package dev.retort.junit;

import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.RevisionInfo;
import dev.retort.RunResult;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The test's handle on its project's migrations and its database: moves the database along the
 * revision graph, reads it, and runs the kit's {@link #checks()}. A test method of a {@link
 * RetortTest} class takes it as a parameter; it is pytest-alembic's {@code alembic_runner}.
 *
 * <pre>{@code
 * @Test
 * void widensThePasswordWithoutLosingIt(RetortRunner retort) {
 *   retort.upgrade("1a2b3c4d5e6f");
 *   retort.execute("INSERT INTO users (id, email, password) VALUES (1, 'a@b.c', 'pw')");
 *   retort.upgrade("bc311ce7dcf8");
 *   assertEquals("pw", retort.query("SELECT password FROM users").get(0).get("password"));
 * }
 * }</pre>
 */
public final class RetortRunner {
  private final Settings settings;
  private final TestDatabase db;
  private final Hooks hooks;
  private final ClassLoader loader;
  private final List<String> progress = new ArrayList<>();
  private Retort retort;

  RetortRunner(Settings settings, TestDatabase db, Object testInstance, ClassLoader loader) {
    this.settings = settings;
    this.db = db;
    this.hooks = new Hooks(testInstance, this);
    this.loader = loader;
  }

  /**
   * A runner outside the extension, for a framework's test support: {@code testInstance} (may be
   * null) holds the {@link BeforeRevision} and {@link AfterRevision} methods.
   */
  public static RetortRunner create(Settings settings, TestDatabase database, Object testInstance) {
    ClassLoader loader =
        testInstance != null
            ? testInstance.getClass().getClassLoader()
            : Thread.currentThread().getContextClassLoader();
    return new RetortRunner(settings, database, testInstance, loader);
  }

  /** The settings this runner works with. */
  public Settings settings() {
    return settings;
  }

  /** The test database's JDBC URL. */
  public String url() {
    return db.url();
  }

  /**
   * The Retort facade over the project, pointed at the test database: the project's settings (its
   * {@code retort.properties}, {@code .env}, {@code RETORT_*}), the test's overrides, and the
   * database's URL whatever the project says.
   */
  public Retort retort() {
    if (retort == null) {
      Path dir = settings.project().toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException(
            "project directory "
                + dir
                + " does not exist; @RetortTest("
                + "project = ...) is relative to the working directory "
                + Path.of("").toAbsolutePath());
      }
      RetortConfig.Builder b =
          Retort.configure()
              .projectDir(dir)
              .url(db.url())
              .lockTimeout(Duration.ofSeconds(60))
              .classLoader(loader)
              .progress(progress::add);
      db.user().ifPresent(b::user);
      db.password().ifPresent(b::password);
      settings.migrations().ifPresent(b::migrations);
      settings.schema().ifPresent(b::schema);
      retort = b.load();
    }
    return retort;
  }

  /** The lines of progress the migrations run so far printed, for a failure's message. */
  List<String> progress() {
    return progress;
  }

  /** The kit's checks, over this runner. */
  public MigrationChecks checks() {
    return new MigrationChecks(this);
  }

  /** Applies migrations up to {@code target}, as {@code retort upgrade TARGET}. */
  public RunResult upgrade(String target) {
    return retort().upgrade(target);
  }

  /** Un-applies migrations down to {@code target}, as {@code retort downgrade TARGET}. */
  public RunResult downgrade(String target) {
    return retort().downgrade(target);
  }

  /** The version rows: the applied heads; empty at base. */
  public Set<String> current() {
    return retort().current();
  }

  /**
   * Every revision, each after the revisions it revises and depends on: the order the checks walk
   * the history in.
   */
  public List<RevisionInfo> revisions() {
    return Walk.upgradeOrder(retort());
  }

  /** The database's schema as Retort reads it, without its own tables. */
  public Schema schema() {
    return retort().inspect();
  }

  /**
   * Empties the database: a database the kit made is made anew, one it was given is downgraded to
   * base (and must then hold no table).
   */
  public void reset() {
    if (!db.recreate()) {
      if (!current().isEmpty() || !retort().dirty().isEmpty()) {
        downgrade("base");
      }
      Schema left = schema();
      if (!left.tables().isEmpty()) {
        throw new AssertionError(
            "the test database "
                + url()
                + " is not empty at base: it holds "
                + left.tables().stream().map(t -> t.name().toString()).sorted().toList()
                + "; give the kit an empty database (or none, and it makes one)");
      }
    }
    retort = null; // the facade of a database made anew starts afresh
  }

  /** A new connection to the test database; the caller closes it. */
  public Connection connect() throws SQLException {
    Properties props = new Properties();
    db.user().ifPresent(u -> props.setProperty("user", u));
    db.password().ifPresent(p -> props.setProperty("password", p));
    return DriverManager.getConnection(db.url(), props);
  }

  /** Runs one statement with {@code params} bound to its {@code ?}s, in autocommit. */
  public int execute(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.execute() ? 0 : ps.getUpdateCount();
    } catch (SQLException e) {
      throw new AssertionError("the statement failed: " + sql + "\n  " + e.getMessage(), e);
    }
  }

  /**
   * Inserts one row, its columns in the order of {@code row}'s iteration. The table ({@code name}
   * or {@code schema.name}) and column names are quoted as the database needs ({@code "user"} on
   * PostgreSQL), so one test serves every database.
   */
  public void insert(String table, Map<String, ?> row) {
    Dialect dialect = Dialects.forUrl(db.url());
    List<String> names = new ArrayList<>(row.keySet());
    String sql =
        "INSERT INTO "
            + dialect.quote(QualifiedName.parse(table))
            + " ("
            + String.join(", ", names.stream().map(dialect::quote).toList())
            + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(names.size(), "?"))
            + ")";
    execute(sql, names.stream().map(row::get).toArray());
  }

  /** The rows of a query, each a map from column label (lower case) to value, in column order. */
  public List<Map<String, Object>> query(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError("the query failed: " + sql + "\n  " + e.getMessage(), e);
    }
  }

  Hooks hooks() {
    return hooks;
  }

  Optional<String> minimumDowngradeRevision() {
    return settings.minimumDowngradeRevision();
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }
}
