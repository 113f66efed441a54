package dev.retort;

import dev.retort.codegen.SqlMigrationWriter;
import dev.retort.dialect.Catalog;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.diff.DiffOptions;
import dev.retort.diff.DiffResult;
import dev.retort.diff.Differ;
import dev.retort.diff.RenameCandidate;
import dev.retort.diff.TableFilter;
import dev.retort.error.IrreversibleOperationException;
import dev.retort.error.UsageException;
import dev.retort.inspect.InspectOptions;
import dev.retort.ops.Op;
import dev.retort.dialect.Dialect;
import dev.retort.runtime.DesiredSchema;
import dev.retort.runtime.EntityModel;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 */
record SchemaComparison(DiffResult diff, List<SqlMigrationWriter.Step> upgrade,
    List<SqlMigrationWriter.Step> downgrade, List<String> irreversible, Optional<String> leftOut) {

  boolean isEmpty() {
    return diff.isEmpty();
  }

  static SchemaComparison compare(RetortConfig config, Session session, CompareOptions options) {
    SchemaSource source = config.schema().orElseThrow(() -> new UsageException("no desired schema: "
        + "set schema=schema.sql in retort.properties (or RETORT_SCHEMA) to the file that declares "
        + "it, or schema=jpa:com.example.model for JPA entities"));
    if (source instanceof SchemaSource.File f && !Files.isRegularFile(f.path())) {
      throw new UsageException("the desired schema " + f.path() + " does not exist");
    }
    TableFilter filter = options.tableFilter();
    return session.withConnection((dialect, c) -> {
      // A Java definition and JPA entities need no database: they are compiled or loaded, and
      // read, on a second thread while this one waits for the catalog queries (at 1,000 tables
      // each takes about 0.2 s; Hibernate's boot about a second).
      FutureTask<DesiredSchema.Desired> definition = null;
      if (source instanceof SchemaSource.Jpa jpa) {
        EntityModel model = entityModel(config, jpa, dialect, c.getMetaData());
        definition = new FutureTask<>(() -> DesiredSchema.loadEntities(model));
      } else if (!DesiredSchema.needsDatabase(((SchemaSource.File) source).path())) {
        Path file = ((SchemaSource.File) source).path();
        definition = new FutureTask<>(() -> DesiredSchema.load(file, dialect, null, session.classCache()));
      }
      if (definition != null) {
        Thread t = new Thread(definition, "retort-definition");
        t.setDaemon(true);
        t.start();
      }
      Schema live;
      try {
        live = inspect(config, dialect, c);
      } catch (Throwable e) {
        if (definition != null) {
          definition.cancel(true);
        }
        throw e;
      }
      DesiredSchema.Desired desired = definition == null
          ? DesiredSchema.load(((SchemaSource.File) source).path(), dialect, c, session.classCache())
          : await(definition);
      return between(dialect, filter.apply(live), filter.apply(desired.schema()),
          merge(desired.hints(), options.diffOptions()), source.describe());
    });
  }

  /** The live schema, without Retort's own tables. */
  static Schema inspect(RetortConfig config, dev.retort.dialect.Dialect dialect,
      java.sql.Connection c) throws java.sql.SQLException {
    return dialect.inspector().inspect(c, InspectOptions.excluding(
        QualifiedName.parse(config.versionTable()).name(),
        QualifiedName.parse(config.historyTable()).name()));
  }

  /**
   * {@code from} compared with {@code to} in the dialect's canonical form, each op rendered for it.
   *
   * @param toName what {@code to} is called in the note on objects Retort does not model
   */
  static SchemaComparison between(dev.retort.dialect.Dialect dialect, Schema from, Schema to,
      DiffOptions options, String toName) {
    DiffResult d = new Differ().diff(from, to, options, dialect.normalizer());
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
      } catch (IrreversibleOperationException e) {
        irreversible.add("the downgrade cannot undo this step: " + e.getMessage());
      }
    }
    return new SchemaComparison(d, up, down, irreversible, d.unmodelledNote(toName));
  }

  /** What reading the entities needs: the settings, and the database they are meant for. */
  private static EntityModel entityModel(RetortConfig config, SchemaSource.Jpa jpa, Dialect dialect,
      DatabaseMetaData meta) throws SQLException {
    Map<String, String> properties = new java.util.LinkedHashMap<>();
    config.settings().forEach((k, v) -> {
      if (k.startsWith(JPA_PROPERTY)) {
        properties.put(k.substring(JPA_PROPERTY.length()), v.strip());
      }
    });
    return new EntityModel(jpa.targets(), config.setting("schema-classpath").orElse(""),
        config.projectDir(), config.setting("jpa-naming").map(String::strip), properties,
        dialect.name(), meta.getDatabaseProductName(), meta.getDatabaseMajorVersion(),
        meta.getDatabaseMinorVersion());
  }

  private static final String JPA_PROPERTY = "jpa-property.";

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
  static SqlMigrationWriter.Step step(Renderer renderer, Op op) {
    try {
      return new SqlMigrationWriter.Step(op, renderer.render(op).stream().map(Sql::text).toList(),
          Optional.empty());
    } catch (UsageException e) {
      return new SqlMigrationWriter.Step(op, List.of(), Optional.of(e.getMessage()));
    }
  }

  List<String> renameWarnings() {
    return diff.renameCandidates().stream().map(RenameCandidate::warning).toList();
  }

  SchemaDiff toSchemaDiff() {
    return new SchemaDiff(publicSteps(upgrade), publicSteps(downgrade), renameWarnings(),
        irreversible, leftOut);
  }

  private static List<SchemaDiff.Step> publicSteps(List<SqlMigrationWriter.Step> steps) {
    return steps.stream().map(s -> new SchemaDiff.Step(s.op().describe(), s.statements(),
        s.problem(), SqlMigrationWriter.dataLoss(s.op()))).toList();
  }
}
