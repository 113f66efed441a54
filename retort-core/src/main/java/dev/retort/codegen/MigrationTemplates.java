package dev.retort.codegen;

import dev.retort.error.UsageException;
import dev.retort.script.HeaderParser;
import dev.retort.script.Revision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The text of new, empty migrations and of a new project's configuration. */
public final class MigrationTemplates {
  private MigrationTemplates() {}

  /** Refuses an id the header parser would not read back. */
  public static void validateId(String id) {
    HeaderParser.idProblem(id)
        .ifPresent(
            p -> {
              throw new UsageException(p);
            });
  }

  /**
   * The lines a project keeps out of version control: Retort's class cache, the secrets in {@code
   * .env}, and the SQLite database the scaffolded settings point at, with its lock file.
   */
  public static String gitignore() {
    return """
        # Retort
        .retort/
        .env
        retort.db
        retort.db.retort-lock
        """;
  }

  /** A commented {@code .env.example}: what a developer copies to {@code .env}. */
  public static String envExample() {
    return """
        # Copy to .env (which git ignores) and fill in. Each setting of retort.properties can be set
        # here as RETORT_ and the key in upper case ('-' and '.' as '_'); these win over the file,
        # and the environment wins over this.

        # The database: a JDBC URL, or postgresql://user:password@host:5432/db, mysql://..., or
        # sqlite:///file.db. Without it, DATABASE_URL is used, as on most hosting platforms.
        # RETORT_URL=postgresql://app:secret@localhost:5432/app

        # Credentials, when not in the URL.
        # RETORT_USER=app
        # RETORT_PASSWORD=secret

        # Seconds to wait for another run to finish.
        # RETORT_LOCK_TIMEOUT=300
        """;
  }

  /** A new migration in {@code format}. */
  public static String render(
      Revision.Format format,
      String id,
      List<String> parents,
      List<String> branchLabels,
      List<String> dependsOn,
      String message) {
    return render(format, id, parents, branchLabels, dependsOn, message, List.of());
  }

  /**
   * A new migration in {@code format}; an SQL one with an empty {@code -- retort:dialect} section
   * for each of {@code dialects}, or none when it is empty.
   */
  public static String render(
      Revision.Format format,
      String id,
      List<String> parents,
      List<String> branchLabels,
      List<String> dependsOn,
      String message,
      List<String> dialects) {
    return format == Revision.Format.JAVA
        ? java(id, parents, branchLabels, dependsOn, message)
        : sql(id, parents, branchLabels, dependsOn, message, dialects);
  }

  private static String sql(
      String id,
      List<String> parents,
      List<String> labels,
      List<String> deps,
      String message,
      List<String> dialects) {
    StringBuilder b = new StringBuilder();
    b.append("-- retort:revision ").append(id).append('\n');
    if (!parents.isEmpty()) {
      b.append("-- retort:revises ").append(String.join(", ", parents)).append('\n');
    }
    if (!labels.isEmpty()) {
      b.append("-- retort:branch-labels ").append(String.join(", ", labels)).append('\n');
    }
    if (!deps.isEmpty()) {
      b.append("-- retort:depends-on ").append(String.join(", ", deps)).append('\n');
    }
    b.append("-- retort:message ").append(message).append('\n');
    b.append("-- created ").append(now()).append("\n\n");
    if (dialects.isEmpty()) {
      b.append("-- retort:upgrade\n\n");
      b.append("-- retort:downgrade\n");
    }
    for (String d : dialects) {
      b.append("-- retort:dialect ").append(d).append('\n');
      b.append("-- retort:upgrade\n\n");
      b.append("-- retort:downgrade\n\n");
    }
    return b.toString();
  }

  private static String java(
      String id, List<String> parents, List<String> labels, List<String> deps, String message) {
    StringBuilder ann = new StringBuilder("@Revision(id = ").append(str(id));
    if (!parents.isEmpty()) {
      ann.append(", revises = ").append(array(parents));
    }
    if (!labels.isEmpty()) {
      ann.append(",\n    branchLabels = ").append(array(labels));
    }
    if (!deps.isEmpty()) {
      ann.append(",\n    dependsOn = ").append(array(deps));
    }
    ann.append(",\n    message = ")
        .append(str(message))
        .append(", created = ")
        .append(str(now()))
        .append(")");
    return """
        import static dev.retort.schema.ColumnType.*;

        import dev.retort.migration.Migration;
        import dev.retort.migration.Revision;
        import dev.retort.ops.Operations;

        %s
        final class %s implements Migration {
          @Override
          public void upgrade(Operations op) {
          }

          @Override
          public void downgrade(Operations op) {
          }
        }
        """
        .formatted(ann, className(id, message));
  }

  /** A Java class name from the message: {@code add user prefs} → {@code AddUserPrefs}. */
  static String className(String id, String message) {
    StringBuilder b = new StringBuilder();
    for (String word : message.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        b.append(Character.toUpperCase(word.charAt(0)))
            .append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    if (b.length() > 60) {
      b.setLength(60);
    }
    if (b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0))) {
      b.insert(0, "Migration_" + id + (b.length() == 0 ? "" : "_"));
    }
    return b.toString();
  }

  private static String array(List<String> values) {
    if (values.size() == 1) {
      return str(values.get(0));
    }
    return "{" + String.join(", ", values.stream().map(MigrationTemplates::str).toList()) + "}";
  }

  private static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The schema definition stub of a new project. */
  public static String schemaStub() {
    return """
        import static dev.retort.schema.ColumnType.*;

        import dev.retort.dsl.SchemaBuilder;
        import dev.retort.dsl.SchemaDefinition;

        /**
         * The schema this project wants. 'retort check' compares the database with it, and
         * 'retort revision --autogenerate -m "..."' writes the migration that gets there.
         */
        public final class AppSchema implements SchemaDefinition {
          @Override
          public void define(SchemaBuilder s) {
            // s.table("users", t -> {
            //   t.column("id", integer()).primaryKey().autoIncrement();
            //   t.column("email", varchar(255)).notNull().unique();
            // });
          }
        }
        """;
  }

  /** The {@code retort.properties} of a new project. */
  public static String properties() {
    return """
        # Retort configuration. Each key can also be set as RETORT_<KEY> in the environment or in
        # a .env file beside this one (upper case, '-' and '.' as '_'), and --url overrides url.

        # The database: a JDBC URL, postgresql://user@host/db, or an SQLite file (relative to
        # this directory).
        url=jdbc:sqlite:retort.db
        # user=
        # password=   (better in the environment or .env than here)

        # Where the migrations live, relative to this directory.
        migrations=migrations

        # The desired schema, for check, diff and revision --autogenerate: a Java schema
        # definition (as scaffolded) or a .sql file of CREATE statements.
        schema=schema/AppSchema.java

        # version-table=retort_version
        # history-table=retort_history
        # lock-timeout=300   (seconds to wait for another run to finish)
        """;
  }
}
