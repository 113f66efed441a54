package dev.retort.dialect.sqlite;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.Catalog;
import dev.retort.error.UsageException;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropTable;
import dev.retort.ops.Op;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What SQLite renders of the new options, and the clear refusals of what it cannot express. */
class SqliteRendererOptionsTest {

  private static final SqliteDialect SQLITE = new SqliteDialect();
  private static final QualifiedName USERS = QualifiedName.of("users");

  static Index index(List<IndexPart> parts, Optional<String> method, List<String> include) {
    return new Index("ix", USERS, parts, false, Optional.empty(), method, include);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "index: DESC, expression, partial; concurrently is ignored",
            new CreateIndex(
                new Index(
                    "ix",
                    USERS,
                    List.of(
                        IndexPart.column("a").desc(), IndexPart.expression("lower(email)").asc()),
                    true,
                    Optional.of("a > 0"),
                    Optional.empty(),
                    List.of()),
                true),
            "CREATE UNIQUE INDEX ix ON users (a DESC, (lower(email)) ASC) WHERE a > 0"),
        Arguments.of(
            "drop index concurrently is a plain drop",
            new DropIndex(USERS, "ix", Optional.empty(), true),
            "DROP INDEX ix"),
        Arguments.of(
            "create table if not exists: collation, deferrable key, index",
            new CreateTable(
                new Table(
                    USERS,
                    List.of(
                        Column.of("email", text()).withCollation(Optional.of("NOCASE")),
                        Column.of("team_id", integer())),
                    Optional.empty(),
                    List.of(
                        new ForeignKey(
                            Optional.of("fk"),
                            List.of("team_id"),
                            QualifiedName.of("teams"),
                            List.of("id"),
                            ReferentialAction.NO_ACTION,
                            ReferentialAction.NO_ACTION,
                            true,
                            true)),
                    List.of(),
                    List.of(new CheckConstraint(Optional.of("ck"), "email <> 'it''s'")),
                    List.of(new Index("ix", USERS, List.of("email"), false, Optional.empty())),
                    Optional.of("comments are not kept")),
                true),
            """
            CREATE TABLE IF NOT EXISTS users (
              email TEXT COLLATE NOCASE,
              team_id INTEGER,
              CONSTRAINT ck CHECK (email <> 'it''s'),
              CONSTRAINT fk FOREIGN KEY (team_id) REFERENCES teams (id) DEFERRABLE INITIALLY DEFERRED
            );
            CREATE INDEX IF NOT EXISTS ix ON users (email)"""),
        Arguments.of(
            "drop table if exists",
            new DropTable(USERS, Optional.empty(), true),
            "DROP TABLE IF EXISTS users"),
        Arguments.of(
            "a comment change alone does nothing",
            AlterColumn.of(USERS, "email", c -> c.comment("x")),
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void renders(String name, Op op, String expected) {
    assertThat(SqliteRendererTest.render(SQLITE.renderer(Catalog.NONE), op)).isEqualTo(expected);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            new CreateIndex(index(List.of(IndexPart.column("a")), Optional.of("gin"), List.of())),
            "SQLite cannot create index ix on users: it has no index methods (USING gin)"),
        Arguments.of(
            new CreateIndex(index(List.of(IndexPart.column("a")), Optional.empty(), List.of("b"))),
            "it has no INCLUDE columns [b]"),
        Arguments.of(
            new CreateIndex(
                index(
                    List.of(IndexPart.column("a").opclass("text_ops")),
                    Optional.empty(),
                    List.of())),
            "it has no operator classes (text_ops)"),
        Arguments.of(
            new CreateIndex(
                index(List.of(IndexPart.column("a").nullsLast()), Optional.empty(), List.of())),
            "cannot say NULLS LAST"),
        Arguments.of(
            new AddConstraint(USERS, new CheckConstraint(Optional.of("ck"), "a > 0"), true),
            "SQLite cannot add CheckConstraint ck on users (not valid): NOT VALID is PostgreSQL's"),
        Arguments.of(
            new CreateTable(
                new Table(
                    USERS,
                    List.of(Column.of("id", integer()).withIdentity(Identity.ALWAYS)),
                    Optional.of(PrimaryKey.of("id")),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Optional.empty())),
            "SQLite cannot generate users.id ALWAYS"));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void refusesWhatItCannotExpress(Op op, String message) {
    assertThatThrownBy(() -> SQLITE.renderer(Catalog.NONE).render(op))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(message);
  }

  @Test
  void usingWithARenameIsRefusedOnTheRebuild() {
    AlterColumn op =
        AlterColumn.of(
            USERS,
            "email",
            c -> c.rename("mail").existingType(text()).type(integer()).using("length(mail)"));
    assertThatThrownBy(() -> SQLITE.renderer(SqliteRendererTest.LIVE).render(op))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("rename it in a separate alterColumn");
  }
}
