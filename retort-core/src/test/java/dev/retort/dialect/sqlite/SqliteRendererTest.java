package dev.retort.dialect.sqlite;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Sql;
import dev.retort.error.UsageException;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
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
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqliteRendererTest {

  private static final SqliteDialect SQLITE = new SqliteDialect();
  private static final QualifiedName USERS = QualifiedName.of("users");

  static Column col(String name, ColumnType type, boolean nullable, DefaultValue dflt) {
    return new Column(name, type, nullable, Optional.ofNullable(dflt), false, Optional.empty());
  }

  /** The table the fake live catalog holds: what a rebuild starts from. */
  static final Table LIVE_USERS =
      new Table(
          USERS,
          List.of(
              new Column("id", integer(), false, Optional.empty(), true, Optional.empty()),
              col("email", varchar(255), false, null),
              col("password", varchar(128), true, null),
              col("team_id", integer(), true, null)),
          Optional.of(PrimaryKey.of("id")),
          List.of(
              new ForeignKey(
                  Optional.of("fk_team"),
                  List.of("team_id"),
                  QualifiedName.of("teams"),
                  List.of("id"),
                  ReferentialAction.CASCADE,
                  ReferentialAction.NO_ACTION)),
          List.of(new UniqueConstraint(Optional.of("uq_email"), List.of("email"))),
          List.of(new CheckConstraint(Optional.of("ck_pw"), "length(password) > 3")),
          List.of(
              new Index(
                  "ix_users_team", USERS, List.of("team_id", "password"), false, Optional.empty())),
          Optional.empty());

  static final Catalog LIVE =
      name -> name.equals(USERS) ? Optional.of(LIVE_USERS) : Optional.empty();

  static final String REBUILD_TAIL =
      """
      INSERT INTO retort_new_users (id, email, password, team_id) SELECT id, email, password, team_id FROM users;
      DELETE FROM sqlite_sequence WHERE name = 'retort_new_users';
      INSERT INTO sqlite_sequence (name, seq) SELECT 'retort_new_users', seq FROM sqlite_sequence WHERE name = 'users' COLLATE NOCASE;
      DROP TABLE users;
      ALTER TABLE retort_new_users RENAME TO users;
      CREATE INDEX ix_users_team ON users (team_id, password)""";

  static Stream<Arguments> cases() {
    QualifiedName posts = QualifiedName.of("Posts");
    Table created =
        new Table(
            posts,
            List.of(
                new Column("id", bigint(), false, Optional.empty(), true, Optional.empty()),
                col("user", text(), false, DefaultValue.literal("it's")),
                col("order", integer(), true, DefaultValue.literal(3)),
                col("flag", bool(), false, DefaultValue.literal(false)),
                col("at", timestamptz(), true, DefaultValue.expression("CURRENT_TIMESTAMP")),
                col("day", date(), true, DefaultValue.expression("date('now')")),
                col("zip", varchar(5), true, DefaultValue.literal(7)),
                col("doc", json(), true, null),
                col("bin", bytes(), true, null),
                col("amount", numeric(10, 2), true, null),
                col("ratio", doublePrecision(), true, null),
                col("key", uuid(), true, null),
                col("naïve", raw("ANY"), true, null)),
            Optional.of(new PrimaryKey(Optional.of("pk_posts"), List.of("id"))),
            List.of(
                new ForeignKey(
                    Optional.of("fk_posts_user"),
                    List.of("user"),
                    USERS,
                    List.of("email"),
                    ReferentialAction.SET_NULL,
                    ReferentialAction.CASCADE)),
            List.of(new UniqueConstraint(Optional.empty(), List.of("user", "order"))),
            List.of(new CheckConstraint(Optional.of("ck \"q\""), "\"order\" > 0")),
            List.of(new Index("ix_posts_at", posts, List.of("at"), false, Optional.of("flag"))),
            Optional.empty());
    Table composite =
        new Table(
            QualifiedName.of("pairs"),
            List.of(col("a", integer(), false, null), col("b", text(), false, null)),
            Optional.of(PrimaryKey.of("a", "b")),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    return Stream.of(
        Arguments.of(
            "create table: inline AUTOINCREMENT key, named constraints, index",
            new CreateTable(created),
            """
            CREATE TABLE "Posts" (
              id INTEGER CONSTRAINT pk_posts PRIMARY KEY AUTOINCREMENT,
              user TEXT NOT NULL DEFAULT 'it''s',
              "order" INTEGER DEFAULT 3,
              flag BOOLEAN NOT NULL DEFAULT FALSE,
              at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
              day DATE DEFAULT (date('now')),
              zip VARCHAR(5) DEFAULT '7',
              doc JSON TEXT,
              bin BLOB,
              amount NUMERIC(10,2),
              ratio DOUBLE,
              "key" UUID,
              "naïve" ANY,
              UNIQUE (user, "order"),
              CONSTRAINT "ck ""q""\" CHECK ("order" > 0),
              CONSTRAINT fk_posts_user FOREIGN KEY (user) REFERENCES users (email) ON DELETE SET NULL ON UPDATE CASCADE
            );
            CREATE INDEX ix_posts_at ON "Posts" (at) WHERE flag"""),
        Arguments.of(
            "create table: composite primary key",
            new CreateTable(composite),
            """
            CREATE TABLE pairs (
              a INTEGER NOT NULL,
              b TEXT NOT NULL,
              PRIMARY KEY (a, b)
            )"""),
        Arguments.of("drop table", new DropTable(posts, Optional.empty()), "DROP TABLE \"Posts\""),
        Arguments.of(
            "rename table", new RenameTable(USERS, "people"), "ALTER TABLE users RENAME TO people"),
        Arguments.of(
            "add nullable column in place",
            new AddColumn(USERS, col("nick", varchar(20), true, null)),
            "ALTER TABLE users ADD COLUMN nick VARCHAR(20)"),
        Arguments.of(
            "add NOT NULL column with default in place",
            new AddColumn(USERS, col("Score", integer(), false, DefaultValue.literal(0))),
            "ALTER TABLE users ADD COLUMN \"Score\" INTEGER NOT NULL DEFAULT 0"),
        Arguments.of(
            "add NOT NULL column without default: rebuild",
            new AddColumn(USERS, col("age", integer(), false, null)),
            """
            CREATE TABLE retort_new_users (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              email VARCHAR(255) NOT NULL,
              password VARCHAR(128),
              team_id INTEGER,
              age INTEGER NOT NULL,
              CONSTRAINT uq_email UNIQUE (email),
              CONSTRAINT ck_pw CHECK (length(password) > 3),
              CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
            );
            """
                + REBUILD_TAIL),
        Arguments.of(
            "drop column: rebuild without it, its index and check",
            new DropColumn(USERS, "password", Optional.empty()),
            """
            CREATE TABLE retort_new_users (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              email VARCHAR(255) NOT NULL,
              team_id INTEGER,
              CONSTRAINT uq_email UNIQUE (email),
              CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
            );
            INSERT INTO retort_new_users (id, email, team_id) SELECT id, email, team_id FROM users;
            DELETE FROM sqlite_sequence WHERE name = 'retort_new_users';
            INSERT INTO sqlite_sequence (name, seq) SELECT 'retort_new_users', seq FROM sqlite_sequence WHERE name = 'users' COLLATE NOCASE;
            DROP TABLE users;
            ALTER TABLE retort_new_users RENAME TO users"""),
        Arguments.of(
            "alter column: rename only, in place",
            AlterColumn.of(USERS, "password", c -> c.rename("pass word")),
            "ALTER TABLE users RENAME COLUMN password TO \"pass word\""),
        Arguments.of(
            "alter column: rename, type, not null, default: rebuild",
            AlterColumn.of(
                USERS,
                "password",
                c ->
                    c.rename("password_hash")
                        .existingType(varchar(128))
                        .type(varchar(255))
                        .existingNullable(true)
                        .nullable(false)
                        .defaultValue("x")),
            """
            CREATE TABLE retort_new_users (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              email VARCHAR(255) NOT NULL,
              password_hash VARCHAR(255) NOT NULL DEFAULT 'x',
              team_id INTEGER,
              CONSTRAINT uq_email UNIQUE (email),
              CONSTRAINT ck_pw CHECK (length(password_hash) > 3),
              CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
            );
            INSERT INTO retort_new_users (id, email, password_hash, team_id) SELECT id, email, password, team_id FROM users;
            DELETE FROM sqlite_sequence WHERE name = 'retort_new_users';
            INSERT INTO sqlite_sequence (name, seq) SELECT 'retort_new_users', seq FROM sqlite_sequence WHERE name = 'users' COLLATE NOCASE;
            DROP TABLE users;
            ALTER TABLE retort_new_users RENAME TO users;
            CREATE INDEX ix_users_team ON users (team_id, password_hash)"""),
        Arguments.of(
            "add foreign key: rebuild",
            new AddConstraint(
                USERS,
                new ForeignKey(
                    Optional.of("fk_self"),
                    List.of("team_id"),
                    USERS,
                    List.of("id"),
                    ReferentialAction.SET_NULL,
                    ReferentialAction.NO_ACTION)),
            """
            CREATE TABLE retort_new_users (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              email VARCHAR(255) NOT NULL,
              password VARCHAR(128),
              team_id INTEGER,
              CONSTRAINT uq_email UNIQUE (email),
              CONSTRAINT ck_pw CHECK (length(password) > 3),
              CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE,
              CONSTRAINT fk_self FOREIGN KEY (team_id) REFERENCES users (id) ON DELETE SET NULL
            );
            """
                + REBUILD_TAIL),
        Arguments.of(
            "drop constraint: rebuild",
            new DropConstraint(USERS, "UQ_EMAIL", Optional.empty()),
            """
            CREATE TABLE retort_new_users (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              email VARCHAR(255) NOT NULL,
              password VARCHAR(128),
              team_id INTEGER,
              CONSTRAINT ck_pw CHECK (length(password) > 3),
              CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
            );
            """
                + REBUILD_TAIL),
        Arguments.of(
            "create unique partial index",
            new CreateIndex(
                new Index(
                    "ux", USERS, List.of("email", "Team"), true, Optional.of("email IS NOT NULL"))),
            "CREATE UNIQUE INDEX ux ON users (email, \"Team\") WHERE email IS NOT NULL"),
        Arguments.of(
            "create index in an attached schema qualifies the index name",
            new CreateIndex(
                new Index(
                    "ix", QualifiedName.of("aux", "t"), List.of("a"), false, Optional.empty())),
            "CREATE INDEX aux.ix ON t (a)"),
        Arguments.of(
            "drop index",
            new DropIndex(USERS, "ix users", Optional.empty()),
            "DROP INDEX \"ix users\""),
        Arguments.of("execute sql", ExecuteSql.of("DELETE FROM users"), "DELETE FROM users"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void renders(String name, Op op, String expected) {
    assertThat(render(SQLITE.renderer(LIVE), op)).isEqualTo(expected);
  }

  @Test
  void rebuildOfflineSaysWhyAndWhatToDo() {
    AlterColumn widen =
        AlterColumn.of(USERS, "password", c -> c.existingType(varchar(128)).type(varchar(255)));
    assertThatThrownBy(() -> SQLITE.renderer(Catalog.NONE).render(widen))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "SQLite cannot change column users.password in place; Retort rebuilds the "
                + "table, which it plans from the live table when the migration runs, so it cannot be "
                + "written as SQL ahead of time");
  }

  @Test
  void rebuildOfAMissingTableIsAUsageError() {
    assertThatThrownBy(
            () ->
                SQLITE
                    .renderer(LIVE)
                    .render(new DropColumn(QualifiedName.of("ghosts"), "x", Optional.empty())))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("drop column ghosts.x")
        .hasMessageContaining("does not exist");
  }

  @Test
  void droppingAnUnknownConstraintListsTheKnownOnes() {
    assertThatThrownBy(
            () -> SQLITE.renderer(LIVE).render(new DropConstraint(USERS, "nope", Optional.empty())))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("no constraint named nope")
        .hasMessageContaining("uq_email, ck_pw, fk_team");
  }

  @Test
  void autoIncrementOffTheKeyIsRefused() {
    Table bad =
        new Table(
            QualifiedName.of("t"),
            List.of(
                new Column("n", integer(), false, Optional.empty(), true, Optional.empty()),
                col("m", integer(), false, null)),
            Optional.of(PrimaryKey.of("n", "m")),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    assertThatThrownBy(() -> SQLITE.renderer(Catalog.NONE).render(new CreateTable(bad)))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("single-column INTEGER PRIMARY KEY");
  }

  @Test
  void quotesSqliteKeywordsOnly() {
    assertThat(SQLITE.quote("user")).isEqualTo("user");
    assertThat(SQLITE.quote("order")).isEqualTo("\"order\"");
    assertThat(SQLITE.quote("key")).isEqualTo("\"key\"");
    assertThat(SQLITE.quote("Mixed")).isEqualTo("\"Mixed\"");
    assertThat(SQLITE.quote("a \"b\"")).isEqualTo("\"a \"\"b\"\"\"");
    assertThat(SQLITE.quote("été")).isEqualTo("\"été\"");
    assertThat(SQLITE.quote("true")).isEqualTo("\"true\"");
  }

  @Test
  void literals() {
    assertThat(SQLITE.literal(null)).isEqualTo("NULL");
    assertThat(SQLITE.literal(3L)).isEqualTo("3");
    assertThat(SQLITE.literal(false)).isEqualTo("FALSE");
    assertThat(SQLITE.literal("a'b")).isEqualTo("'a''b'");
    assertThat(SQLITE.literal(new byte[] {(byte) 0xff, 0})).isEqualTo("X'ff00'");
  }

  @Test
  void versionTables() {
    assertThat(
            SQLITE
                .createVersionTables(
                    QualifiedName.of("retort_version"), QualifiedName.of("retort_history"))
                .stream()
                .map(Sql::text)
                .toList())
        .containsExactly(
            "CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(64) NOT NULL PRIMARY KEY)",
            "CREATE TABLE IF NOT EXISTS retort_history (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                + "revision VARCHAR(64) NOT NULL, direction VARCHAR(8) NOT NULL, "
                + "checksum VARCHAR(64), started_at TEXT NOT NULL, duration_ms BIGINT NOT NULL, "
                + "who VARCHAR(255) NOT NULL, success BOOLEAN NOT NULL, failed_statement INTEGER, message TEXT, statement_sums TEXT)");
  }

  @Test
  void typesMapBackToTheirKind() {
    for (ColumnType t :
        List.of(
            smallint(),
            integer(),
            bigint(),
            varchar(40),
            fixedChar(3),
            text(),
            bool(),
            numeric(9, 2),
            numeric(0, 0),
            real(),
            doublePrecision(),
            date(),
            time(),
            timestamp(),
            timestamptz(),
            uuid(),
            json(),
            jsonb(),
            bytes(),
            raw("INT4RANGE"))) {
      assertThat(SqliteTypes.parse(SqliteTypes.sql(t))).as(t.toString()).isEqualTo(t);
    }
    assertThat(SqliteTypes.parse("int")).isEqualTo(integer());
    assertThat(SqliteTypes.parse("datetime")).isEqualTo(timestamp());
    assertThat(SqliteTypes.parse("decimal(5, 1)")).isEqualTo(numeric(5, 1));
  }

  @Test
  void lockFindsTheDatabaseFile() {
    assertThat(SqliteLock.databaseFile("jdbc:sqlite::memory:")).isEmpty();
    assertThat(SqliteLock.databaseFile("jdbc:sqlite:")).isEmpty();
    assertThat(SqliteLock.databaseFile("jdbc:sqlite:file:x?mode=memory&cache=shared")).isEmpty();
    assertThat(SqliteLock.databaseFile("jdbc:sqlite:/tmp/a.db"))
        .hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo("/tmp/a.db"));
    assertThat(SqliteLock.databaseFile("jdbc:sqlite:file:/tmp/b.db?journal_mode=wal"))
        .hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo("/tmp/b.db"));
  }

  @Test
  void createTableTextIsReadBack() {
    SqliteTableSql t =
        SqliteTableSql.parse(
            """
        CREATE TABLE "x" (
          id INTEGER PRIMARY KEY AUTOINCREMENT, -- the key, (with a comment)
          "a,b" TEXT CONSTRAINT u_ab UNIQUE CHECK ("a,b" <> 'x)'),
          p INTEGER REFERENCES parent,
          q INTEGER, r INTEGER,
          CONSTRAINT "fk q" FOREIGN KEY (q, r) REFERENCES other (a, b) ON DELETE CASCADE,
          UNIQUE (q, r),
          CONSTRAINT ck_q CHECK (q > (r + 1))
        )""");
    assertThat(t.autoIncrementColumns()).containsExactly("id");
    assertThat(t.uniques())
        .containsExactly(
            new SqliteTableSql.Named(Optional.of("u_ab"), List.of("a,b")),
            new SqliteTableSql.Named(Optional.empty(), List.of("q", "r")));
    assertThat(t.foreignKeys())
        .containsExactly(
            new SqliteTableSql.Named(Optional.empty(), List.of("p")),
            new SqliteTableSql.Named(Optional.of("fk q"), List.of("q", "r")));
    assertThat(t.checks())
        .containsExactly(
            new CheckConstraint(Optional.empty(), "\"a,b\" <> 'x)'"),
            new CheckConstraint(Optional.of("ck_q"), "q > (r + 1)"));
    assertThat(SqliteTableSql.indexWhere("CREATE INDEX i ON t (lower(a)) WHERE a > 'where'"))
        .contains("a > 'where'");
  }

  @Test
  void defaultsAreReadBackAsLiteralsOrExpressions() {
    assertThat(SqliteInspector.defaultValue("'it''s'")).contains(new DefaultValue.Literal("it's"));
    assertThat(SqliteInspector.defaultValue("-2.5")).contains(new DefaultValue.Literal("-2.5"));
    assertThat(SqliteInspector.defaultValue("TRUE")).contains(new DefaultValue.Literal("true"));
    assertThat(SqliteInspector.defaultValue("NULL")).isEmpty();
    assertThat(SqliteInspector.defaultValue("CURRENT_TIMESTAMP"))
        .contains(new DefaultValue.Expression("CURRENT_TIMESTAMP"));
    assertThat(SqliteInspector.defaultValue("'a' || 'b'"))
        .contains(new DefaultValue.Expression("'a' || 'b'"));
  }

  static String render(dev.retort.dialect.Renderer renderer, Op op) {
    return renderer.render(op).stream().map(Sql::text).collect(Collectors.joining(";\n"));
  }
}
