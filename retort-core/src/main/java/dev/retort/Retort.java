package dev.retort;

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
  private final SchemaWork schemas;
  private final ClassLoader classLoader;
  private ScriptStore store;

  Retort(RetortConfig config, ClassLoader classLoader) {
    this.config = config;
    this.session = new Session(config);
    this.schemas = new SchemaWork(this, config, session);
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

  /** The migrations, every file read whole. */
  private ScriptStore store() {
    ScriptStore s = runStore();
    s.checkBodies(Set.of()); // nothing to do unless a run stopped before it had read them
    return s;
  }

  /**
   * The migrations as a run reads them: SQL files by their headers first, their bodies once the
   * version tables say which are applied as they are (see {@link #run}).
   */
  private ScriptStore runStore() {
    if (store == null) {
      Optional<String> location = config.migrationsOnClasspath();
      store =
          location.isPresent()
              ? ScriptStore.openClasspathDeferred(location.get(), classLoader)
              : ScriptStore.openDeferred(config.migrations());
    }
    return store;
  }

  /**
   * Applies migrations up to {@code target} ({@code heads}, {@code head}, an id, {@code +1}...).
   */
  public RunResult upgrade(String target) {
    return run(target, true);
  }

  /** Un-applies migrations down to {@code target} ({@code -1}, {@code base}, an id...). */
  public RunResult downgrade(String target) {
    return run(target, false);
  }

  /**
   * Runs to {@code target}. The bodies of the SQL files are read after the version tables: those of
   * the files applied as they are now were read whole when they were applied, so a no-op reads only
   * headers; every other file is read whole before anything is planned, and should anything fail
   * before that (the graph, the target, the connection), before the failure is reported.
   */
  private RunResult run(String target, boolean up) {
    return guarded(
        () -> {
          try {
            return RunResult.from(
                session.withConnection(
                    () -> {
                      ScriptStore s = runStore();
                      if (up) {
                        Planner.validateUpgrade(s.graph(), target);
                      } else {
                        Planner.validateDowngrade(s.graph(), target);
                      }
                      return s;
                    },
                    session::lockAndRead,
                    (s, read, dialect, c) -> {
                      RevisionGraph graph = s.graph();
                      s.checkBodies(read.unchanged(graph));
                      return session
                          .runner(dialect, s)
                          .run(
                              c,
                              read,
                              rows ->
                                  up
                                      ? Planner.upgrade(graph, rows, target)
                                      : Planner.downgrade(graph, rows, target));
                    }));
          } catch (RuntimeException e) {
            if (store != null) {
              store.checkBodies(Set.of()); // a file's error first, as when every file is read whole
            }
            throw e;
          }
        });
  }

  /** The offline script for {@code [from:]to}, from base when {@code from} is omitted. */
  public String upgradeSql(String range) {
    return guarded(
        () -> {
          Planner.Range r = Planner.Range.parse(range, "base");
          Plan plan = Planner.offline(graph(), r, true);
          return session
              .runner(session.dialect(), store())
              .script(plan, "upgrade " + r.from() + " -> " + r.to());
        });
  }

  /** The offline script for {@code from:to}; an offline downgrade must say where it starts. */
  public String downgradeSql(String range) {
    return guarded(
        () -> {
          Planner.Range r = Planner.Range.parse(range, null);
          Plan plan = Planner.offline(graph(), r, false);
          return session
              .runner(session.dialect(), store())
              .script(plan, "downgrade " + r.from() + " -> " + r.to());
        });
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
                String.format(
                    "'%s' names %s; name one",
                    revision,
                    ids.isEmpty()
                        ? "no revision"
                        : ids.size() + " revisions: " + String.join(", ", ids)));
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
    return guarded(() -> SchemaDiff.from(schemas.compareLive(options)));
  }

  /**
   * The database's schema as Retort reads it (tables, columns, keys, indexes, constraints,
   * sequences, types...), without Retort's own version and history tables: a snapshot to {@link
   * #compare} with another, as the test kit does before and after a downgrade.
   */
  public Schema inspect() {
    return guarded(schemas::inspect);
  }

  /**
   * What it takes to turn schema {@code from} into {@code to} on this database, compared as {@link
   * #diff} compares (in the database's canonical spelling, so that what it reads back in its own
   * words is no change). Empty when they are the same schema. Needs the URL for the dialect, not a
   * connection.
   */
  public SchemaDiff compare(Schema from, Schema to) {
    return guarded(() -> SchemaDiff.from(schemas.between(from, to)));
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
          Autogenerated result = schemas.autogenerate(request, options);
          store = null;
          return result;
        });
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
