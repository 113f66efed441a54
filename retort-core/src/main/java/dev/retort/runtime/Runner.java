package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.MigrationLock;
import dev.retort.dialect.Sql;
import dev.retort.error.DatabaseException;
import dev.retort.error.MigrationFailedException;
import dev.retort.error.RetortException;
import dev.retort.error.UsageException;
import dev.retort.migration.Migration;
import dev.retort.ops.Op;
import dev.retort.ops.Operations;
import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
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

  /**
   * How a run behaves.
   *
   * @param allowChanged proceed when an applied migration file has changed since
   * @param lockTimeout how long to wait for another run to finish
   * @param who recorded in the history table
   * @param progress receives one line per step as it starts
   */
  public record Options(boolean allowChanged, Duration lockTimeout, String who, Consumer<String> progress) {}

  /** What a run did: the steps it ran and the version rows before and after. */
  public record Result(List<Step> steps, Set<String> before, Set<String> after) {
    public Result {
      steps = List.copyOf(steps);
      before = Step.ordered(before);
      after = Step.ordered(after);
    }
  }

  public Runner(Dialect dialect, RevisionGraph graph, String versionTable, String historyTable,
      Path classCache, Options options) {
    this(dialect, graph, versionTable, historyTable, classCache, options, r -> Optional.empty());
  }

  /**
   * A runner that takes a SQL migration's text from {@code sqlTexts} where it gives one (the
   * text a {@link dev.retort.script.ScriptStore} read and checksummed), instead of reading the
   * file again.
   */
  public Runner(Dialect dialect, RevisionGraph graph, String versionTable, String historyTable,
      Path classCache, Options options, Function<Revision, Optional<String>> sqlTexts) {
    this.sqlTexts = sqlTexts;
    this.dialect = dialect;
    this.graph = graph;
    this.versions = new VersionTable(dialect,
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

  /** Plans from the current rows under the lock, then runs the plan. */
  public Result run(Connection c, Function<Set<String>, Plan> planner) {
    return locked(c, () -> {
      // Read before creating anything, so that a target that does not plan leaves no trace.
      boolean exists = versions.exists(c);
      Set<String> rows = exists ? versions.read(c) : Set.of();
      VersionTable.History history = exists ? versions.readHistory(c) : VersionTable.History.EMPTY;
      verifyChecksums(rows, history.checksums());
      Plan plan = planner.apply(rows);
      Map<String, Integer> resume = DirtyRevisions.resumePoints(graph, history.dirty(), plan);
      if (plan.isEmpty()) {
        return new Result(List.of(), rows, rows);
      }
      Map<String, MigrationBody> bodies = load(plan.steps());
      createTables(c);
      for (Step step : plan.steps()) {
        runStep(c, step, bodies.get(step.revision().id()), resume.getOrDefault(step.revision().id(), 0));
      }
      return new Result(plan.steps(), plan.rowsBefore(), plan.rowsAfter());
    });
  }

  /** Sets the version rows without running migrations; {@code purge} first empties the table. */
  public Result stamp(Connection c, boolean purge, Function<Set<String>, Set<String>> target) {
    return locked(c, () -> {
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
            LiveSink.execute(c, versions.history(entry(graph.get(id), Direction.STAMP,
                Instant.now(), 0, true, null, "stamp")), "");
          }
        }
        // stamping declares the schema's state, so it settles every dirty revision
        for (DirtyRevision d : dirty.values()) {
          Revision r = graph.find(d.revision()).orElse(null);
          String sum = r == null ? d.checksum() : r.checksum();
          LiveSink.execute(c, versions.history(new VersionTable.HistoryEntry(d.revision(),
              Direction.STAMP, sum, dialect.literal(Instant.now()), 0, options.who(), true, null,
              "stamp: cleared the dirty state left by a failure at statement " + d.failedStatement())), "");
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
      c.setAutoCommit(true);
      held = dialect.lock().acquire(c, versions.name().toString(), options.lockTimeout());
      return work.run();
    } catch (StatementFailure f) {
      throw new DatabaseException("the database refused: " + f.statement + "\n  " + f.getMessage(), f);
    } catch (SQLException e) {
      throw new DatabaseException("database error: " + e.getMessage(), e);
    } finally {
      if (held != null) {
        try {
          held.close();
        } catch (SQLException e) {
          // the lock dies with the session anyway; closing the connection ends it
        }
      }
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
      throw new UsageException((changed.size() > 1 ? changed.size() + " applied migrations were" : "an applied migration was")
          + " changed after being applied: " + String.join(", ", changed.subList(0, shown))
          + (changed.size() > shown ? " and " + (changed.size() - shown) + " more" : "")
          + ". Restore the file, or run with --allow-changed to proceed anyway.");
    }
  }

  private Map<String, MigrationBody> load(List<Step> steps) {
    Map<String, MigrationBody> bodies = new HashMap<>();
    List<Revision> java = new ArrayList<>();
    for (Step s : steps) {
      Revision r = s.revision();
      if (r.format() == Revision.Format.JAVA) {
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
    return bodies;
  }

  /**
   * Runs one step. Inside a transaction when the migration and the database allow it, the version
   * update included; otherwise in autocommit, counting statements so that a failure can mark the
   * revision dirty at the statement it stopped at, and a rerun after the fix can skip the ones
   * that ran ({@code skip}).
   */
  private void runStep(Connection c, Step step, MigrationBody body, int skip) throws SQLException {
    Revision r = step.revision();
    Optional<Op> blocker = inTransaction(r)
        ? autocommitOp(step, body, c.getMetaData().getDatabaseMajorVersion()) : Optional.empty();
    boolean tx = inTransaction(r) && blocker.isEmpty();
    options.progress().accept("Running " + step.describe()
        + (skip > 0 ? " (resuming at statement " + (skip + 1) + ")" : "")
        + blocker.map(o -> " (outside a transaction: " + o.describe() + " cannot run inside one)")
            .orElse(""));
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    // Only an SQL file is batched: a refused batch is run again statement by statement (below),
    // and a Java migration's code must run once, as it may do more than send SQL
    boolean sqlFile = r.file().map(f -> f.getFileName().toString().endsWith(".sql")).orElse(false);
    LiveSink sink = new LiveSink(c, dialect, skip, tx && sqlFile && dialect.batchesStatements());
    dialect.beforeStep(c);
    try {
      try {
        attempt(c, step, body, sink, tx, started, t0);
      } catch (Exception e) {
        if (!sink.batchFailed()) {
          throw e;
        }
        // A refused batch rolled back whole, and its error does not say reliably which statement
        // it was: run the step again one statement at a time, which stops at that statement with
        // the database's own message (or succeeds, when the failure was transient).
        c.rollback();
        sink = new LiveSink(c, dialect, skip, false);
        attempt(c, step, body, sink, tx, started, t0);
      }
    } catch (Exception e) {
      if (!c.getAutoCommit()) {
        rollbackQuietly(c);
      }
      c.setAutoCommit(true);
      String why = !r.transactional() ? "the migration is marked transactional false"
          : blocker.isPresent() ? blocker.get().describe() + " cannot run inside one"
          : dialect.name() + " commits DDL as it goes";
      throw failure(c, step, started, t0, e, tx ? null : sink.executed() + 1, why);
    } finally {
      c.setAutoCommit(true);
      dialect.afterStep(c);
    }
  }

  /** Runs the step's body and bookkeeping through {@code sink}, and commits. */
  private void attempt(Connection c, Step step, MigrationBody body, LiveSink sink, boolean tx,
      Instant started, long t0) throws Exception {
    if (tx) {
      c.setAutoCommit(false);
    }
    body.run(step.direction(), new Operations(sink), sink::at);
    if (!tx) {
      // the migration's own statements are committed; the bookkeeping goes in one transaction
      c.setAutoCommit(false);
    }
    sink.at("version table");
    List<Sql> bookkeeping = new ArrayList<>(versions.update(step.rowsBefore(), step.rowsAfter()));
    // a batched step's statements run only with the batch: the server times them
    String duration = sink.batching() ? dialect.transactionMillisSql().orElse(null) : null;
    bookkeeping.add(versions.history(
        entry(step.revision(), step.direction(), started, millisSince(t0), true, null, ""), duration));
    // one round trip; with a batching sink, the migration's statements and the COMMIT too
    sink.recordAndCommit(bookkeeping, () -> dialect.beforeCommit(c));
  }

  /**
   * The first op of the step that the database refuses inside a transaction, if any.
   *
   * @param serverMajorVersion the server's major version, 0 when unknown (offline)
   */
  private Optional<Op> autocommitOp(Step step, MigrationBody body, int serverMajorVersion) {
    return body.probe(step.direction(), dialect.name()).orElse(List.of()).stream()
        .filter(op -> dialect.requiresAutocommit(op, serverMajorVersion)).findFirst();
  }

  /** Whether a step runs in one transaction: the migration allows it and DDL takes part. */
  private boolean inTransaction(Revision r) {
    return r.transactional() && dialect.capabilities().transactionalDdl();
  }

  private RetortException failure(Connection c, Step step, Instant started, long t0, Exception e,
      Integer failedStatement, String whyNoTransaction) {
    Revision r = step.revision();
    String statement = e instanceof StatementFailure f ? f.statement : "";
    String where = e instanceof StatementFailure f && !f.location.isEmpty() ? f.location : r.origin();
    String cause = e instanceof StatementFailure || e instanceof SQLException ? e.getMessage()
        : e instanceof RetortException ? e.getMessage()
        : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    // Outside a transaction, a failure at the first statement leaves nothing half-done; later, the
    // statements before it (run now or by an earlier, resumed run) stay applied.
    Integer dirtyAt = failedStatement != null && failedStatement > 1 ? failedStatement : null;
    try {
      LiveSink.execute(c, versions.history(entry(r, step.direction(), started, millisSince(t0), false,
          dirtyAt, abbreviate(cause, 2000))), "");
    } catch (StatementFailure ignored) {
      // recording the failure is best effort: the database may be gone
    }
    String before = rowsText(step.rowsBefore());
    String outcome;
    if (failedStatement == null) {
      outcome = "The migration was rolled back; the database stays at " + before + ".";
    } else if (dirtyAt == null) {
      outcome = "Nothing of it ran; the database stays at " + before + ".";
    } else {
      outcome = "It ran outside a transaction (" + whyNoTransaction + "), so " + (dirtyAt == 2 ? "its first statement stays"
              : "its first " + (dirtyAt - 1) + " statements stay")
          + " applied and revision " + r.id() + " is now marked dirty; the version table stays"
          + " at " + before + ". Fix the migration and run again to resume at statement " + dirtyAt
          + ", or repair by hand and run 'retort stamp' with the revision the schema now matches.";
    }
    String msg = step.describe() + " failed"
        + "\n  at: " + where
        + (statement.isEmpty() ? "" : "\n  statement: " + abbreviate(statement.strip(), 2000))
        + "\n  error: " + cause
        + "\n" + outcome;
    if (e instanceof UsageException u && statement.isEmpty()) {
      return new UsageException(msg, u);
    }
    return new MigrationFailedException(r.id(), statement, msg, e);
  }

  private VersionTable.HistoryEntry entry(Revision r, Direction d, Instant started, long ms,
      boolean ok, Integer failedStatement, String message) {
    return new VersionTable.HistoryEntry(r.id(), d, r.checksum(), dialect.literal(started), ms,
        options.who(), ok, failedStatement, message);
  }

  /** The offline script for a plan: version table DDL, then each step in its own transaction. */
  public String script(Plan plan, String title) {
    StringBuilder out = new StringBuilder();
    OfflineSink sink = new OfflineSink(dialect, out);
    out.append("-- ").append(title).append("\n-- generated by Retort for ").append(dialect.name())
        .append("; review before running\n\n");
    sink.write(versions.create());
    Map<String, MigrationBody> bodies = load(plan.steps());
    for (Step step : plan.steps()) {
      Revision r = step.revision();
      sink.revision(r.id());
      out.append("\n-- Running ").append(step.describe()).append('\n');
      boolean tx = inTransaction(r) && autocommitOp(step, bodies.get(r.id()), 0).isEmpty();
      if (tx) {
        out.append("BEGIN;\n");
      }
      try {
        bodies.get(r.id()).run(step.direction(), new Operations(sink), where -> {});
      } catch (RetortException e) {
        throw e;
      } catch (Exception e) {
        throw new UsageException(r.origin() + ": " + step.describe() + " failed while writing the "
            + "script: " + e, e);
      }
      sink.write(versions.update(step.rowsBefore(), step.rowsAfter()));
      // inside a transaction the database can time the step, where the dialect says how
      String duration = tx ? dialect.transactionMillisSql().orElse(null) : null;
      sink.write(List.of(versions.history(new VersionTable.HistoryEntry(r.id(), step.direction(),
          r.checksum(), "CURRENT_TIMESTAMP", 0, "offline script", true, null, ""), duration)));
      if (tx) {
        out.append("COMMIT;\n");
      }
    }
    return out.toString();
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the original failure is the one to report
    }
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  static String rowsText(Set<String> rows) {
    return rows.isEmpty() ? "base" : String.join(", ", new TreeSet<>(rows));
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
