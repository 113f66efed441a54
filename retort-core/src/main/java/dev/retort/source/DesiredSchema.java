package dev.retort.source;

import dev.retort.dialect.Dialect;
import dev.retort.diff.DiffOptions;
import dev.retort.dsl.SchemaBuilder;
import dev.retort.dsl.SchemaDefinition;
import dev.retort.error.DatabaseException;
import dev.retort.error.MigrationFileException;
import dev.retort.error.UsageException;
import dev.retort.inspect.Connector;
import dev.retort.runtime.JavaMigrationCompiler;
import dev.retort.schema.Schema;
import dev.retort.script.Statement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The schema a project wants: a Java schema definition ({@code .java}, compiled at run time), a
 * desired-state SQL file ({@code .sql}, loaded into a scratch copy), or JPA entities (read by the
 * {@code retort-jpa} module, which only a JPA schema loads).
 */
public final class DesiredSchema {
  /** Run on their own, not in a batch: CREATE EXTENSION, and statements that return rows. */
  private static final java.util.regex.Pattern ALONE =
      java.util.regex.Pattern.compile(
          "(?is)(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*(?:CREATE\\s+EXTENSION\\b|SELECT\\b|WITH\\b|VALUES\\b|SHOW\\b|TABLE\\b)");

  private DesiredSchema() {}

  /**
   * The desired schema, the rename hints its definition gives, what reading it found worth telling
   * the user (a SQL file's transaction control, seed data, statements it left out), and the rows
   * some of its tables must start with ({@link InitialRows}).
   */
  public record Desired(
      Schema schema, DiffOptions hints, List<String> notes, List<InitialRows> initialRows) {
    public Desired {
      notes = List.copyOf(notes);
      initialRows = List.copyOf(initialRows);
    }

    /** Without initial rows. */
    public Desired(Schema schema, DiffOptions hints, List<String> notes) {
      this(schema, hints, notes, List.of());
    }

    /** Without notes. */
    public Desired(Schema schema, DiffOptions hints) {
      this(schema, hints, List.of());
    }
  }

  /**
   * Whether reading {@code file} needs the database: a SQL file is run on a scratch copy, a Java
   * definition is not.
   */
  public static boolean needsDatabase(Path file) {
    return !file.getFileName().toString().endsWith(".java");
  }

  /**
   * Reads {@code file} by its kind; {@code live} may be null when it {@linkplain #needsDatabase
   * does not need it}.
   */
  public static Desired load(Path file, Dialect dialect, Connection live, Path classCache) {
    return load(file, dialect, live, classCache, null);
  }

  /**
   * The same, with a way to open other connections to the server, for a dialect that loads a SQL
   * file into a scratch database of its own; null when there is none.
   */
  public static Desired load(
      Path file, Dialect dialect, Connection live, Path classCache, Connector connector) {
    String name = file.getFileName().toString();
    if (name.endsWith(".java")) {
      SchemaDefinition definition =
          new JavaMigrationCompiler(classCache).instantiate(file, SchemaDefinition.class);
      SchemaBuilder builder = new SchemaBuilder(dialect.name());
      try {
        definition.define(builder);
      } catch (RuntimeException e) {
        throw new MigrationFileException(file, 0, "the schema definition failed: " + e);
      }
      return new Desired(builder.schema(), builder.hints());
    }
    if (name.endsWith(".sql")) {
      return fromSqlFile(file, dialect, live, connector);
    }
    throw new UsageException(
        "the desired schema "
            + file
            + " should be a .java schema definition "
            + "or a .sql file of CREATE statements");
  }

  /**
   * The schema JPA entities describe, read by the {@link EntitySchemaReader} on the class path
   * ({@code retort-jpa}); looked up only now, so that no other path loads it.
   */
  public static Desired loadEntities(EntityModel model) {
    java.util.Iterator<EntitySchemaReader> readers =
        java.util.ServiceLoader.load(EntitySchemaReader.class, DesiredSchema.class.getClassLoader())
            .iterator();
    if (!readers.hasNext()) {
      throw new UsageException(
          "schema=jpa:"
              + String.join(",", model.targets())
              + " needs the "
              + "retort-jpa module beside retort-core (Maven: dev.retort:retort-jpa); the retort "
              + "command line and its Maven plugin include it");
    }
    return readers.next().read(model);
  }

  /**
   * Applies {@code file} to a scratch copy of the database (which the dialect makes and throws
   * away) and inspects the result.
   */
  public static Schema fromSqlFile(Path file, Dialect dialect, Connection live) {
    return fromSqlFile(file, dialect, live, null).schema();
  }

  /**
   * The same, with the notes on what the file holds besides its schema; {@code connector} opens
   * other connections to the server (null: none).
   */
  public static Desired fromSqlFile(
      Path file, Dialect dialect, Connection live, Connector connector) {
    SchemaScript.Loaded script;
    try {
      script =
          SchemaScript.read(
              String.valueOf(file.getFileName()),
              dev.retort.text.Utf8Files.read(file),
              dialect.lexis() == dev.retort.dialect.Sql.Lexis.MYSQL);
    } catch (IllegalArgumentException e) {
      throw new MigrationFileException(file, 0, e.getMessage());
    }
    List<Statement> body = script.statements();
    Statement[] current = new Statement[1];
    try {
      Schema schema =
          dialect.inspectScratch(
              live,
              scratch -> {
                if (dialect.capabilities().batchesStatements() && loadBatched(scratch, body)) {
                  return;
                }
                for (Statement s : body) {
                  current[0] = s;
                  try (java.sql.Statement st = scratch.createStatement()) {
                    st.execute(s.sql());
                  }
                }
                current[0] = null;
              },
              body.stream().map(Statement::sql).toList(),
              connector);
      return new Desired(schema, DiffOptions.defaults(), script.notes());
    } catch (SQLException e) {
      if (current[0] != null) {
        throw new MigrationFileException(
            file,
            current[0].line(),
            "the desired schema does not apply: "
                + head(current[0].sql())
                + ": "
                + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
      }
      throw new DatabaseException(
          "cannot make a scratch copy to load " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Sends the statements as JDBC batches, a round trip each instead of one per statement, with
   * {@code CREATE EXTENSION} (the dialect may handle it apart) and statements that return rows (a
   * batch refuses them) on their own. False, with the batch rolled back to where it began, when the
   * database refused it: a batch's error does not say which statement failed, so the caller then
   * runs them one at a time to name it.
   */
  private static boolean loadBatched(Connection scratch, List<Statement> body) throws SQLException {
    java.sql.Savepoint start = scratch.setSavepoint();
    try (java.sql.Statement batch = scratch.createStatement()) {
      boolean pending = false;
      for (Statement s : body) {
        if (ALONE.matcher(s.sql()).lookingAt()) {
          if (pending) {
            batch.executeBatch();
            pending = false;
          }
          try (java.sql.Statement alone = scratch.createStatement()) {
            alone.execute(s.sql());
          }
        } else {
          batch.addBatch(s.sql());
          pending = true;
        }
      }
      if (pending) {
        batch.executeBatch();
      }
      scratch.releaseSavepoint(start);
      return true;
    } catch (SQLException e) {
      try {
        scratch.rollback(start);
      } catch (SQLException closed) {
        // the batch broke the connection: no statement-by-statement rerun can name the culprit
        e.addSuppressed(closed);
        throw e;
      }
      return false;
    }
  }

  /**
   * The start of a statement, to name what failed in a message: its first line, at most 80
   * characters, control characters made spaces.
   */
  private static String head(String sql) {
    String first = sql.strip().lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ");
    return first.length() > 80 ? first.substring(0, 77) + "..." : first;
  }
}
