package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Java schema definition as the desired state: check, autogenerate, rename hints, errors. */
class SchemaDslIT {
  @TempDir Path dir;
  private Databases.Pg pg;
  private Databases.Maria maria;

  @AfterEach
  void drop() throws SQLException {
    if (pg != null) {
      pg.close();
    }
    if (maria != null) {
      maria.close();
    }
  }

  private static final String SCHEMA = """
      import static dev.retort.schema.ColumnType.*;
      import static dev.retort.schema.ReferentialAction.CASCADE;

      import dev.retort.dsl.SchemaBuilder;
      import dev.retort.dsl.SchemaDefinition;

      public final class AppSchema implements SchemaDefinition {
        @Override
        public void define(SchemaBuilder s) {
          s.table("users", t -> {
            t.column("id", integer()).primaryKey().autoIncrement();
            t.column("email", varchar(255)).notNull().unique();
          })%s;
          s.table("worlds", t -> {
            t.column("id", integer()).primaryKey().autoIncrement();
            t.column("user_id", integer()).notNull().references("users", "id").onDelete(CASCADE);
            t.column("%s", varchar(100)).notNull();
            t.column("metadata", s.isPostgres() ? jsonb() : text());
            t.index("ix_worlds_user", "user_id");
          })%s;
        }
      }
      """;

  private void write(String usersHint, String nameColumn, String worldsHint) throws Exception {
    Files.createDirectories(dir.resolve("schema"));
    Files.writeString(dir.resolve("schema/AppSchema.java"), SCHEMA.formatted(usersHint, nameColumn, worldsHint));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void definitionDrivesCheckAutogenerateAndRenames(String kind) throws Exception {
    String url = "jdbc:sqlite:app.db";
    if (kind.equals("postgresql")) {
      Databases.requirePostgres();
      pg = new Databases.Pg();
      url = pg.url();
    }
    if (kind.equals("mariadb")) {
      Databases.requireMariaDb();
      maria = new Databases.Maria();
      url = maria.url();
    }
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve("retort.properties"), "url=" + url + "\nschema=schema/AppSchema.java\n");
    write("", "name", "");

    Cli.Result r = run(1, "check");
    assertThat(r.out()).contains("create table users").contains("create table worlds");
    run(0, "revision", "--autogenerate", "-m", "initial", "--format", "sql");
    run(0, "upgrade", "head");
    assertThat(run(0, "check").out()).contains("matches AppSchema.java");

    // a renamed table and column, said in the definition: a rename, not drop and add
    write(".renamedFrom(\"users\")", "title", ".columnRenamedFrom(\"title\", \"name\")");
    Files.writeString(dir.resolve("schema/AppSchema.java"), Files.readString(dir.resolve("schema/AppSchema.java"))
        .replace("s.table(\"users\"", "s.table(\"accounts\"").replace("references(\"users\"", "references(\"accounts\""));
    r = run(0, "diff");
    assertThat(r.out()).containsPattern("RENAME (TABLE users )?TO accounts").contains("RENAME COLUMN name TO title")
        .doesNotContain("DROP TABLE").doesNotContain("DROP COLUMN");
    assertThat(r.err()).doesNotContain("possible rename");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void aDefinitionThatDoesNotCompileIsNamedWithItsLine(String kind) throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve("retort.properties"), "url=jdbc:sqlite:app.db\nschema=schema/AppSchema.java\n");
    write("", "name", "");
    Path file = dir.resolve("schema/AppSchema.java");
    Files.writeString(file, Files.readString(file).replace("varchar(100)", "varchar(\"x\")"));
    Cli.Result r = run(2, "check");
    assertThat(r.err()).contains("AppSchema.java:").contains("does not compile");
  }

  private Cli.Result run(int exit, String... args) {
    Cli.Result r = Cli.run(dir, args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r).isEqualTo(exit);
    return r;
  }
}
