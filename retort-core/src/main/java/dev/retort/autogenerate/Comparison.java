package dev.retort.autogenerate;

import dev.retort.codegen.SqlMigrationWriter;
import dev.retort.dialect.Catalog;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.diff.DiffOptions;
import dev.retort.diff.DiffResult;
import dev.retort.diff.Differ;
import dev.retort.diff.RenameCandidate;
import dev.retort.diff.TableFilter;
import dev.retort.error.IrreversibleOperationException;
import dev.retort.error.UsageException;
import dev.retort.inspect.Connector;
import dev.retort.inspect.InspectOptions;
import dev.retort.ops.CreateTable;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.Op;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.source.DesiredSchema;
import dev.retort.source.EntityModel;
import dev.retort.source.InitialRows;
import dev.retort.source.SchemaSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The live database compared with the desired schema, with each op rendered for the database: what
 * {@code diff} and {@code check} show and autogenerate writes.
 *
 * @param diff the ops that bring the database to the definition, and possible renames
 * @param upgrade the SQL of each op for this database
 * @param downgrade the SQL of the reversed ops, in reverse order
 * @param irreversible why some ops are missing from the downgrade (no inverse exists)
 * @param leftOut what the desired schema holds that Retort does not model, for the user
 * @param notes what loading the desired schema found worth saying: a SQL file's transaction control
 *     and seed data, statements it left out
 */
public record Comparison(
    DiffResult diff,
    List<SqlMigrationWriter.Step> upgrade,
    List<SqlMigrationWriter.Step> downgrade,
    List<String> irreversible,
    Optional<String> leftOut,
    List<String> notes) {
  public Comparison {
    notes = List.copyOf(notes);
  }

  /**
   * What a comparison needs to know of the project.
   *
   * @param source the desired schema; empty when the project names none
   * @param projectDir where relative paths start
   * @param classCache where a compiled Java schema definition is kept
   * @param versionTable the version table, left out of the live schema
   * @param historyTable the history table, left out too
   * @param settings the project's settings ({@code schema-classpath}, {@code jpa-naming}, {@code
   *     jpa-property.*} for entities)
   * @param connector opens other connections with the project's credentials, for a scratch copy
   *     that is a database of its own; null when there is none
   */
  public record Project(
      Optional<SchemaSource> source,
      Path projectDir,
      Path classCache,
      String versionTable,
      String historyTable,
      Map<String, String> settings,
      Connector connector) {}

  /** Whether the database already matches. */
  public boolean isEmpty() {
    return diff.isEmpty();
  }

  /**
   * The live database (on {@code c}) compared with the desired schema, the tables {@code filter}
   * keeps only, with {@code renames} taken as renames.
   */
  public static Comparison compare(
      Project project, DiffOptions renames, TableFilter filter, Dialect dialect, Connection c)
      throws SQLException {
    SchemaSource source =
        project
            .source()
            .orElseThrow(
                () ->
                    new UsageException(
                        "no desired schema: "
                            + "set schema=schema.sql in retort.properties (or RETORT_SCHEMA) to the file that declares "
                            + "it, or schema=jpa:com.example.model for JPA entities"));
    if (source instanceof SchemaSource.File f && !Files.isRegularFile(f.path())) {
      throw new UsageException("the desired schema " + f.path() + " does not exist");
    }
    // A Java definition and JPA entities need no database: they are compiled or loaded, and
    // read, on a second thread while this one waits for the catalog queries (at 1,000 tables
    // each takes about 0.2 s; Hibernate's boot about a second).
    FutureTask<DesiredSchema.Desired> definition = null;
    if (source instanceof SchemaSource.Jpa jpa) {
      EntityModel model = entityModel(project, jpa, dialect, c.getMetaData());
      definition = new FutureTask<>(() -> DesiredSchema.loadEntities(model));
    } else if (!DesiredSchema.needsDatabase(((SchemaSource.File) source).path())) {
      Path file = ((SchemaSource.File) source).path();
      definition =
          new FutureTask<>(() -> DesiredSchema.load(file, dialect, null, project.classCache()));
    }
    if (definition != null) {
      Thread t = new Thread(definition, "retort-definition");
      t.setDaemon(true);
      t.start();
    }
    Schema live;
    try {
      live = inspect(project, dialect, c);
    } catch (Throwable e) {
      if (definition != null) {
        definition.cancel(true);
      }
      throw e;
    }
    DesiredSchema.Desired desired =
        definition == null
            ? DesiredSchema.load(
                ((SchemaSource.File) source).path(),
                dialect,
                c,
                project.classCache(),
                project.connector())
            : await(definition);
    return between(
            dialect,
            filter.apply(live),
            filter.apply(desired.schema()),
            merge(desired.hints(), renames),
            source.describe(),
            desired.initialRows())
        .withNotes(desired.notes());
  }

  /** This comparison with {@code notes} on loading the desired schema. */
  public Comparison withNotes(List<String> notes) {
    return new Comparison(diff, upgrade, downgrade, irreversible, leftOut, notes);
  }

  /** The live schema, without Retort's own tables. */
  public static Schema inspect(Project project, Dialect dialect, Connection c) throws SQLException {
    return dialect
        .inspector()
        .inspect(
            c,
            InspectOptions.excluding(
                QualifiedName.parse(project.versionTable()).name(),
                QualifiedName.parse(project.historyTable()).name()));
  }

  /**
   * {@code from} compared with {@code to} in the dialect's canonical form, each op rendered for it.
   *
   * @param toName what {@code to} is called in the note on objects Retort does not model
   */
  public static Comparison between(
      Dialect dialect, Schema from, Schema to, DiffOptions options, String toName) {
    return between(dialect, from, to, options, toName, List.of());
  }

  /**
   * The same, with {@code rows} inserted right after the table they belong to is created; the
   * downgrade drops the table and so has no step of its own for them.
   */
  static Comparison between(
      Dialect dialect,
      Schema from,
      Schema to,
      DiffOptions options,
      String toName,
      List<InitialRows> rows) {
    DiffResult d = new Differ().diff(from, to, options, dialect.normalizer());
    Set<Op> inserts = Collections.newSetFromMap(new IdentityHashMap<>());
    if (!rows.isEmpty()) {
      d = withInitialRows(d, rows, inserts);
    }
    Renderer renderer = dialect.renderer(Catalog.NONE);
    List<SqlMigrationWriter.Step> up = new ArrayList<>();
    List<SqlMigrationWriter.Step> down = new ArrayList<>();
    for (Op op : d.ops()) {
      up.add(step(renderer, op));
    }
    List<String> irreversible = new ArrayList<>();
    for (int i = d.ops().size() - 1; i >= 0; i--) {
      if (inserts.contains(d.ops().get(i))) {
        continue;
      }
      try {
        down.add(step(renderer, d.ops().get(i).reverse()));
      } catch (IrreversibleOperationException e) {
        irreversible.add("the downgrade cannot undo this step: " + e.getMessage());
      }
    }
    return new Comparison(d, up, down, irreversible, d.unmodelledNote(toName), List.of());
  }

  /**
   * {@code d} with each table's initial rows after its creation; the inserts added to {@code
   * added}.
   */
  private static DiffResult withInitialRows(DiffResult d, List<InitialRows> rows, Set<Op> added) {
    List<Op> ops = new ArrayList<>();
    for (Op op : d.ops()) {
      ops.add(op);
      if (op instanceof CreateTable t) {
        for (InitialRows r : rows) {
          if (r.isFor(t.table().name())) {
            for (String sql : r.statements()) {
              Op insert = ExecuteSql.of(sql);
              ops.add(insert);
              added.add(insert);
            }
          }
        }
      }
    }
    return new DiffResult(ops, d.renameCandidates(), d.unmodelled());
  }

  /** What reading the entities needs: the settings, and the database they are meant for. */
  private static EntityModel entityModel(
      Project project, SchemaSource.Jpa jpa, Dialect dialect, DatabaseMetaData meta)
      throws SQLException {
    Map<String, String> properties = new java.util.LinkedHashMap<>();
    project
        .settings()
        .forEach(
            (k, v) -> {
              if (k.startsWith(JPA_PROPERTY)) {
                properties.put(k.substring(JPA_PROPERTY.length()), v.strip());
              }
            });
    return new EntityModel(
        jpa.targets(),
        setting(project, "schema-classpath").orElse(""),
        project.projectDir(),
        setting(project, "jpa-naming").map(String::strip),
        properties,
        dialect.name(),
        meta.getDatabaseProductName(),
        meta.getDatabaseMajorVersion(),
        meta.getDatabaseMinorVersion());
  }

  private static final String JPA_PROPERTY = "jpa-property.";

  private static Optional<String> setting(Project project, String key) {
    return Optional.ofNullable(project.settings().get(key)).filter(v -> !v.isBlank());
  }

  /** The task's result; what it threw, thrown here. */
  private static DesiredSchema.Desired await(FutureTask<DesiredSchema.Desired> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the schema definition", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The definition's rename hints, overridden by those given on the command line. */
  private static DiffOptions merge(DiffOptions fromDefinition, DiffOptions given) {
    Map<String, String> tables = new HashMap<>(fromDefinition.tableRenames());
    tables.putAll(given.tableRenames());
    Map<String, String> columns = new HashMap<>(fromDefinition.columnRenames());
    columns.putAll(given.columnRenames());
    return new DiffOptions(tables, columns);
  }

  /** The op rendered, or why it cannot be rendered ahead of time. */
  public static SqlMigrationWriter.Step step(Renderer renderer, Op op) {
    try {
      return new SqlMigrationWriter.Step(
          op, renderer.render(op).stream().map(Sql::text).toList(), Optional.empty());
    } catch (UsageException e) {
      return new SqlMigrationWriter.Step(op, List.of(), Optional.of(e.getMessage()));
    }
  }

  /** The warnings of the possible renames. */
  public List<String> renameWarnings() {
    return diff.renameCandidates().stream().map(RenameCandidate::warning).toList();
  }
}
