package dev.retort;

import dev.retort.autogenerate.Comparison;
import dev.retort.autogenerate.MigrationSource;
import dev.retort.error.RevisionGraphException;
import dev.retort.error.UsageException;
import dev.retort.runtime.Plan;
import dev.retort.runtime.Planner;
import dev.retort.schema.Schema;
import dev.retort.script.RevisionGraph;
import dev.retort.script.ScriptStore;
import dev.retort.script.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Retort as a library: the same operations as the command line, returning values. An application
 * that migrates at start-up:
 *
 * <pre>{@code
 * RunResult r = Retort.configure()
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
  private final Session session;
  private final ClassLoader classLoader;
  private ScriptStore store;

  Retort(RetortConfig config, ClassLoader classLoader) {
    this.config = config;
    this.session = new Session(config);
    this.classLoader = classLoader;
  }

  /** Starts a configuration. */
  public static RetortConfig.Builder configure() {
    return new RetortConfig.Builder();
  }

  /**
   * A facade over a finished configuration; {@code migrations=classpath:...} reads from the
   * thread's context class loader (else Retort's own).
   */
  public static Retort of(RetortConfig config) {
    return new Retort(config, defaultClassLoader());
  }

  /**
   * A facade over a finished configuration, reading {@code classpath:} migrations from {@code
   * loader}.
   */
  public static Retort of(RetortConfig config, ClassLoader loader) {
    return new Retort(config, java.util.Objects.requireNonNull(loader, "loader"));
  }

  static ClassLoader defaultClassLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Retort.class.getClassLoader();
  }

  /** The configuration this facade runs with. */
  public RetortConfig config() {
    return config;
  }

  /** The revision graph of the migrations (headers only, nothing compiled). */
  RevisionGraph graph() {
    return guarded(() -> store().graph());
  }

  /**
   * The revisions {@link #upgrade upgrade(target)} would run now, in order, without running them.
   * Asks the database where it is.
   */
  public List<RevisionInfo> upgradePlan(String target) {
    return guarded(
        () -> {
          RevisionGraph graph = graph();
          return graph.upgradePlan(current(), target).stream()
              .map(r -> RevisionInfo.from(graph, r))
              .toList();
        });
  }

  /**
   * The revisions {@link #downgrade downgrade(target)} would undo now, in order, without undoing
   * them. Asks the database where it is.
   */
  public List<RevisionInfo> downgradePlan(String target) {
    return guarded(
        () -> {
          RevisionGraph graph = graph();
          return graph.downgradePlan(current(), target).stream()
              .map(r -> RevisionInfo.from(graph, r))
              .toList();
        });
  }

  private ScriptStore store() {
    if (store == null) {
      Optional<String> location = config.migrationsOnClasspath();
      store =
          location.isPresent()
              ? ScriptStore.openClasspath(location.get(), classLoader)
              : ScriptStore.open(config.migrations());
    }
    return store;
  }

  /**
   * Applies migrations up to {@code target} ({@code heads}, {@code head}, an id, {@code +1}...).
   */
  public RunResult upgrade(String target) {
    return guarded(
        () -> {
          return RunResult.from(
              session.withConnection(
                  () -> {
                    RevisionGraph graph = graph();
                    Planner.validateUpgrade(graph, target);
                    return graph;
                  },
                  (graph, dialect, c) ->
                      session
                          .runner(dialect, store())
                          .run(c, rows -> Planner.upgrade(graph, rows, target))));
        });
  }

  /** Un-applies migrations down to {@code target} ({@code -1}, {@code base}, an id...). */
  public RunResult downgrade(String target) {
    return guarded(
        () -> {
          return RunResult.from(
              session.withConnection(
                  () -> {
                    RevisionGraph graph = graph();
                    Planner.validateDowngrade(graph, target);
                    return graph;
                  },
                  (graph, dialect, c) ->
                      session
                          .runner(dialect, store())
                          .run(c, rows -> Planner.downgrade(graph, rows, target))));
        });
  }

  /** The offline script for {@code [from:]to}, from base when {@code from} is omitted. */
  public String upgradeSql(String range) {
    return guarded(
        () -> {
          RevisionGraph graph = graph();
          Planner.Range r = Planner.Range.parse(range, "base");
          Set<String> from = Planner.rowsAt(graph, r.from());
          Plan plan = Planner.upgrade(graph, from, r.to());
          refuseBackwards(graph, plan, r, "upgrade", "downgrade");
          return session
              .runner(session.dialect(), store())
              .script(plan, "upgrade " + r.from() + " -> " + r.to());
        });
  }

  /** The offline script for {@code from:to}; an offline downgrade must say where it starts. */
  public String downgradeSql(String range) {
    return guarded(
        () -> {
          RevisionGraph graph = graph();
          Planner.Range r = Planner.Range.parse(range, null);
          Set<String> from = Planner.rowsAt(graph, r.from());
          Plan plan = Planner.downgrade(graph, from, r.to());
          refuseBackwards(graph, plan, r, "downgrade", "upgrade");
          return session
              .runner(session.dialect(), store())
              .script(plan, "downgrade " + r.from() + " -> " + r.to());
        });
  }

  /**
   * An offline range that plans nothing although its ends differ runs the wrong way ({@code upgrade
   * --sql a3:a1}): an empty script would read as success.
   */
  private static void refuseBackwards(
      RevisionGraph graph, Plan plan, Planner.Range r, String verb, String other) {
    if (!plan.isEmpty()) {
      return;
    }
    Set<String> to;
    try {
      to = Planner.rowsAt(graph, r.to());
    } catch (RuntimeException e) {
      return; // a relative target: no fixed end to compare
    }
    if (!to.equals(Planner.rowsAt(graph, r.from()))) {
      throw new UsageException(
          verb
              + " --sql "
              + r.from()
              + ":"
              + r.to()
              + " goes the wrong way: "
              + r.to()
              + (verb.equals("upgrade") ? " is not above " : " is not below ")
              + r.from()
              + "; use '"
              + other
              + " --sql "
              + r.from()
              + ":"
              + r.to()
              + "'");
    }
  }

  /** The version rows: the applied heads. Empty for a database never migrated. */
  public Set<String> current() {
    return guarded(
        () -> {
          return session.withConnection(
              this::graph,
              (graph, dialect, c) -> {
                Set<String> rows = session.runner(dialect, store()).current(c);
                graph.applied(
                    rows); // an unknown revision in the database is an error worth seeing here too
                return rows;
              });
        });
  }

  /**
   * Revisions left dirty by a failure outside a transaction (MySQL DDL, or a migration marked not
   * transactional): runs refuse until the file is fixed (the next run resumes) or {@code stamp}.
   */
  public List<DirtyMigration> dirty() {
    return guarded(
        () -> {
          RevisionGraph graph = graph();
          return session
              .withConnection((dialect, c) -> session.runner(dialect, store()).dirty(c))
              .stream()
              .map(DirtyMigration::from)
              .toList();
        });
  }

  /**
   * The history table, oldest first: every step that ran (or was stamped), when, for how long, by
   * whom, with its checksum and outcome. Empty for a database never migrated. Reads the database
   * only; the migrations are not read.
   */
  public List<AppliedStep> applied() {
    return guarded(
        () ->
            session.withConnection((dialect, c) -> session.tablesOnly(dialect).history(c)).stream()
                .map(AppliedStep::from)
                .toList());
  }

  /** The applied heads, described, and any dirty migrations: {@code retort current}. */
  public CurrentStatus status() {
    return guarded(
        () -> {
          Set<String> rows = current();
          RevisionGraph graph = graph();
          List<DirtyMigration> dirty = dirty();
          return new CurrentStatus(
              new TreeSet<>(rows)
                  .stream().map(id -> RevisionInfo.from(graph, graph.get(id))).toList(),
              dirty);
        });
  }

  /**
   * Accepts the migrations directory as it is now: records the checksums of applied migrations
   * whose file changed since they were applied, and clears the dirty state of migrations whose file
   * was fixed since (the next upgrade runs them from their first statement, so repair by hand what
   * they had applied first). Under the migration lock; one history row per change.
   */
  public RepairResult repair() {
    return guarded(
        () ->
            session.withConnection(
                this::graph,
                (graph, dialect, c) ->
                    RepairResult.from(graph, session.runner(dialect, store()).repair(c))));
  }

  /** Sets the version table to {@code target} without running migrations. */
  public RunResult stamp(String target, boolean purge) {
    return guarded(
        () -> {
          RevisionGraph graph = graph();
          Target t = graph.parse(target);
          if (!t.dependsOnDatabase()) {
            graph.resolve(t); // a target that names nothing fails before the database is touched
          }
          return RunResult.from(
              session.withConnection(
                  (dialect, c) ->
                      session
                          .runner(dialect, store())
                          .stamp(c, purge, rows -> graph.stampRows(rows, t))));
        });
  }

  /** The revisions nothing revises yet, sorted by id. Needs no database. */
  public List<RevisionInfo> heads() {
    return guarded(
        () -> {
          RevisionGraph graph = graph();
          return graph.heads().stream().map(id -> RevisionInfo.from(graph, graph.get(id))).toList();
        });
  }

  /** The revisions two or more revisions revise, sorted by id. Needs no database. */
  public List<BranchPoint> branchPoints() {
    return guarded(
        () -> {
          RevisionGraph graph = graph();
          return graph.branchPoints().stream()
              .map(
                  id ->
                      new BranchPoint(
                          RevisionInfo.from(graph, graph.get(id)),
                          graph.children(id).stream()
                              .map(c -> RevisionInfo.from(graph, graph.get(c)))
                              .toList()))
              .toList();
        });
  }

  /**
   * One revision, named by any target that names exactly one without asking the database: an id, a
   * unique prefix, a branch label, {@code head}, {@code BRANCH@head}, {@code REV-1}...
   */
  public RevisionInfo show(String revision) {
    return guarded(
        () -> {
          RevisionGraph graph = graph();
          Set<String> ids = graph.resolve(graph.parse(revision));
          if (ids.size() != 1) {
            throw new RevisionGraphException(
                "'"
                    + revision
                    + "' names "
                    + (ids.isEmpty()
                        ? "no revision"
                        : ids.size() + " revisions: " + String.join(", ", ids))
                    + "; name one");
          }
          return RevisionInfo.from(graph, graph.get(ids.iterator().next()));
        });
  }

  /**
   * Revisions newest first, all of them or those in {@code range} ({@code A:B}; either side may be
   * empty, or {@code base}, {@code head}, {@code current} or a revision). The database is asked
   * only when a side is {@code current} or {@code withCurrent} is set.
   */
  public History history(Optional<String> range, boolean withCurrent) {
    return guarded(() -> HistoryQuery.run(this, range, withCurrent));
  }

  /** Compares the live database with the desired schema ({@code schema} in the configuration). */
  public SchemaDiff diff(CompareOptions options) {
    return guarded(() -> SchemaDiff.from(compareLive(options)));
  }

  private Comparison compareLive(CompareOptions options) {
    return session.withConnection(
        (dialect, c) ->
            Comparison.compare(
                project(), options.diffOptions(), options.tableFilter(), dialect, c));
  }

  private Comparison.Project project() {
    return new Comparison.Project(
        config.schema(),
        config.projectDir(),
        session.classCache(),
        config.versionTable(),
        config.historyTable(),
        config.settings());
  }

  /**
   * The database's schema as Retort reads it (tables, columns, keys, indexes, constraints,
   * sequences, types...), without Retort's own version and history tables: a snapshot to {@link
   * #compare} with another, as the test kit does before and after a downgrade.
   */
  public Schema inspect() {
    return guarded(
        () -> session.withConnection((dialect, c) -> Comparison.inspect(project(), dialect, c)));
  }

  /**
   * What it takes to turn schema {@code from} into {@code to} on this database, compared as {@link
   * #diff} compares (in the database's canonical spelling, so that what it reads back in its own
   * words is no change). Empty when they are the same schema. Needs the URL for the dialect, not a
   * connection.
   */
  public SchemaDiff compare(Schema from, Schema to) {
    return guarded(
        () ->
            SchemaDiff.from(
                Comparison.between(
                    session.dialect(),
                    from,
                    to,
                    new dev.retort.diff.DiffOptions(java.util.Map.of(), java.util.Map.of()),
                    "the schema")));
  }

  /**
   * Writes a migration that brings the database (which must be at head) to the desired schema, with
   * the downgrade that brings it back: portable Java (the operations API) by default, or SQL for
   * the database at hand. Writes nothing when the database already matches; see {@link
   * Autogenerated}.
   */
  public Autogenerated autogenerate(NewRevision request, CompareOptions options) {
    return guarded(
        () -> {
          refuseWritingToClasspath();
          RevisionGraph graph = graphOrEmpty();
          Set<String> rows = current();
          if (!rows.equals(graph.heads())) {
            throw new UsageException(
                "the database is at "
                    + atOrBase(rows)
                    + " but the migrations end at "
                    + atOrBase(graph.heads())
                    + "; upgrade to the heads first, so that the new migration "
                    + "starts where the others end");
          }
          if (!request.dialects().isEmpty()) {
            RevisionWriter.checkDialectsWithSql(request);
          }
          Comparison comparison = compareLive(options);
          if (comparison.isEmpty()) {
            return new Autogenerated(Optional.empty(), comparison.leftOut().stream().toList());
          }
          boolean sql = request.format() == MigrationFormat.SQL;
          // checked in full before the file exists: nothing known now can leave half a migration
          MigrationSource.Plan plan =
              session.withConnection(
                  (dialect, c) ->
                      MigrationSource.plan(
                          comparison,
                          new MigrationSource.Request(
                              "", List.of(), request.message(), sql, request.dialects()),
                          dialect,
                          c));
          Path file = revision(request);
          dev.retort.script.Revision written =
              graph().revisions().stream()
                  .filter(r -> r.file().map(file::equals).orElse(false))
                  .findFirst()
                  .orElseThrow();
          String text =
              MigrationSource.write(
                  plan,
                  new MigrationSource.Request(
                      written.id(), written.parents(), request.message(), sql, request.dialects()));
          try {
            Files.writeString(file, text);
          } catch (java.io.IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage(), e);
          }
          store = null;
          return new Autogenerated(Optional.of(file), plan.warnings());
        });
  }

  private static String atOrBase(Set<String> ids) {
    return ids.isEmpty() ? "base" : String.join(", ", ids);
  }

  /** Writes a new empty migration and returns its path. */
  public Path revision(NewRevision request) {
    return guarded(
        () -> {
          refuseWritingToClasspath();
          Path file = RevisionWriter.write(graphOrEmpty(), config.migrations(), request);
          store = null;
          return file;
        });
  }

  /** Writes a revision joining {@code revisions} (ids, prefixes or {@code heads}). */
  public Path merge(
      List<String> revisions, String message, Optional<String> revId, MigrationFormat format) {
    return merge(revisions, message, revId, Optional.of(format));
  }

  /**
   * Writes a revision joining {@code revisions}, in {@code format}, or without one in the format of
   * the revisions it joins: SQL when they are all SQL files, else Java.
   */
  public Path merge(
      List<String> revisions,
      String message,
      Optional<String> revId,
      Optional<MigrationFormat> format) {
    return guarded(
        () -> {
          RevisionGraph graph = graph();
          List<String> parents = RevisionWriter.mergeParents(graph, revisions);
          MigrationFormat f =
              format.orElseGet(
                  () ->
                      parents.stream()
                              .allMatch(
                                  p ->
                                      graph.get(p).format()
                                          == dev.retort.script.Revision.Format.SQL)
                          ? MigrationFormat.SQL
                          : MigrationFormat.JAVA);
          return revision(new NewRevision(message, revId, parents, List.of(), List.of(), f));
        });
  }

  /** Creates {@code retort.properties}, the migrations directory and a schema definition stub. */
  public static List<Path> init(Path dir) {
    return RevisionWriter.init(dir);
  }

  /**
   * Runs {@code work} so that no exception leaves the library with a password in it: the drivers
   * put URLs into their messages as given (see {@link Secrets}).
   */
  private <T> T guarded(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      throw config.secrets().scrub(e);
    }
  }

  /**
   * New migrations are files in a directory; a class path location is what the build made of one.
   */
  private void refuseWritingToClasspath() {
    config
        .migrationsOnClasspath()
        .ifPresent(
            location -> {
              throw new UsageException(
                  "migrations is classpath:"
                      + location
                      + ", which Retort reads but"
                      + " cannot write a new migration into; write it into the source directory, for example"
                      + " with RETORT_MIGRATIONS=src/main/resources/"
                      + location);
            });
  }

  RevisionGraph graphOrEmpty() {
    if (config.migrationsOnClasspath().isEmpty() && !Files.isDirectory(config.migrations())) {
      return RevisionGraph.of(List.of());
    }
    return graph();
  }
}
