package dev.retort;

import dev.retort.codegen.JavaMigrationWriter;
import dev.retort.codegen.MigrationTemplates;
import dev.retort.codegen.SqlMigrationWriter;
import dev.retort.dialect.Catalog;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.diff.DiffOptions;
import dev.retort.diff.DiffResult;
import dev.retort.diff.Differ;
import dev.retort.inspect.InspectOptions;
import dev.retort.ops.Op;
import dev.retort.runtime.DesiredSchema;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.dialect.Dialects;
import dev.retort.error.DatabaseException;
import dev.retort.error.RetortException;
import dev.retort.error.UsageException;
import dev.retort.runtime.Plan;
import dev.retort.runtime.Planner;
import dev.retort.runtime.Runner;
import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import dev.retort.script.ScriptStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Retort as a library: the same operations as the command line, returning values. An application
 * that migrates at start-up:
 *
 * <pre>{@code
 * Runner.Result r = Retort.configure()
 *     .url("jdbc:postgresql://localhost/app")
 *     .user("app").password(System.getenv("DB_PASSWORD"))
 *     .migrations("src/main/resources/migrations")
 *     .load()
 *     .upgrade("heads");
 * log.info("database at {}", r.after());
 * }</pre>
 */
public final class Retort {
  private final RetortConfig config;
  private ScriptStore store;

  Retort(RetortConfig config) {
    this.config = config;
  }

  /** Starts a configuration. */
  public static RetortConfig.Builder configure() {
    return new RetortConfig.Builder();
  }

  /** A facade over a finished configuration. */
  public static Retort of(RetortConfig config) {
    return new Retort(config);
  }

  public RetortConfig config() {
    return config;
  }

  /** The revision graph of the migrations directory (headers only, nothing compiled). */
  public RevisionGraph graph() {
    if (store == null) {
      store = ScriptStore.open(config.migrations());
    }
    return store.graph();
  }

  /** Applies migrations up to {@code target} ({@code heads}, {@code head}, an id, {@code +1}...). */
  public Runner.Result upgrade(String target) {
    RevisionGraph graph = graph();
    Planner.validateUpgrade(graph, target);
    return withConnection((dialect, c) -> runner(dialect, graph)
        .run(c, rows -> Planner.upgrade(graph, rows, target)));
  }

  /** Un-applies migrations down to {@code target} ({@code -1}, {@code base}, an id...). */
  public Runner.Result downgrade(String target) {
    RevisionGraph graph = graph();
    Planner.validateDowngrade(graph, target);
    return withConnection((dialect, c) -> runner(dialect, graph)
        .run(c, rows -> Planner.downgrade(graph, rows, target)));
  }

  /** The offline script for {@code [from:]to}, from base when {@code from} is omitted. */
  public String upgradeSql(String range) {
    RevisionGraph graph = graph();
    Planner.Range r = Planner.Range.parse(range, "base");
    Set<String> from = Planner.rowsAt(graph, r.from());
    Plan plan = Planner.upgrade(graph, from, r.to());
    return runner(dialect(), graph).script(plan, "upgrade " + r.from() + " -> " + r.to());
  }

  /** The offline script for {@code from:to}; an offline downgrade must say where it starts. */
  public String downgradeSql(String range) {
    RevisionGraph graph = graph();
    Planner.Range r = Planner.Range.parse(range, null);
    Set<String> from = Planner.rowsAt(graph, r.from());
    Plan plan = Planner.downgrade(graph, from, r.to());
    return runner(dialect(), graph).script(plan, "downgrade " + r.from() + " -> " + r.to());
  }

  /** The version rows: the applied heads. Empty for a database never migrated. */
  public Set<String> current() {
    RevisionGraph graph = graph();
    Set<String> rows = withConnection((dialect, c) -> runner(dialect, graph).current(c));
    graph.applied(rows); // an unknown revision in the database is an error worth seeing here too
    return rows;
  }

  /**
   * Revisions left dirty by a failure outside a transaction (MySQL DDL, or a migration marked not
   * transactional): runs refuse until the file is fixed (the next run resumes) or {@code stamp}.
   */
  public List<dev.retort.runtime.DirtyRevision> dirty() {
    RevisionGraph graph = graph();
    return withConnection((dialect, c) -> runner(dialect, graph).dirty(c));
  }

  /** Sets the version table to {@code target} without running migrations. */
  public Runner.Result stamp(String target, boolean purge) {
    RevisionGraph graph = graph();
    if (!purge) {
      graph.stampRows(Set.of(), target);
    }
    return withConnection((dialect, c) -> runner(dialect, graph)
        .stamp(c, purge, rows -> graph.stampRows(rows, target)));
  }

  /**
   * How the database differs from the desired schema.
   *
   * @param diff the ops that bring the database to the definition, and possible renames
   * @param upgrade the SQL of each op for this database
   * @param downgrade the SQL of the reversed ops, in reverse order
   * @param irreversible why some ops are missing from the downgrade (no inverse exists)
   */
  public record SchemaDiff(DiffResult diff, List<SqlMigrationWriter.Step> upgrade,
      List<SqlMigrationWriter.Step> downgrade, List<String> irreversible) {
    public boolean isEmpty() {
      return diff.isEmpty();
    }
  }

  /** Compares the live database with the desired schema ({@code schema} in the configuration). */
  public SchemaDiff diff(DiffOptions options) {
    return diff(options, dev.retort.diff.TableFilter.all());
  }

  /** Compares only the tables {@code filter} accepts, on both sides. */
  public SchemaDiff diff(DiffOptions options, dev.retort.diff.TableFilter filter) {
    Path source = config.schema().orElseThrow(() -> new UsageException("no desired schema: set "
        + "schema=schema.sql in retort.properties (or RETORT_SCHEMA) to the file that declares it"));
    if (!Files.isRegularFile(source)) {
      throw new UsageException("the desired schema " + source + " does not exist");
    }
    return withConnection((dialect, c) -> {
      Schema live = dialect.inspector().inspect(c, InspectOptions.excluding(
          QualifiedName.parse(config.versionTable()).name(), QualifiedName.parse(config.historyTable()).name()));
      DesiredSchema.Desired desired = DesiredSchema.load(source, dialect, c, classCache());
      dev.retort.diff.Normalizer canonical = dialect.normalizer();
      DiffResult d = new Differ().diff(filter.apply(live), filter.apply(desired.schema()),
          merge(desired.hints(), options), canonical);
      Renderer renderer = dialect.renderer(Catalog.NONE);
      List<SqlMigrationWriter.Step> up = new ArrayList<>();
      List<SqlMigrationWriter.Step> down = new ArrayList<>();
      for (Op op : d.ops()) {
        up.add(step(renderer, op));
      }
      List<String> irreversible = new ArrayList<>();
      for (int i = d.ops().size() - 1; i >= 0; i--) {
        try {
          down.add(step(renderer, d.ops().get(i).reverse()));
        } catch (dev.retort.error.IrreversibleOperationException e) {
          irreversible.add("the downgrade cannot undo this step: " + e.getMessage());
        }
      }
      return new SchemaDiff(d, up, down, irreversible);
    });
  }

  /** The definition's rename hints, overridden by those given on the command line. */
  private static DiffOptions merge(DiffOptions fromDefinition, DiffOptions given) {
    java.util.Map<String, String> tables = new java.util.HashMap<>(fromDefinition.tableRenames());
    tables.putAll(given.tableRenames());
    java.util.Map<String, String> columns = new java.util.HashMap<>(fromDefinition.columnRenames());
    columns.putAll(given.columnRenames());
    return new DiffOptions(tables, columns);
  }

  private Path classCache() {
    return config.projectDir().resolve(".retort").resolve("classes");
  }

  private static SqlMigrationWriter.Step step(Renderer renderer, Op op) {
    try {
      return new SqlMigrationWriter.Step(op, renderer.render(op).stream().map(Sql::text).toList(),
          Optional.empty());
    } catch (UsageException e) {
      return new SqlMigrationWriter.Step(op, List.of(), Optional.of(e.getMessage()));
    }
  }

  /**
   * Writes a migration that brings the database (which must be at head) to the desired schema,
   * with the downgrade that brings it back: portable Java (the operations API) by default, or SQL
   * for the database at hand.
   */
  public Path autogenerate(NewRevision request, DiffOptions options) {
    return autogenerate(request, options, dev.retort.diff.TableFilter.all());
  }

  /** Autogenerates for the tables {@code filter} accepts only. */
  public Path autogenerate(NewRevision request, DiffOptions options, dev.retort.diff.TableFilter filter) {
    RevisionGraph graph = graphOrEmpty();
    Set<String> rows = current();
    if (!rows.equals(graph.heads())) {
      throw new UsageException("the database is at " + (rows.isEmpty() ? "base" : String.join(", ", rows))
          + " but the migrations end at " + (graph.heads().isEmpty() ? "base" : String.join(", ", graph.heads()))
          + "; run 'retort upgrade heads' first, so that the new migration starts where the others end");
    }
    SchemaDiff d = diff(options, filter);
    if (d.isEmpty()) {
      throw new UsageException("the database already matches " + config.schema().orElseThrow()
          + "; no migration written");
    }
    List<String> warnings = concat(d.diff().renameCandidates().stream()
        .map(dev.retort.diff.RenameCandidate::warning).toList(), d.irreversible());
    List<SqlMigrationWriter.Section> sections = sections(request, d);
    if (request.format() == Revision.Format.SQL && sections.isEmpty()) {
      for (SqlMigrationWriter.Step s : concat(d.upgrade(), d.downgrade())) {
        if (s.problem().isPresent()) {
          throw new UsageException(s.op().describe() + " cannot be written as SQL ahead of time: "
              + s.problem().get() + ". Use --format java (the default), which plans it when it runs.");
        }
      }
    }
    Path file = revision(request);
    String id = graph().revisions().stream().filter(r -> r.file().map(file::equals).orElse(false))
        .findFirst().orElseThrow().id();
    Revision written = graph().get(id);
    String text = !sections.isEmpty()
        ? SqlMigrationWriter.write(id, written.parents(), request.message(), dialect().name(),
            sections, warnings)
        : request.format() == Revision.Format.SQL
        ? SqlMigrationWriter.write(id, written.parents(), request.message(), dialect().name(),
            d.upgrade(), d.downgrade(), warnings)
        : JavaMigrationWriter.write(id, written.parents(), request.message(), d.diff().ops(),
            d.downgrade().stream().map(SqlMigrationWriter.Step::op).toList(), warnings);
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UsageException("cannot write " + file + ": " + e.getMessage(), e);
    }
    store = null;
    return file;
  }

  /**
   * The diff's ops rendered for each of {@code request.dialects()}, checked before anything is
   * written: an op a dialect refuses, or one carrying a type read from this database (which
   * another one would not read the same way), stops the whole file. Empty without dialects.
   */
  private List<SqlMigrationWriter.Section> sections(NewRevision request, SchemaDiff d) {
    if (request.dialects().isEmpty()) {
      return List.of();
    }
    checkDialectsWithSql(request);
    String source = dialect().name();
    List<SqlMigrationWriter.Section> sections = new ArrayList<>();
    for (String name : request.dialects()) {
      Dialect target = dialectNamed(name);
      Renderer renderer = target.renderer(Catalog.NONE);
      List<List<SqlMigrationWriter.Step>> both = new ArrayList<>();
      for (List<SqlMigrationWriter.Step> steps : List.of(d.upgrade(), d.downgrade())) {
        List<SqlMigrationWriter.Step> rendered = new ArrayList<>();
        for (SqlMigrationWriter.Step s : steps) {
          Op op = s.op();
          Optional<String> raw = name.equals(source) ? Optional.empty() : SqlMigrationWriter.rawType(op);
          if (raw.isPresent()) {
            throw new UsageException("cannot write '" + op.describe() + "' for " + name + ": it "
                + "carries the type '" + raw.get() + "' as " + source + " spells it, which " + name
                + " would not read the same way; nothing was written. Leave " + name + " out of "
                + "--dialects, or use --format java");
          }
          SqlMigrationWriter.Step step;
          try {
            step = step(renderer, op);
          } catch (RuntimeException e) {
            step = new SqlMigrationWriter.Step(op, List.of(), Optional.of(String.valueOf(e.getMessage())));
          }
          if (step.problem().isPresent()) {
            throw new UsageException("cannot write '" + op.describe() + "' for " + name + ": "
                + step.problem().get() + "; nothing was written. Leave " + name + " out of "
                + "--dialects, or use --format java, which plans it when it runs");
          }
          rendered.add(step);
        }
        both.add(rendered);
      }
      sections.add(new SqlMigrationWriter.Section(name, both.get(0), both.get(1)));
    }
    return sections;
  }

  private static void checkDialectsWithSql(NewRevision request) {
    if (request.format() != Revision.Format.SQL) {
      throw new UsageException("dialect sections are for SQL migrations (--format sql); a Java "
          + "migration already runs on every database");
    }
    if (request.dialects().stream().distinct().count() != request.dialects().size()) {
      throw new UsageException("a dialect is listed twice in " + String.join(",", request.dialects()));
    }
  }

  private static Dialect dialectNamed(String name) {
    List<Dialect> all = Dialects.all();
    return all.stream().filter(x -> x.name().equals(name)).findFirst()
        .orElseThrow(() -> new UsageException("unknown dialect '" + name + "'; known dialects: "
            + String.join(", ", all.stream().map(Dialect::name).toList())
            + " (MariaDB uses mysql)"));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * What a new revision should be.
   *
   * @param dialects for an SQL migration: the databases to write a {@code -- retort:dialect}
   *     section for ({@code Dialect.name()}s, in file order); empty for one unsectioned migration
   *     for the database at hand
   */
  public record NewRevision(String message, Optional<String> revId, List<String> heads,
      List<String> branchLabels, List<String> dependsOn, Revision.Format format,
      List<String> dialects) {
    public NewRevision {
      heads = List.copyOf(heads);
      branchLabels = List.copyOf(branchLabels);
      dependsOn = List.copyOf(dependsOn);
      dialects = List.copyOf(dialects);
    }

    /** A revision without dialect sections. */
    public NewRevision(String message, Optional<String> revId, List<String> heads,
        List<String> branchLabels, List<String> dependsOn, Revision.Format format) {
      this(message, revId, heads, branchLabels, dependsOn, format, List.of());
    }
  }

  /** Writes a new empty migration and returns its path. */
  public Path revision(NewRevision request) {
    RevisionGraph graph = graphOrEmpty();
    List<String> parents = new ArrayList<>();
    if (request.heads().isEmpty()) {
      Set<String> heads = graph.heads();
      if (heads.size() > 1) {
        throw new UsageException("there are several heads: " + String.join(", ", heads)
            + "; pass --head to choose the parent, or run 'retort merge heads -m ...' first");
      }
      parents.addAll(heads);
    } else {
      for (String h : request.heads()) {
        if (h.equals("base")) {
          continue;
        }
        if (h.equals("head") || h.equals("heads")) {
          parents.addAll(graph.heads());
        } else if (h.contains("@")) {
          parents.addAll(graph.stampRows(Set.of(), h)); // BRANCH@head: where that branch ends
        } else {
          parents.add(graph.resolveId(h));
        }
      }
    }
    List<String> deps = request.dependsOn().stream().map(graph::resolveId).toList();
    for (String label : request.branchLabels()) {
      if (graph.revisions().stream().anyMatch(r -> r.branchLabels().contains(label))) {
        throw new UsageException("branch label '" + label + "' is already used");
      }
    }
    String id = request.revId().orElseGet(ScriptStore::newRevisionId);
    if (graph.find(id).isPresent()) {
      throw new UsageException("revision id " + id + " is already used by "
          + graph.get(id).origin());
    }
    MigrationTemplates.validateId(id);
    if (!request.dialects().isEmpty()) {
      checkDialectsWithSql(request);
      request.dialects().forEach(Retort::dialectNamed);
    }
    String text = MigrationTemplates.render(request.format(), id, parents, request.branchLabels(),
        deps, request.message(), request.dialects());
    String ext = request.format() == Revision.Format.JAVA ? ".java" : ".sql";
    String slug = ScriptStore.slug(request.message());
    Path file = config.migrations().resolve(id + (slug.isEmpty() ? "" : "_" + slug) + ext);
    try {
      Files.createDirectories(config.migrations());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UsageException("cannot write " + file + ": " + e.getMessage(), e);
    }
    store = null;
    return file;
  }

  /** Writes a revision joining {@code revisions} (ids, prefixes or {@code heads}). */
  public Path merge(List<String> revisions, String message, Optional<String> revId, Revision.Format format) {
    RevisionGraph graph = graph();
    List<String> parents = new ArrayList<>();
    for (String r : revisions) {
      if (r.equals("heads")) {
        parents.addAll(graph.heads());
      } else {
        parents.add(graph.resolveId(r));
      }
    }
    List<String> distinct = parents.stream().distinct().toList();
    if (distinct.size() < 2) {
      throw new UsageException("a merge needs two or more revisions to join, got " + distinct);
    }
    return revision(new NewRevision(message, revId, distinct, List.of(), List.of(), format));
  }

  /** Creates {@code retort.properties}, the migrations directory and a schema definition stub. */
  public static List<Path> init(Path dir) {
    List<Path> created = new ArrayList<>();
    try {
      Path props = dir.resolve("retort.properties");
      if (Files.exists(props)) {
        throw new UsageException(props + " already exists; nothing was changed");
      }
      Files.createDirectories(dir);
      Files.writeString(props, MigrationTemplates.properties());
      created.add(props);
      Path migrations = dir.resolve("migrations");
      if (!Files.isDirectory(migrations)) {
        Files.createDirectories(migrations);
        created.add(migrations);
      }
      Path stub = dir.resolve("schema").resolve("AppSchema.java");
      if (!Files.exists(stub)) {
        Files.createDirectories(stub.getParent());
        Files.writeString(stub, MigrationTemplates.schemaStub());
        created.add(stub);
      }
      return created;
    } catch (IOException e) {
      throw new UsageException("cannot initialise " + dir + ": " + e.getMessage(), e);
    }
  }

  private RevisionGraph graphOrEmpty() {
    if (!Files.isDirectory(config.migrations())) {
      return RevisionGraph.of(List.of());
    }
    return graph();
  }

  private Dialect dialect() {
    return Dialects.forUrl(url());
  }

  private String url() {
    return config.url().orElseThrow(() -> new UsageException("no database URL: set url in "
        + "retort.properties, RETORT_URL in the environment or .env, or pass --url"));
  }

  private Runner runner(Dialect dialect, RevisionGraph graph) {
    return new Runner(dialect, graph, config.versionTable(), config.historyTable(),
        classCache(),
        new Runner.Options(config.allowChanged(), config.lockTimeout(), who(), config.progress()));
  }

  private static String who() {
    String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("");
    return System.getProperty("user.name", "?") + (host.isEmpty() ? "" : "@" + host);
  }

  private interface Work<T> {
    T run(Dialect dialect, Connection c) throws SQLException;
  }

  private <T> T withConnection(Work<T> work) {
    String url = url();
    Dialect dialect = Dialects.forUrl(url);
    Properties props = new Properties();
    config.user().ifPresent(u -> props.setProperty("user", u));
    config.password().ifPresent(p -> props.setProperty("password", p));
    Connection c;
    try {
      c = connect(dialect, url, props);
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
        throw new UsageException("no JDBC driver on the classpath accepts " + JdbcUrls.redact(url)
            + "; the retort command ships PostgreSQL and SQLite drivers", e);
      }
      throw new DatabaseException("cannot connect to " + JdbcUrls.redact(url) + ": "
          + e.getMessage(), e);
    }
    try (c) {
      return work.run(dialect, c);
    } catch (SQLException e) {
      throw new DatabaseException("database error: " + e.getMessage(), e);
    } catch (RetortException e) {
      throw e;
    }
  }

  /**
   * Connects through the dialect's own driver when it is on the class path and accepts the URL,
   * without {@link DriverManager} (whose first use loads and registers every driver in the jar);
   * otherwise through {@code DriverManager}, as before.
   */
  private static Connection connect(Dialect dialect, String url, Properties props) throws SQLException {
    Optional<String> name = dialect.driverClass();
    if (name.isPresent()) {
      java.sql.Driver driver = null;
      try {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> cls = Class.forName(name.get(), true,
            loader != null ? loader : Retort.class.getClassLoader());
        driver = (java.sql.Driver) cls.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
        driver = null; // not shipped here: let DriverManager find whatever is
      }
      if (driver != null) {
        Connection c = driver.connect(url, props);
        if (c != null) {
          return c;
        }
      }
    }
    return DriverManager.getConnection(url, props);
  }
}
