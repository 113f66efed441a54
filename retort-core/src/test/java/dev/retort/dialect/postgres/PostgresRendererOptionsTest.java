package dev.retort.dialect.postgres;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Sql;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.ColumnState;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Op to SQL for the index, key, column and table options, one row per option. */
class PostgresRendererOptionsTest {

  private static final PostgresDialect PG = new PostgresDialect();
  private static final QualifiedName USERS = QualifiedName.of("users");
  private static final QualifiedName EVENTS = QualifiedName.of("app", "Events");

  static Index index(
      QualifiedName table,
      List<IndexPart> parts,
      Optional<String> method,
      List<String> include,
      Optional<String> where) {
    return new Index("ix", table, parts, false, where, method, include);
  }

  /** An AlterColumn with only the new aspects set; the rest unchanged. */
  static AlterColumn change(
      String column,
      Optional<String> newName,
      Optional<dev.retort.schema.ColumnType> from,
      Optional<dev.retort.schema.ColumnType> to,
      Optional<String> using,
      Optional<String> collation,
      Optional<Identity> existingIdentity,
      Optional<Identity> identity,
      boolean changesComment,
      Optional<String> comment) {
    java.util.Set<ColumnChange> changes = java.util.EnumSet.noneOf(ColumnChange.class);
    newName.ifPresent(n -> changes.add(ColumnChange.NAME));
    to.ifPresent(t -> changes.add(ColumnChange.TYPE));
    collation.ifPresent(c -> changes.add(ColumnChange.COLLATION));
    identity.ifPresent(i -> changes.add(ColumnChange.IDENTITY));
    if (changesComment) {
      changes.add(ColumnChange.COMMENT);
    }
    ColumnState before =
        new ColumnState(
            column,
            from,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            existingIdentity,
            Optional.empty());
    ColumnState after =
        new ColumnState(
            newName.orElse(column),
            to,
            Optional.empty(),
            Optional.empty(),
            collation,
            identity,
            comment);
    return new AlterColumn(USERS, before, after, changes, using, Optional.empty());
  }

  static Stream<Arguments> cases() {
    Optional<String> none = Optional.empty();
    Table settings =
        new Table(
            USERS,
            List.of(
                new Column(
                    "id", bigint(), false, Optional.empty(), true, none, none, Identity.ALWAYS),
                Column.of("email", text()).withCollation(Optional.of("C")),
                Column.of("nick", varchar(20)).withCollation(Optional.of("default"))),
            Optional.of(PrimaryKey.of("id")),
            List.of(),
            List.of(),
            List.of(new CheckConstraint(Optional.of("ck_email"), "email <> 'it''s'")),
            List.of(
                new Index(
                    "ix_email",
                    USERS,
                    List.of(IndexPart.column("email").desc()),
                    false,
                    none,
                    none,
                    List.of())),
            Optional.of("people's"));
    return Stream.of(
        Arguments.of(
            "index: column keys with order, nulls and opclass",
            new CreateIndex(
                index(
                    USERS,
                    List.of(
                        IndexPart.column("a").desc().nullsLast(),
                        IndexPart.column("Name").opclass("text_pattern_ops").asc().nullsFirst()),
                    none,
                    List.of(),
                    none)),
            "CREATE INDEX ix ON users (a DESC NULLS LAST, \"Name\" text_pattern_ops ASC NULLS FIRST)"),
        Arguments.of(
            "index: expression key, parenthesized",
            new CreateIndex(
                new Index(
                    "ux",
                    USERS,
                    List.of(IndexPart.expression("lower(email)")),
                    true,
                    none,
                    none,
                    List.of())),
            "CREATE UNIQUE INDEX ux ON users ((lower(email)))"),
        Arguments.of(
            "index: method and operator class",
            new CreateIndex(
                index(
                    EVENTS,
                    List.of(IndexPart.column("doc").opclass("jsonb_path_ops")),
                    Optional.of("gin"),
                    List.of(),
                    none)),
            "CREATE INDEX ix ON app.\"Events\" USING gin (doc jsonb_path_ops)"),
        Arguments.of(
            "index: INCLUDE and WHERE after the keys",
            new CreateIndex(
                index(
                    USERS,
                    List.of(IndexPart.column("a")),
                    Optional.of("btree"),
                    List.of("b", "Total"),
                    Optional.of("deleted_at IS NULL"))),
            "CREATE INDEX ix ON users USING btree (a) INCLUDE (b, \"Total\") WHERE deleted_at IS NULL"),
        Arguments.of(
            "index: concurrently",
            new CreateIndex(new Index("ix", EVENTS, List.of("a"), false, none), true),
            "CREATE INDEX CONCURRENTLY ix ON app.\"Events\" (a)"),
        Arguments.of(
            "drop index concurrently, qualified by the table's schema",
            new DropIndex(EVENTS, "ix", Optional.empty(), true),
            "DROP INDEX CONCURRENTLY app.ix"),
        Arguments.of(
            "create table if not exists: identity always, collations, check, index, comment",
            new CreateTable(settings, true),
            """
            CREATE TABLE IF NOT EXISTS users (
              id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
              email text COLLATE "C",
              nick varchar(20) COLLATE "default",
              PRIMARY KEY (id),
              CONSTRAINT ck_email CHECK (email <> 'it''s')
            );
            CREATE INDEX IF NOT EXISTS ix_email ON users (email DESC);
            COMMENT ON TABLE users IS 'people''s'"""),
        Arguments.of(
            "drop table if exists",
            new DropTable(USERS, Optional.empty(), true),
            "DROP TABLE IF EXISTS users"),
        Arguments.of(
            "foreign key deferrable, initially deferred, not valid",
            new AddConstraint(
                USERS,
                new ForeignKey(
                    Optional.of("fk"),
                    List.of("team_id"),
                    QualifiedName.of("teams"),
                    List.of("id"),
                    ReferentialAction.CASCADE,
                    ReferentialAction.NO_ACTION,
                    true,
                    true),
                true),
            "ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (team_id) REFERENCES teams (id) "
                + "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED NOT VALID"),
        Arguments.of(
            "foreign key deferrable only",
            new AddConstraint(
                USERS,
                new ForeignKey(
                    Optional.of("fk"),
                    List.of("team_id"),
                    QualifiedName.of("teams"),
                    List.of("id"),
                    ReferentialAction.NO_ACTION,
                    ReferentialAction.NO_ACTION,
                    true,
                    false)),
            "ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (team_id) REFERENCES teams (id) "
                + "DEFERRABLE"),
        Arguments.of(
            "check not valid keeps the quotes of its expression",
            new AddConstraint(
                USERS, new CheckConstraint(Optional.of("ck"), "note <> 'O''Brien'"), true),
            "ALTER TABLE users ADD CONSTRAINT ck CHECK (note <> 'O''Brien') NOT VALID"),
        Arguments.of(
            "named primary key",
            new AddConstraint(USERS, new PrimaryKey(Optional.of("pk_users"), List.of("a", "b"))),
            "ALTER TABLE users ADD CONSTRAINT pk_users PRIMARY KEY (a, b)"),
        Arguments.of(
            "alter column: a given USING replaces the automatic cast",
            change(
                "code",
                none,
                Optional.of(varchar(10)),
                Optional.of(integer()),
                Optional.of("nullif(code, '')::integer"),
                none,
                Optional.empty(),
                Optional.empty(),
                false,
                none),
            "ALTER TABLE users ALTER COLUMN code TYPE integer USING nullif(code, '')::integer"),
        Arguments.of(
            "alter column: USING where the automatic rule would give none",
            change(
                "code",
                none,
                Optional.of(varchar(10)),
                Optional.of(text()),
                Optional.of("upper(code)"),
                none,
                Optional.empty(),
                Optional.empty(),
                false,
                none),
            "ALTER TABLE users ALTER COLUMN code TYPE text USING upper(code)"),
        Arguments.of(
            "alter column: collation alone restates the type",
            change(
                "email",
                none,
                Optional.of(text()),
                Optional.empty(),
                none,
                Optional.of("C"),
                Optional.empty(),
                Optional.empty(),
                false,
                none),
            "ALTER TABLE users ALTER COLUMN email TYPE text COLLATE \"C\""),
        Arguments.of(
            "alter column: type and collation, automatic USING",
            change(
                "n",
                none,
                Optional.of(integer()),
                Optional.of(varchar(5)),
                none,
                Optional.of("POSIX"),
                Optional.empty(),
                Optional.empty(),
                false,
                none),
            "ALTER TABLE users ALTER COLUMN n TYPE varchar(5) COLLATE \"POSIX\""),
        Arguments.of(
            "alter column: add identity after the other changes",
            AlterColumn.of(
                USERS,
                "id",
                c -> c.existingNullable(true).nullable(false).identity(Identity.ALWAYS)),
            "ALTER TABLE users ALTER COLUMN id SET NOT NULL;\n"
                + "ALTER TABLE users ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY"),
        Arguments.of(
            "alter column: drop identity before the other changes",
            AlterColumn.of(
                USERS,
                "id",
                c ->
                    c.existingNullable(false)
                        .nullable(true)
                        .existingIdentity(Identity.BY_DEFAULT)
                        .identity(Identity.NONE)),
            "ALTER TABLE users ALTER COLUMN id DROP IDENTITY;\n"
                + "ALTER TABLE users ALTER COLUMN id DROP NOT NULL"),
        Arguments.of(
            "alter column: switch identity kind keeps the sequence",
            change(
                "id",
                none,
                Optional.empty(),
                Optional.empty(),
                none,
                none,
                Optional.of(Identity.ALWAYS),
                Optional.of(Identity.BY_DEFAULT),
                false,
                none),
            "ALTER TABLE users ALTER COLUMN id SET GENERATED BY DEFAULT"),
        Arguments.of(
            "alter column: comment under the new name",
            change(
                "nick",
                Optional.of("Nick"),
                Optional.empty(),
                Optional.empty(),
                none,
                none,
                Optional.empty(),
                Optional.empty(),
                true,
                Optional.of("what 'friends' say")),
            "ALTER TABLE users RENAME COLUMN nick TO \"Nick\";\n"
                + "COMMENT ON COLUMN users.\"Nick\" IS 'what ''friends'' say'"),
        Arguments.of(
            "alter column: drop comment",
            change(
                "nick",
                none,
                Optional.empty(),
                Optional.empty(),
                none,
                none,
                Optional.empty(),
                Optional.empty(),
                true,
                none),
            "COMMENT ON COLUMN users.nick IS NULL"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void renders(String name, Op op, String expected) {
    assertThat(
            PG.renderer(Catalog.NONE).render(op).stream()
                .map(Sql::text)
                .collect(Collectors.joining(";\n")))
        .isEqualTo(expected);
  }
}
