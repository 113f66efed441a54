package dev.retort.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retort.CompareOptions;
import dev.retort.MigrationFormat;
import dev.retort.NewRevision;
import dev.retort.Retort;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input: one message naming the class, package or jar and Hibernate's own reason, exit code 2,
 * no migration written, the database untouched (on SQLite: no file created).
 */
class BadInputIT {
  @TempDir Path dir;

  private final HibernateLine line = HibernateLine.all().get(HibernateLine.all().size() - 1);

  private RetortException autogenerate(String schema, String classpath) throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Retort retort =
        Retort.configure()
            .projectDir(dir)
            .url("jdbc:sqlite:" + dir.resolve("app.db"))
            .schema(schema)
            .setting("schema-classpath", classpath)
            .load();
    RetortException e =
        catchThrowableOfType(
            RetortException.class,
            () ->
                retort.autogenerate(
                    new NewRevision(
                        "m",
                        Optional.empty(),
                        List.of(),
                        List.of(),
                        List.of(),
                        MigrationFormat.JAVA),
                    CompareOptions.defaults()));
    assertThat(e).as("an error").isNotNull();
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
      assertThat(files).as("nothing written").isEmpty();
    }
    assertThat(dir.resolve("app.db")).as("no database made").doesNotExist();
    System.out.println("error: " + e.getMessage());
    return e;
  }

  @Test
  void aClassThatIsNotAnEntity() throws Exception {
    assertThat(autogenerate("jpa:org.example.bad.plain.Plain", line.classpath()).getMessage())
        .contains("org.example.bad.plain.Plain is not an entity")
        .contains("@jakarta.persistence.Entity");
  }

  @Test
  void aPackageWithNoEntity() throws Exception {
    assertThat(autogenerate("jpa:org.example.bad.plain", line.classpath()).getMessage())
        .contains("package org.example.bad.plain has no @Entity class");
  }

  @Test
  void aPackageOrClassThatIsNotThere() throws Exception {
    assertThat(autogenerate("jpa:org.example.nowhere", line.classpath()).getMessage())
        .contains("no package or class org.example.nowhere on the schema class path");
  }

  @Test
  void aMappingHibernateRejects() throws Exception {
    assertThat(autogenerate("jpa:org.example.bad.rejected", line.classpath()).getMessage())
        .contains("Hibernate rejects the mapping")
        .contains("org.example.bad.rejected.Broken")
        .containsIgnoringCase("identifier");
  }

  @Test
  void aClassMissingFromTheSchemaClasspath() throws Exception {
    Path classes = dir.resolve("classes/org/example/bad/missing");
    Files.createDirectories(classes);
    Path from = HibernateLine.fixtures().resolve("org/example/bad/missing");
    Files.copy(from.resolve("Owner.class"), classes.resolve("Owner.class"));
    String cp = dir.resolve("classes") + File.pathSeparator + line.jars() + File.separator + "*";
    assertThat(autogenerate("jpa:org.example.bad.missing", cp).getMessage())
        .contains("org.example.bad.missing.Gone")
        .contains("not on the schema class path");
  }

  @Test
  void noHibernateOnTheSchemaClasspath() throws Exception {
    assertThat(
            autogenerate("jpa:org.example.shop", HibernateLine.fixtures().toString()).getMessage())
        .contains("no Hibernate on the schema class path")
        .contains("org.hibernate.orm:hibernate-core");
  }

  @Test
  void aSchemaClasspathEntryThatIsNotThere() throws Exception {
    assertThat(autogenerate("jpa:org.example.shop", "target/nowhere.jar").getMessage())
        .contains("schema-classpath: target/nowhere.jar does not exist");
  }

  @Test
  void aJpaListThatNamesNothing() {
    RetortException e =
        catchThrowableOfType(
            RetortException.class,
            () -> Retort.configure().projectDir(dir).schema("jpa: ,").load());
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("names no package or class");
  }

  @Test
  void aNamingThatIsNeither() {
    RetortException e =
        catchThrowableOfType(
            RetortException.class,
            () -> Retort.configure().projectDir(dir).setting("jpa-naming", "snake").load());
    assertThat(e.getMessage()).contains("jpa-naming").contains("'snake'");
  }
}
