package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.diff.DiffOptions;
import dev.retort.dsl.SchemaBuilder;
import dev.retort.dsl.SchemaDefinition;
import dev.retort.error.DatabaseException;
import dev.retort.error.MigrationFileException;
import dev.retort.error.UsageException;
import dev.retort.schema.Schema;
import dev.retort.script.SqlSplitter;
import dev.retort.script.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The schema a project wants: a Java schema definition ({@code .java}, compiled at run time) or a
 * desired-state SQL file ({@code .sql}, loaded into a scratch copy).
 */
public final class DesiredSchema {
  private static final java.util.regex.Pattern TRANSACTION_CONTROL = java.util.regex.Pattern.compile(
      "(?i)\\s*(BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)(\\s+(WORK|TRANSACTION))?\\s*");

  private DesiredSchema() {}

  /** The desired schema, and the rename hints its definition gives. */
  public record Desired(Schema schema, DiffOptions hints) {}

  /** Reads {@code file} by its kind. */
  public static Desired load(Path file, Dialect dialect, Connection live, Path classCache) {
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
      return new Desired(fromSqlFile(file, dialect, live), DiffOptions.defaults());
    }
    throw new UsageException("the desired schema " + file + " should be a .java schema definition "
        + "or a .sql file of CREATE statements");
  }

  /**
   * Applies {@code file} to a scratch copy of the database (which the dialect makes and throws
   * away) and inspects the result.
   */
  public static Schema fromSqlFile(Path file, Dialect dialect, Connection live) {
    List<Statement> statements;
    try {
      statements = SqlSplitter.splitWithLines(Files.readString(file, StandardCharsets.UTF_8), 1);
    } catch (IOException e) {
      throw new UsageException("cannot read the schema file " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new MigrationFileException(file, 0, e.getMessage());
    }
    Statement[] current = new Statement[1];
    try {
      return dialect.inspectScratch(live, scratch -> {
        for (Statement s : statements) {
          if (TRANSACTION_CONTROL.matcher(s.sql()).matches()) {
            continue; // a desired state has no transactions; a COMMIT would end the scratch copy's
          }
          current[0] = s;
          try (java.sql.Statement st = scratch.createStatement()) {
            st.execute(s.sql());
          }
        }
      });
    } catch (SQLException e) {
      if (current[0] != null) {
        throw new MigrationFileException(file, current[0].line(),
            "the desired schema does not apply: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
      }
      throw new DatabaseException("cannot make a scratch copy to load " + file + ": " + e.getMessage(), e);
    }
  }
}
