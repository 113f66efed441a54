package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotation processor: what it indexes, the checksum it records, and what it refuses. */
class RevisionProcessorTest {
  @TempDir Path dir;

  static final String INIT =
      """
      package db.retort;

      import dev.retort.migration.Migration;
      import dev.retort.migration.Revision;
      import dev.retort.ops.Operations;

      @Revision(id = "a1", message = "create things", branchLabels = "core")
      final class Init implements Migration {
        public void upgrade(Operations op) {
          op.execute("CREATE TABLE things (id INTEGER PRIMARY KEY)");
        }

        public void downgrade(Operations op) {
          op.execute("DROP TABLE things");
        }
      }
      """;

  @Test
  void indexesEachRevisionWithTheChecksumOfItsSource() throws Exception {
    String crlf =
        """
        package db.retort;

        @dev.retort.migration.Revision(id = "b2", revises = "a1", dependsOn = {"a1"},
            message = "no transaction", transactional = false)
        public class Second implements dev.retort.migration.Migration {
          public void upgrade(dev.retort.ops.Operations op) {}
          public void downgrade(dev.retort.ops.Operations op) {}
        }
        """
            .replace("\n", "\r\n");
    MigrationJar.Compiled c =
        new MigrationJar()
            .source("db/retort/Init.java", INIT)
            .source("db/retort/Second.java", crlf)
            .compile(dir);
    assertThat(c.ok()).as(c.diagnostics()).isTrue();

    Path index = c.classes().resolve(MigrationIndex.RESOURCE);
    List<MigrationIndex.Entry> entries = MigrationIndex.read(Files.readString(index), "test");
    assertThat(entries)
        .containsExactly(
            new MigrationIndex.Entry(
                "db.retort.Init",
                "a1",
                List.of(),
                List.of("core"),
                List.of(),
                true,
                Checksum.of(INIT.getBytes(StandardCharsets.UTF_8)),
                "create things"),
            new MigrationIndex.Entry(
                "db.retort.Second",
                "b2",
                List.of("a1"),
                List.of(),
                List.of("a1"),
                false,
                Checksum.of(crlf.getBytes(StandardCharsets.UTF_8)),
                "no transaction"));
    // the same checksum the command line records for the source file, line endings and all
    Path source = dir.resolve("src/db/retort/Second.java");
    assertThat(entries.get(1).checksum())
        .isEqualTo(
            ScriptStore.open(source.getParent()).revisions().stream()
                .filter(r -> r.id().equals("b2"))
                .findFirst()
                .orElseThrow()
                .checksum());
  }

  @Test
  void anAbstractBaseAndOtherClassesNeedNoRevisionAndNoIndexIsWrittenWithoutMigrations()
      throws Exception {
    MigrationJar.Compiled c =
        new MigrationJar()
            .source(
                "db/retort/Base.java",
                """
            package db.retort;
            public abstract class Base implements dev.retort.migration.Migration {}
            """)
            .source("db/retort/Helper.java", "package db.retort;\nfinal class Helper {}\n")
            .compile(dir);
    assertThat(c.ok()).as(c.diagnostics()).isTrue();
    assertThat(c.classes().resolve(MigrationIndex.RESOURCE)).doesNotExist();
  }

  @Test
  void aMigrationWithoutRevisionDoesNotCompile() throws Exception {
    assertThat(
            refused(
                """
        package db.retort;
        public final class Forgot implements dev.retort.migration.Migration {
          public void upgrade(dev.retort.ops.Operations op) {}
          public void downgrade(dev.retort.ops.Operations op) {}
        }
        """))
        .contains("db.retort.Forgot implements Migration but has no @Revision")
        .contains("would never run");
  }

  @Test
  void refusesWhatCannotBeAMigration() throws Exception {
    assertThat(
            refused(
                """
        package db.retort;
        @dev.retort.migration.Revision(id = "x1")
        final class NotOne {}
        """))
        .contains("it does not implement dev.retort.migration.Migration");
    assertThat(
            refused(
                """
        package db.retort;
        @dev.retort.migration.Revision(id = "x1")
        abstract class Abstract implements dev.retort.migration.Migration {}
        """))
        .contains("it is abstract");
    assertThat(
            refused(
                """
        package db.retort;
        final class Outer {
          @dev.retort.migration.Revision(id = "x1")
          static final class Inner implements dev.retort.migration.Migration {
            public void upgrade(dev.retort.ops.Operations op) {}
            public void downgrade(dev.retort.ops.Operations op) {}
          }
        }
        """))
        .contains("it is nested in db.retort.Outer");
    assertThat(
            refused(
                """
        package db.retort;
        @dev.retort.migration.Revision(id = "x1")
        final class NeedsArgs implements dev.retort.migration.Migration {
          NeedsArgs(int n) {}
          public void upgrade(dev.retort.ops.Operations op) {}
          public void downgrade(dev.retort.ops.Operations op) {}
        }
        """))
        .contains("no constructor without parameters");
  }

  @Test
  void refusesMalformedHeaders() throws Exception {
    String body =
        " implements dev.retort.migration.Migration {\n"
            + "  public void upgrade(dev.retort.ops.Operations op) {}\n"
            + "  public void downgrade(dev.retort.ops.Operations op) {}\n}\n";
    assertThat(
            refused(
                "package db.retort;\n@dev.retort.migration.Revision(id = \"head\")\n"
                    + "final class A"
                    + body))
        .contains("id: 'head' is not a valid revision id");
    assertThat(
            refused(
                "package db.retort;\n@dev.retort.migration.Revision(id = \"a-1\")\n"
                    + "final class A"
                    + body))
        .contains("'a-1' is not a valid revision id");
    assertThat(
            refused(
                "package db.retort;\n@dev.retort.migration.Revision(id = \"a1\", "
                    + "revises = \"no way\")\nfinal class A"
                    + body))
        .contains("revises: 'no way'");
    assertThat(
            refused(
                "package db.retort;\n@dev.retort.migration.Revision(id = \"a1\", "
                    + "branchLabels = \"-x\")\nfinal class A"
                    + body))
        .contains("'-x' is not a valid branch label");
    assertThat(
            refused(
                "package db.retort;\n@dev.retort.migration.Revision(id = \"a1\", "
                    + "message = \"two\\nlines\")\nfinal class A"
                    + body))
        .contains("control character");
  }

  @Test
  void refusesTwoClassesWithOneId() throws Exception {
    MigrationJar.Compiled c =
        new MigrationJar()
            .source("db/retort/Init.java", INIT)
            .source("db/retort/Again.java", INIT.replace("class Init", "class Again"))
            .compile(dir);
    assertThat(c.ok()).isFalse();
    assertThat(c.diagnostics()).contains("revision id 'a1' is also the id of db.retort.");
  }

  private String refused(String source) throws Exception {
    String name = source.replaceAll("(?s).*?(?:class|interface) (\\w+).*", "$1");
    Path d = Files.createTempDirectory(dir, "c");
    MigrationJar.Compiled c =
        new MigrationJar().source("db/retort/" + name + ".java", source).compile(d);
    assertThat(c.ok()).as("compiles, but should not:\n" + source).isFalse();
    return c.diagnostics();
  }
}
