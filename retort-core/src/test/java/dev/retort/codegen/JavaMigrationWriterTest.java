package dev.retort.codegen;

import static dev.retort.schema.ColumnType.integer;
import static dev.retort.schema.ColumnType.text;
import static dev.retort.schema.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.migration.Migration;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropTable;
import dev.retort.ops.Op;
import dev.retort.ops.RenameTable;
import dev.retort.schema.Column;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.script.HeaderParser;
import dev.retort.script.Revision;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaMigrationWriterTest {
  private static final QualifiedName USERS = QualifiedName.of("users");
  private static final Table OLD =
      new Table(
          QualifiedName.of("legacy"),
          List.of(Column.of("id", integer()).withNullable(false), Column.of("note", text())),
          Optional.of(new PrimaryKey(Optional.of("pk_legacy"), List.of("id"))),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          Optional.empty());

  private static final List<Op> UPGRADE =
      List.of(
          new CreateTable(
              new Table(
                  QualifiedName.of("goal"),
                  List.of(
                      Column.of("id", integer()).withNullable(false).withAutoIncrement(true),
                      Column.of("title", varchar(200)).withNullable(false)),
                  Optional.of(PrimaryKey.of("id")),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  Optional.empty())),
          new AddColumn(USERS, Column.of("nick", text())),
          AlterColumn.of(
              USERS,
              "email",
              c -> c.existingType(varchar(120)).type(varchar(255)).existingNullable(false)),
          new DropColumn(USERS, "bio", Optional.of(Column.of("bio", text()))),
          new DropTable(OLD.name(), Optional.of(OLD)));

  private static List<Op> reverses(List<Op> ops) {
    List<Op> out = new ArrayList<>();
    for (int i = ops.size() - 1; i >= 0; i--) {
      out.add(ops.get(i).reverse());
    }
    return out;
  }

  private static Migration load(String source) throws Exception {
    String name = HeaderParser.javaClassName(Path.of("m.java"), source);
    Constructor<?> c = InMemoryJava.compile(name, source).getDeclaredConstructor();
    c.setAccessible(true);
    return (Migration) c.newInstance();
  }

  @Test
  void upgradeAndDowngradeRecordExactlyTheGivenOps() throws Exception {
    List<Op> downgrade = reverses(UPGRADE);
    String src =
        JavaMigrationWriter.write(
            "ab12cd34ef56",
            List.of("0123456789ab"),
            "grow users, drop legacy",
            UPGRADE,
            downgrade,
            List.of(
                "users.bio dropped and users.nick added: a rename? (op.alterColumn(..., c -> c.rename(...)))"));
    Migration m = load(src);

    List<Op> up = new ArrayList<>();
    m.upgrade(InMemoryJava.recording(up));
    assertThat(up).as(src).containsExactlyElementsOf(UPGRADE);
    List<Op> down = new ArrayList<>();
    m.downgrade(InMemoryJava.recording(down));
    assertThat(down).as(src).containsExactlyElementsOf(downgrade);
  }

  @Test
  void headerParsesBack() {
    String message = "fix \"quoted\" name\\path";
    String src =
        JavaMigrationWriter.write(
            "ab12cd34ef56", List.of("p1", "p2"), message, UPGRADE, List.of(), List.of());
    Revision r = HeaderParser.parseJava(Path.of("ab12cd34ef56_fix.java"), src);
    assertThat(r.id()).isEqualTo("ab12cd34ef56");
    assertThat(r.parents()).containsExactly("p1", "p2");
    assertThat(r.message()).isEqualTo(message);
    assertThat(HeaderParser.javaClassName(Path.of("x.java"), src)).isEqualTo("FixQuotedNamePath");
  }

  @Test
  void commentsFlagDataLossAndPossibleRenames() {
    String src =
        JavaMigrationWriter.write(
            "a1",
            List.of(),
            "m",
            UPGRADE,
            reverses(UPGRADE),
            List.of("users.bio dropped and users.nick added: a rename?"));
    String upgrade =
        src.substring(
            src.indexOf("upgrade(Operations op)"), src.indexOf("downgrade(Operations op)"));
    assertThat(upgrade)
        .startsWith(
            "upgrade(Operations op) {\n"
                + "    // WARNING: users.bio dropped and users.nick added: a rename?\n");
    assertThat(upgrade)
        .contains(
            "    // DATA LOSS: drops column users.bio and its values\n"
                + "    op.dropColumn(\"users\", \"bio\", text(), c -> {});\n")
        .contains(
            "    // DATA LOSS: drops table legacy and every row in it\n    op.dropTable(\"legacy\", t -> {")
        .doesNotContain("DATA LOSS: changes the type of users.email");
    String downgrade = src.substring(src.indexOf("downgrade(Operations op)"));
    assertThat(downgrade)
        .doesNotContain("WARNING")
        .contains("DATA LOSS: drops column users.nick")
        .contains(
            "    // DATA LOSS: changes the type of users.email from varchar(255) to "
                + "varchar(120), which not every value survives unchanged");
  }

  @Test
  void importsOnlyWhatTheFileUses() {
    String src =
        JavaMigrationWriter.write(
            "a1",
            List.of(),
            "rename",
            List.of(new RenameTable(USERS, "people")),
            List.of(new RenameTable(QualifiedName.of("people"), "users")),
            List.of());
    assertThat(src)
        .startsWith(
            "import dev.retort.migration.Migration;\n"
                + "import dev.retort.migration.Revision;\n"
                + "import dev.retort.ops.Operations;\n\n");
    assertThat(src).doesNotContain("import static").doesNotContain("java.util");
  }

  @Test
  void aWarningCannotBreakOutOfItsComment() throws Exception {
    String src =
        JavaMigrationWriter.write(
            "a1",
            List.of(),
            "m",
            List.of(),
            List.of(),
            List.of("line\none \\u000a op.frobnicate();"));
    assertThat(load(src)).isNotNull();
  }

  @Test
  void classNameStepsAsideFromAnImportedType() throws Exception {
    String src =
        JavaMigrationWriter.write("a1", List.of(), "operations", List.of(), List.of(), List.of());
    assertThat(HeaderParser.javaClassName(Path.of("x.java"), src)).isEqualTo("OperationsMigration");
    assertThat(load(src)).isNotNull();
    // an op the API cannot say (an unnamed unique constraint) is written out, its type imported
    String addConstraint =
        JavaMigrationWriter.write(
            "a1",
            List.of(),
            "add constraint",
            List.of(
                new dev.retort.ops.AddConstraint(
                    USERS,
                    new dev.retort.schema.UniqueConstraint(Optional.empty(), List.of("email")))),
            List.of(),
            List.of());
    assertThat(addConstraint)
        .contains("import dev.retort.ops.AddConstraint;")
        .contains("final class AddConstraintMigration ");
    assertThat(load(addConstraint)).isNotNull();
  }
}
