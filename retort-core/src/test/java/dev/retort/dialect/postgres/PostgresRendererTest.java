package dev.retort.dialect.postgres;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Sql;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.ColumnState;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropTable;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.Op;
import dev.retort.ops.RenameTable;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PostgresRendererTest {

  private static final PostgresDialect PG = new PostgresDialect();
  private static final QualifiedName USERS = QualifiedName.of("users");

  static Column col(String name, ColumnType type, boolean nullable, DefaultValue dflt) {
    return new Column(name, type, nullable, Optional.ofNullable(dflt), false, Optional.empty());
  }

  static Table table(QualifiedName name, List<Column> columns) {
    return new Table(
        name,
        columns,
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  static AlterColumn alter(
      String column,
      String newName,
      ColumnType from,
      ColumnType to,
      Boolean nullable,
      boolean changesDefault,
      DefaultValue oldDefault,
      DefaultValue newDefault) {
    java.util.Set<ColumnChange> changes = java.util.EnumSet.noneOf(ColumnChange.class);
    if (newName != null) {
      changes.add(ColumnChange.NAME);
    }
    if (to != null) {
      changes.add(ColumnChange.TYPE);
    }
    if (nullable != null) {
      changes.add(ColumnChange.NULLABILITY);
    }
    if (changesDefault) {
      changes.add(ColumnChange.DEFAULT);
    }
    ColumnState before =
        new ColumnState(
            column,
            Optional.ofNullable(from),
            Optional.ofNullable(nullable).map(n -> !n),
            Optional.ofNullable(oldDefault),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    ColumnState after =
        new ColumnState(
            newName == null ? column : newName,
            Optional.ofNullable(to),
            Optional.ofNullable(nullable),
            Optional.ofNullable(newDefault),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return new AlterColumn(USERS, before, after, changes, Optional.empty(), Optional.empty());
  }

  static Stream<Arguments> cases() {
    Table users =
        new Table(
            USERS,
            List.of(
                new Column("id", bigint(), false, Optional.empty(), true, Optional.empty()),
                col("email", varchar(255), false, null),
                col("user", text(), true, null),
                col("Display Name", text(), true, DefaultValue.literal("it's")),
                col("active", bool(), true, DefaultValue.literal(true)),
                col("score", numeric(10, 2), true, DefaultValue.literal(0)),
                col("zip", varchar(5), true, DefaultValue.literal(42)),
                col("created_at", timestamptz(), false, DefaultValue.expression("now()"))),
            Optional.of(new PrimaryKey(Optional.of("pk_users"), List.of("id"))),
            List.of(),
            List.of(new UniqueConstraint(Optional.empty(), List.of("email"))),
            List.of(new CheckConstraint(Optional.of("positive_score"), "score >= 0")),
            List.of(
                new Index("idx_users_email", USERS, List.of("email"), true, Optional.of("active"))),
            Optional.empty());
    QualifiedName posts = QualifiedName.of("app", "Posts");
    Table postsTable =
        new Table(
            posts,
            List.of(
                col("id", integer(), false, null),
                col("user_id", bigint(), true, null),
                col("editor_id", bigint(), true, null)),
            Optional.of(PrimaryKey.of("id")),
            List.of(
                new ForeignKey(
                    Optional.of("fk_posts_user"),
                    List.of("user_id"),
                    USERS,
                    List.of("id"),
                    ReferentialAction.CASCADE,
                    ReferentialAction.SET_NULL),
                new ForeignKey(
                    Optional.empty(),
                    List.of("editor_id"),
                    QualifiedName.of("app", "people"),
                    List.of("id"),
                    ReferentialAction.NO_ACTION,
                    ReferentialAction.NO_ACTION)),
            List.of(),
            List.of(),
            List.of(),
            Optional.of("user's posts"));
    Table types =
        table(
            QualifiedName.of("types"),
            List.of(
                col("a", smallint(), true, null),
                col("b", integer(), true, null),
                col("c", bigint(), true, null),
                col("d", varchar(10), true, null),
                col("e", fixedChar(2), true, null),
                col("f", text(), true, null),
                col("g", bool(), true, null),
                col("h", numeric(12, 3), true, null),
                col("i", real(), true, null),
                col("j", doublePrecision(), true, null),
                col("k", date(), true, null),
                col("l", time(), true, null),
                col("m", timestamp(), true, null),
                col("n", timestamptz(), true, null),
                col("o", uuid(), true, null),
                col("p", json(), true, null),
                col("q", jsonb(), true, null),
                col("r", bytes(), true, null),
                col("s", raw("int4range"), true, null),
                col("t", numeric(0, 0), true, null)));
    return Stream.of(
        Arguments.of(
            "create table with keys, defaults, quoting and a partial unique index",
            new CreateTable(users),
            """
            CREATE TABLE users (
              id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
              email varchar(255) NOT NULL,
              "user" text,
              "Display Name" text DEFAULT 'it''s',
              active boolean DEFAULT TRUE,
              score numeric(10,2) DEFAULT 0,
              zip varchar(5) DEFAULT '42',
              created_at timestamp with time zone NOT NULL DEFAULT now(),
              CONSTRAINT pk_users PRIMARY KEY (id),
              UNIQUE (email),
              CONSTRAINT positive_score CHECK (score >= 0)
            );
            CREATE UNIQUE INDEX idx_users_email ON users (email) WHERE active"""),
        Arguments.of(
            "create table with foreign keys, actions, schema and comment",
            new CreateTable(postsTable),
            """
            CREATE TABLE app."Posts" (
              id integer NOT NULL,
              user_id bigint,
              editor_id bigint,
              PRIMARY KEY (id),
              CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE SET NULL,
              FOREIGN KEY (editor_id) REFERENCES app.people (id)
            );
            COMMENT ON TABLE app."Posts" IS 'user''s posts'"""),
        Arguments.of(
            "every portable type",
            new CreateTable(types),
            """
            CREATE TABLE types (
              a smallint,
              b integer,
              c bigint,
              d varchar(10),
              e char(2),
              f text,
              g boolean,
              h numeric(12,3),
              i real,
              j double precision,
              k date,
              l time,
              m timestamp,
              n timestamp with time zone,
              o uuid,
              p json,
              q jsonb,
              r bytea,
              s int4range,
              t numeric
            )"""),
        Arguments.of(
            "drop table, qualified",
            new DropTable(posts, Optional.empty()),
            "DROP TABLE app.\"Posts\""),
        Arguments.of(
            "rename table keeps the schema",
            new RenameTable(posts, "Articles"),
            "ALTER TABLE app.\"Posts\" RENAME TO \"Articles\""),
        Arguments.of(
            "add column with a quoted default and comment",
            new AddColumn(
                USERS,
                new Column(
                    "nickname",
                    varchar(50),
                    false,
                    Optional.of(DefaultValue.literal("O'Brien")),
                    false,
                    Optional.of("shown name"))),
            """
            ALTER TABLE users ADD COLUMN nickname varchar(50) NOT NULL DEFAULT 'O''Brien';
            COMMENT ON COLUMN users.nickname IS 'shown name'"""),
        Arguments.of(
            "add column named by a reserved word with non-ASCII default",
            new AddColumn(
                QualifiedName.of("order"),
                col("naïve", text(), true, DefaultValue.literal("crème"))),
            "ALTER TABLE \"order\" ADD COLUMN \"naïve\" text DEFAULT 'crème'"),
        Arguments.of(
            "drop column",
            new DropColumn(USERS, "user", Optional.empty()),
            "ALTER TABLE users DROP COLUMN \"user\""),
        Arguments.of(
            "alter column: rename, type, not null and default together",
            alter(
                "password",
                "password_hash",
                varchar(128),
                varchar(255),
                false,
                true,
                null,
                DefaultValue.literal("x")),
            """
            ALTER TABLE users RENAME COLUMN password TO password_hash;
            ALTER TABLE users ALTER COLUMN password_hash DROP DEFAULT, \
            ALTER COLUMN password_hash TYPE varchar(255), \
            ALTER COLUMN password_hash SET NOT NULL, \
            ALTER COLUMN password_hash SET DEFAULT 'x'"""),
        Arguments.of(
            "alter column: type only",
            alter("code", null, varchar(10), integer(), null, false, null, null),
            "ALTER TABLE users ALTER COLUMN code TYPE integer USING code::integer"),
        Arguments.of(
            "alter column: narrowing varchar has no USING, so too-long values fail loudly",
            alter("code", null, varchar(255), varchar(128), null, false, null, null),
            "ALTER TABLE users ALTER COLUMN code TYPE varchar(128)"),
        Arguments.of(
            "alter column: integer to text needs no USING",
            alter("code", null, integer(), varchar(3), null, false, null, null),
            "ALTER TABLE users ALTER COLUMN code TYPE varchar(3)"),
        Arguments.of(
            "alter column: unknown existing type gets no guessed cast",
            alter("code", null, null, integer(), null, false, null, null),
            "ALTER TABLE users ALTER COLUMN code TYPE integer"),
        Arguments.of(
            "alter column: nullable and drop default",
            alter("code", null, null, null, true, true, DefaultValue.literal(1), null),
            "ALTER TABLE users ALTER COLUMN code DROP NOT NULL, ALTER COLUMN code DROP DEFAULT"),
        Arguments.of(
            "alter column: numeric default bare when the type is known",
            AlterColumn.of(USERS, "n", c -> c.existingType(integer()).defaultValue(-7)),
            "ALTER TABLE users ALTER COLUMN n SET DEFAULT -7"),
        Arguments.of(
            "alter column: rename only",
            alter("Old Name", "new name", null, null, null, false, null, null),
            "ALTER TABLE users RENAME COLUMN \"Old Name\" TO \"new name\""),
        Arguments.of(
            "create index",
            new CreateIndex(
                new Index(
                    "ix_users_name", USERS, List.of("last", "First"), false, Optional.empty())),
            "CREATE INDEX ix_users_name ON users (last, \"First\")"),
        Arguments.of(
            "create unique partial index in a schema",
            new CreateIndex(
                new Index(
                    "ux_posts",
                    posts,
                    List.of("user_id"),
                    true,
                    Optional.of("user_id IS NOT NULL"))),
            "CREATE UNIQUE INDEX ux_posts ON app.\"Posts\" (user_id) WHERE user_id IS NOT NULL"),
        Arguments.of(
            "drop index qualified by the table's schema",
            new DropIndex(posts, "ux_posts", Optional.empty()),
            "DROP INDEX app.ux_posts"),
        Arguments.of(
            "drop index unqualified",
            new DropIndex(USERS, "Ix", Optional.empty()),
            "DROP INDEX \"Ix\""),
        Arguments.of(
            "add foreign key with actions",
            new AddConstraint(
                posts,
                new ForeignKey(
                    Optional.of("fk_posts_user"),
                    List.of("user_id"),
                    USERS,
                    List.of("id"),
                    ReferentialAction.RESTRICT,
                    ReferentialAction.CASCADE)),
            "ALTER TABLE app.\"Posts\" ADD CONSTRAINT fk_posts_user FOREIGN KEY (user_id) "
                + "REFERENCES users (id) ON DELETE RESTRICT ON UPDATE CASCADE"),
        Arguments.of(
            "add foreign key with SET DEFAULT",
            new AddConstraint(
                posts,
                new ForeignKey(
                    Optional.empty(),
                    List.of("a", "b"),
                    USERS,
                    List.of("x", "y"),
                    ReferentialAction.SET_DEFAULT,
                    ReferentialAction.NO_ACTION)),
            "ALTER TABLE app.\"Posts\" ADD FOREIGN KEY (a, b) REFERENCES users (x, y) "
                + "ON DELETE SET DEFAULT"),
        Arguments.of(
            "add unique",
            new AddConstraint(
                USERS, new UniqueConstraint(Optional.of("uq \"quoted\""), List.of("email"))),
            "ALTER TABLE users ADD CONSTRAINT \"uq \"\"quoted\"\"\" UNIQUE (email)"),
        Arguments.of(
            "add check",
            new AddConstraint(
                USERS, new CheckConstraint(Optional.of("ck_len"), "length(email) > 3")),
            "ALTER TABLE users ADD CONSTRAINT ck_len CHECK (length(email) > 3)"),
        Arguments.of(
            "add primary key",
            new AddConstraint(USERS, PrimaryKey.of("id")),
            "ALTER TABLE users ADD PRIMARY KEY (id)"),
        Arguments.of(
            "drop constraint",
            new DropConstraint(USERS, "Fk", Optional.empty()),
            "ALTER TABLE users DROP CONSTRAINT \"Fk\""),
        Arguments.of(
            "execute sql as written",
            ExecuteSql.of("UPDATE users SET x = 1"),
            "UPDATE users SET x = 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void renders(String name, Op op, String expected) {
    assertThat(render(op)).isEqualTo(expected);
  }

  @Test
  void executeSqlKeepsItsParameters() {
    List<Sql> sql =
        PG.renderer(Catalog.NONE)
            .render(
                new ExecuteSql(
                    "UPDATE t SET a = ? WHERE b = ?", Arrays.asList(1, null), Optional.empty()));
    assertThat(sql)
        .containsExactly(new Sql("UPDATE t SET a = ? WHERE b = ?", Arrays.asList(1, null)));
  }

  @Test
  void quotesOnlyWhereNeeded() {
    assertThat(PG.quote("users")).isEqualTo("users");
    assertThat(PG.quote("snake_case$2")).isEqualTo("snake_case$2");
    assertThat(PG.quote("_x")).isEqualTo("_x");
    assertThat(PG.quote("user")).isEqualTo("\"user\"");
    assertThat(PG.quote("order")).isEqualTo("\"order\"");
    assertThat(PG.quote("group")).isEqualTo("\"group\"");
    assertThat(PG.quote("Users")).isEqualTo("\"Users\"");
    assertThat(PG.quote("two words")).isEqualTo("\"two words\"");
    assertThat(PG.quote("1st")).isEqualTo("\"1st\"");
    assertThat(PG.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(PG.quote("it's")).isEqualTo("\"it's\"");
    assertThat(PG.quote("straße")).isEqualTo("\"straße\"");
    assertThat(PG.quote(QualifiedName.of("Sales", "order"))).isEqualTo("\"Sales\".\"order\"");
  }

  @Test
  void literals() {
    assertThat(PG.literal(null)).isEqualTo("NULL");
    assertThat(PG.literal(42)).isEqualTo("42");
    assertThat(PG.literal(-1.5)).isEqualTo("-1.5");
    assertThat(PG.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(PG.literal(Double.NaN)).isEqualTo("'NaN'");
    assertThat(PG.literal(true)).isEqualTo("TRUE");
    assertThat(PG.literal("O'Brien \\ back")).isEqualTo("'O''Brien \\ back'");
    assertThat(PG.literal(new byte[] {1, (byte) 0xab})).isEqualTo("'\\x01ab'");
  }

  @Test
  void versionTablesKeepTheRunnersColumnNames() {
    String sql =
        PG
            .createVersionTables(
                QualifiedName.of("retort_version"), QualifiedName.of("ops", "retort_history"))
            .stream()
            .map(Sql::text)
            .collect(Collectors.joining(";\n"));
    assertThat(sql)
        .isEqualTo(
            """
        CREATE TABLE IF NOT EXISTS retort_version (version_num varchar(64) NOT NULL PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS ops.retort_history (\
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, revision varchar(64) NOT NULL, \
        direction varchar(8) NOT NULL, checksum varchar(64), \
        started_at timestamp with time zone NOT NULL, duration_ms bigint NOT NULL, \
        who varchar(255) NOT NULL, success boolean NOT NULL, failed_statement integer, message text, statement_sums text)""");
  }

  @Test
  void acceptsOnlyPostgresUrls() {
    assertThat(PG.accepts("jdbc:postgresql://localhost/db")).isTrue();
    assertThat(PG.accepts("jdbc:postgres://localhost/db")).isFalse();
    assertThat(PG.accepts("jdbc:sqlite:x.db")).isFalse();
    assertThat(PG.capabilities().transactionalDdl()).isTrue();
    assertThat(PG.capabilities().batchesStatements()).isTrue();
  }

  @Test
  void lockKeysAreStable() {
    assertThat(PostgresLock.keys("retort_version"))
        .isEqualTo(PostgresLock.keys("retort_version"))
        .isNotEqualTo(PostgresLock.keys("other_version"));
  }

  static String render(Op op) {
    return PG.renderer(Catalog.NONE).render(op).stream()
        .map(Sql::text)
        .collect(Collectors.joining(";\n"));
  }
}
