package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.MigrationLock;
import dev.retort.dialect.Sql;
import dev.retort.error.DatabaseException;
import dev.retort.error.Secrets;
import dev.retort.error.UsageException;
import dev.retort.migration.Migration;
import dev.retort.ops.Op;
import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import dev.retort.script.ScriptStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs plans against a live database: takes the lock, makes sure the version tables exist, checks
 * the checksums of applied files, then runs each step in its own transaction with the version
 * update inside it. The only class that changes a database.
 */
public final class Runner {
  private final Dialect dialect;
  private final RevisionGraph graph;
  private final VersionTable versions;
  private final JavaMigrationCompiler compiler;
  private final Options options;
  private final Function<Revision, Optional<String>> sqlTexts;
  private final Function<Revision, Optional<ScriptStore.Compiled>> compiledClasses;

  /**
   * How a run behaves.
   *
   * @param allowChanged proceed when an applied migration file has changed since
   * @param lockTimeout how long to wait for another run to finish
   * @param who recorded in the history table
   * @param progress receives one line per step as it starts
   * @param secrets the passwords to keep out of the history table's messages
   */
  public record Options(
      boolean allowChanged,
      Duration lockTimeout,
      String who,
      Consumer<String> progress,
      Secrets secrets) {}

  /** What a run did: the steps it ran and the version rows before and after. */
  public record Result(List<Step> steps, Set<String> before, Set<String> after) {
    public Result {
      steps = List.copyOf(steps);
      before = Step.ordered(before);
      after = Step.ordered(after);
    }
  }

  public Runner(
      Dialect dialect,
      RevisionGraph graph,
      String versionTable,
      String historyTable,
      Path classCache,
      Options options) {
    this(dialect, graph, versionTable, historyTable, classCache, options, r -> Optional.empty());
  }

  /**
   * A runner that takes a SQL migration's text from {@code sqlTexts} where it gives one (the text a
   * {@link dev.retort.script.ScriptStore} read and checksummed), instead of reading the file again.
   */
  public Runner(
      Dialect dialect,
      RevisionGraph graph,
      String versionTable,
      String historyTable,
      Path classCache,
      Options options,
      Function<Revision, Optional<String>> sqlTexts) {
    this(
        dialect,
        graph,
        versionTable,
        historyTable,
        classCache,
        options,
        sqlTexts,
        r -> Optional.empty());
  }

  /**
   * A runner over a {@link ScriptStore}: SQL texts as the store read them, and Java migrations that
   * {@code compiledClasses} gives a class for loaded as they are, never compiled.
   */
  public Runner(
      Dialect dialect,
      RevisionGraph graph,
      String versionTable,
      String historyTable,
      Path classCache,
      Options options,
      Function<Revision, Optional<String>> sqlTexts,
      Function<Revision, Optional<ScriptStore.Compiled>> compiledClasses) {
    this.sqlTexts = sqlTexts;
    this.compiledClasses = compiledClasses;
    this.dialect = dialect;
    this.graph = graph;
    this.versions =
        new VersionTable(
            dialect,
            dev.retort.schema.QualifiedName.parse(versionTable),
            dev.retort.schema.QualifiedName.parse(historyTable));
    this.compiler = new JavaMigrationCompiler(classCache);
    this.options = options;
  }

  /** The version rows, without taking the lock or creating anything; empty when never migrated. */
  public Set<String> current(Connection c) {
    try {
      return versions.exists(c) ? versions.read(c) : Set.of();
    } catch (SQLException e) {
      throw new DatabaseException("cannot read " + versions.name() + ": " + e.getMessage(), e);
    }
  }

  /** The revisions left dirty by a failure outside a transaction; empty when never migrated. */
  public List<DirtyRevision> dirty(Connection c) {
    try {
      return versions.exists(c) ? List.copyOf(versions.readHistory(c).dirty().values()) : List.of();
    } catch (SQLException e) {
      throw new DatabaseException("cannot read the history table: " + e.getMessage(), e);
    }
  }

  /** The history table's rows, oldest first, without taking the lock; empty when never migrated. */
  public List<HistoryRow> history(Connection c) {
    try {
      return versions.exists(c) ? versions.rows(c) : List.of();
    } catch (SQLException e) {
      throw new DatabaseException("cannot read the history table: " + e.getMessage(), e);
    }
  }

  /** Plans from the current rows under the lock, then runs the plan. */
  public Result run(Connection c, Function<Set<String>, Plan> planner) {
    return run(c, LockedRead.take(dialect, versions, options.lockTimeout(), c), planner);
  }

  /**
   * Plans from the rows {@code read} found under the lock, then runs the plan; releases the lock.
   * {@code read} was taken on {@code c}.
   */
  public Result run(Connection c, LockedRead read, Function<Set<String>, Plan> planner) {
    try (read) {
      return LockedRead.guarded(
          () -> {
            Set<String> rows = read.rows;
            verifyChecksums(rows, read.history.checksums());
            Plan plan = planner.apply(rows);
            Map<String, DirtyRevisions.Resume> resume =
                DirtyRevisions.resumePoints(graph, read.history.dirty(), plan);
            if (plan.isEmpty()) {
              return new Result(List.of(), rows, rows);
            }
            Map<String, MigrationBody> bodies = load(plan.steps());
            createTables(c);
            for (Step step : plan.steps()) {
              runStep(
                  c,
                  step,
                  bodies.get(step.revision().id()),
                  resume.getOrDefault(step.revision().id(), DirtyRevisions.Resume.NONE));
            }
            return new Result(plan.steps(), plan.rowsBefore(), plan.rowsAfter());
          });
    }
  }

  /**
   * Records the checksums of applied migrations as their files are now, and clears the dirty state
   * of revisions whose file was fixed since; see {@link Repair}. One history row per change.
   */
  public Repair repair(Connection c) {
    return locked(
        c,
        () -> {
          if (!versions.exists(c)) {
            return new Repair(Map.of(), List.of(), List.of());
          }
          Repair repair = Repair.find(graph, versions.read(c), versions.readHistory(c));
          if (repair.isEmpty()) {
            return repair;
          }
          createTables(c);
          c.setAutoCommit(false);
          try {
            for (Map.Entry<String, String> e : repair.changed().entrySet()) {
              LiveSink.execute(
                  c,
                  versions.history(
                      entry(
                          graph.get(e.getKey()),
                          Direction.REPAIR,
                          Instant.now(),
                          0,
                          true,
                          null,
                          "repair: the file as it is now (the checksum was " + e.getValue() + ")")),
                  "");
            }
            for (DirtyRevision d : repair.cleared()) {
              LiveSink.execute(
                  c,
                  versions.history(
                      entry(
                          graph.get(d.revision()),
                          Direction.REPAIR,
                          Instant.now(),
                          0,
                          true,
                          null,
                          "repair: cleared the dirty state left at statement "
                              + d.failedStatement()
                              + "; the file was fixed since")),
                  "");
            }
            c.commit();
          } catch (RuntimeException | SQLException e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
          return repair;
        });
  }

  /** Sets the version rows without running migrations; {@code purge} first empties the table. */
  public Result stamp(Connection c, boolean purge, Function<Set<String>, Set<String>> target) {
    return locked(
        c,
        () -> {
          boolean exists = versions.exists(c);
          // with --purge the rows are reported as they were, but the target is reckoned from none
          Set<String> held = exists ? versions.read(c) : Set.of();
          Set<String> rows = purge ? Set.of() : held;
          if (!purge) {
            graph.applied(rows); // refuses rows that name unknown revisions, pointing at --purge
          }
          Set<String> after = new TreeSet<>(target.apply(rows));
          Map<String, DirtyRevision> dirty = exists ? versions.readHistory(c).dirty() : Map.of();
          createTables(c);
          c.setAutoCommit(false);
          try {
            if (purge) {
              LiveSink.execute(c, versions.purge(), "");
            }
            for (Sql sql : versions.update(rows, after)) {
              LiveSink.execute(c, sql, "");
            }
            for (String id : after) {
              if (!rows.contains(id) && !dirty.containsKey(id)) {
                LiveSink.execute(
                    c,
                    versions.history(
                        entry(
                            graph.get(id), Direction.STAMP, Instant.now(), 0, true, null, "stamp")),
                    "");
              }
            }
            // stamping declares the schema's state, so it settles every dirty revision
            for (DirtyRevision d : dirty.values()) {
              Revision r = graph.find(d.revision()).orElse(null);
              String sum = r == null ? d.checksum() : r.checksum();
              LiveSink.execute(
                  c,
                  versions.history(
                      new VersionTable.HistoryEntry(
                          d.revision(),
                          Direction.STAMP,
                          sum,
                          dialect.literal(Instant.now()),
                          0,
                          options.who(),
                          true,
                          null,
                          "stamp: cleared the dirty state left by a failure at statement "
                              + d.failedStatement())),
                  "");
            }
            c.commit();
          } catch (RuntimeException | SQLException e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
          return new Result(List.of(), held, after);
        });
  }

  private void createTables(Connection c) throws SQLException {
    for (Sql sql : versions.create()) {
      LiveSink.execute(c, sql, "");
    }
    versions.upgrade(c);
  }

  private interface LockedWork<T> {
    T run() throws SQLException;
  }

  private <T> T locked(Connection c, LockedWork<T> work) {
    MigrationLock.Held held = null;
    try {
      held =
          LockedRead.guarded(
              () -> {
                c.setAutoCommit(true);
                return dialect.lock().acquire(c, versions.name().toString(), options.lockTimeout());
              });
      return LockedRead.guarded(work::run);
    } finally {
      LockedRead.release(held);
    }
  }

  /** How many changed files an error names before it only counts the rest. */
  private static final int MAX_LISTED = 10;

  private void verifyChecksums(Set<String> rows, Map<String, String> recorded) {
    Set<String> applied = graph.applied(rows);
    List<String> changed = new ArrayList<>();
    for (String id : applied) {
      String sum = recorded.get(id);
      Revision r = graph.get(id);
      if (sum != null && !r.checksum().isEmpty() && !sum.equals(r.checksum())) {
        changed.add(r.origin() + " (revision " + id + ")");
      }
    }
    if (!changed.isEmpty() && !options.allowChanged()) {
      // a whole directory checked out with other content would otherwise be one endless line
      int shown = Math.min(changed.size(), MAX_LISTED);
      throw new UsageException(
          (changed.size() > 1
                  ? changed.size() + " applied migrations were"
                  : "an applied migration was")
              + " changed after being applied: "
              + String.join(", ", changed.subList(0, shown))
              + (changed.size() > shown ? " and " + (changed.size() - shown) + " more" : "")
              + ". Restore the file; or accept it as it is now with repair, which records its new"
              + " checksum; or run with --allow-changed to proceed this once.");
    }
  }

  Map<String, MigrationBody> load(List<Step> steps) {
    Map<String, MigrationBody> bodies = new HashMap<>();
    List<Revision> java = new ArrayList<>();
    for (Step s : steps) {
      Revision r = s.revision();
      Optional<ScriptStore.Compiled> compiled = compiledClasses.apply(r);
      if (compiled.isPresent()) {
        bodies.computeIfAbsent(
            r.id(), id -> MigrationBody.java(r, CompiledMigration.load(r, compiled.get())));
      } else if (r.format() == Revision.Format.JAVA) {
        java.add(r);
      } else if (!bodies.containsKey(r.id())) {
        bodies.put(r.id(), MigrationBody.sql(r, dialect.name(), sqlTexts.apply(r)));
      }
    }
    if (!java.isEmpty()) {
      Map<String, Migration> compiled = compiler.load(java);
      for (Revision r : java) {
        bodies.put(r.id(), MigrationBody.java(r, compiled.get(r.id())));
      }
    }
    for (Step s : steps) {
      bodies.get(s.revision().id()).check(s.direction());
    }
    return bodies;
  }

  /** Runs one step; see {@link StepRun}. */
  private void runStep(Connection c, Step step, MigrationBody body, DirtyRevisions.Resume resume)
      throws SQLException {
    Revision r = step.revision();
    int serverMajor = c.getMetaData().getDatabaseMajorVersion();
    Optional<Op> blocker =
        inTransaction(r)
            ? ExitGuard.around(
                r.origin()
                    + ": the migration called System.exit while Retort read its "
                    + "operations; nothing was run",
                () -> autocommitOp(step, body, serverMajor))
            : Optional.empty();
    boolean tx = inTransaction(r) && blocker.isEmpty();
    new StepRun(c, dialect, versions, options, step, body, resume, blocker, tx).run();
  }

  /**
   * The first op of the step that the database refuses inside a transaction, if any.
   *
   * @param serverMajorVersion the server's major version, 0 when unknown (offline)
   */
  Optional<Op> autocommitOp(Step step, MigrationBody body, int serverMajorVersion) {
    return body.probe(step.direction(), dialect.name()).orElse(List.of()).stream()
        .filter(op -> dialect.requiresAutocommit(op, serverMajorVersion))
        .findFirst();
  }

  /** Whether a step runs in one transaction: the migration allows it and DDL takes part. */
  boolean inTransaction(Revision r) {
    return r.transactional() && dialect.capabilities().transactionalDdl();
  }

  private VersionTable.HistoryEntry entry(
      Revision r,
      Direction d,
      Instant started,
      long ms,
      boolean ok,
      Integer failedStatement,
      String message) {
    return new VersionTable.HistoryEntry(
        r.id(),
        d,
        r.checksum(),
        dialect.literal(started),
        ms,
        options.who(),
        ok,
        failedStatement,
        message);
  }

  /** The offline script for a plan: version table DDL, then each step in its own transaction. */
  public String script(Plan plan, String title) {
    return new OfflineScript(this, dialect, versions).write(plan, title);
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the original failure is the one to report
    }
  }

  static String rowsText(Set<String> rows) {
    return rows.isEmpty() ? "base" : String.join(", ", new TreeSet<>(rows));
  }
}
