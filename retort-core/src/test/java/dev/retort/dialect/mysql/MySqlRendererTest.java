package dev.retort.dialect.mysql;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.error.UsageException;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MySqlRendererTest {

  private static final MySqlDialect MY = new MySqlDialect();
  private static final QualifiedName USERS = QualifiedName.of("users");
  private static final MySqlServer MARIADB = MySqlServer.parse("MariaDB", "10.11.6-MariaDB", "");
  private static final MySqlServer MYSQL_8_0_16 = MySqlServer.parse("MySQL", "8.0.16", "");

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
                new Column("id", bigint(), false, Optional.empty(), true, Optional.of("row id")),
                col("email", varchar(255), false, null),
                col("user", text(), true, null),
                col("Display Name", varchar(40), true, DefaultValue.literal("it's a \\ back")),
                col("active", bool(), true, DefaultValue.literal(true)),
                col("score", numeric(10, 2), true, DefaultValue.literal(0)),
                col("zip", varchar(5), true, DefaultValue.literal(42)),
                col("bio", text(), true, DefaultValue.literal("none")),
                col(
                    "created_at",
                    timestamptz(),
                    false,
                    DefaultValue.expression("CURRENT_TIMESTAMP(6)"))),
            Optional.of(new PrimaryKey(Optional.of("pk_users"), List.of("id"))),
            List.of(),
            List.of(new UniqueConstraint(Optional.empty(), List.of("email"))),
            List.of(new CheckConstraint(Optional.of("positive_score"), "score >= 0")),
            List.of(
                new Index(
                    "idx_users_zip",
                    USERS,
                    List.of("zip", "Display Name"),
                    false,
                    Optional.empty())),
            Optional.of("people's \\ accounts"));
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
                    ReferentialAction.RESTRICT)),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    Table types =
        table(
            QualifiedName.of("types"),
            List.of(
                col("a", smallint(), true, null), col("b", integer(), true, null),
                col("c", bigint(), true, null), col("d", varchar(10), true, null),
                col("e", fixedChar(2), true, null), col("f", text(), true, null),
                col("g", bool(), true, null), col("h", numeric(12, 3), true, null),
                col("i", real(), true, null), col("j", doublePrecision(), true, null),
                col("k", date(), true, null), col("l", time(), true, null),
                col("m", timestamp(), true, null), col("n", timestamptz(), true, null),
                col("o", uuid(), true, null), col("p", json(), true, DefaultValue.literal("{}")),
                col("q", jsonb(), true, null), col("r", bytes(), true, null),
                col("s", raw("mediumint unsigned"), true, null),
                    col("t", numeric(0, 0), true, null)));
    Table counter =
        new Table(
            QualifiedName.of("counter"),
            List.of(
                col("name", varchar(20), false, null),
                new Column("seq", bigint(), false, Optional.empty(), true, Optional.empty())),
            Optional.of(PrimaryKey.of("name")),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    return Stream.of(
        Arguments.of(
            "create table: keys, defaults, quoting, comments, index with the table",
            new CreateTable(users),
            """
            CREATE TABLE users (
              id bigint NOT NULL AUTO_INCREMENT COMMENT 'row id',
              email varchar(255) NOT NULL,
              `user` text,
              `Display Name` varchar(40) DEFAULT 'it''s a \\\\ back',
              active tinyint(1) DEFAULT TRUE,
              score decimal(10,2) DEFAULT 0,
              zip varchar(5) DEFAULT '42',
              bio text DEFAULT ('none'),
              created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
              PRIMARY KEY (id),
              UNIQUE (email),
              CONSTRAINT positive_score CHECK (score >= 0),
              INDEX idx_users_zip (zip, `Display Name`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='people''s \\\\ accounts'"""),
        Arguments.of(
            "create table: foreign keys with actions, qualified names",
            new CreateTable(postsTable),
            """
            CREATE TABLE app.Posts (
              id int NOT NULL,
              user_id bigint,
              editor_id bigint,
              PRIMARY KEY (id),
              CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE SET NULL,
              FOREIGN KEY (editor_id) REFERENCES app.people (id) ON UPDATE RESTRICT
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"""),
        Arguments.of(
            "create table: every portable type",
            new CreateTable(types),
            """
            CREATE TABLE types (
              a smallint,
              b int,
              c bigint,
              d varchar(10),
              e char(2),
              f text,
              g tinyint(1),
              h decimal(12,3),
              i float,
              j double,
              k date,
              l time(6),
              m datetime(6),
              n datetime(6),
              o char(36),
              p json DEFAULT ('{}'),
              q json,
              r longblob,
              s mediumint unsigned,
              t decimal(65,30)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"""),
        Arguments.of(
            "create table: an AUTO_INCREMENT column outside the key gets one",
            new CreateTable(counter),
            """
            CREATE TABLE counter (
              name varchar(20) NOT NULL,
              seq bigint NOT NULL AUTO_INCREMENT,
              PRIMARY KEY (name),
              KEY (seq)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"""),
        Arguments.of(
            "drop table, qualified",
            new DropTable(posts, Optional.empty()),
            "DROP TABLE app.Posts"),
        Arguments.of(
            "rename table keeps the database",
            new RenameTable(posts, "Old Posts"),
            "RENAME TABLE app.Posts TO app.`Old Posts`"),
        Arguments.of(
            "rename table to a reserved word",
            new RenameTable(USERS, "order"),
            "RENAME TABLE users TO `order`"),
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
                    Optional.of("shown \\ name"))),
            "ALTER TABLE users ADD COLUMN nickname varchar(50) NOT NULL DEFAULT 'O''Brien' "
                + "COMMENT 'shown \\\\ name'"),
        Arguments.of(
            "add column to a reserved-word table, non-ASCII name and default",
            new AddColumn(
                QualifiedName.of("order"),
                col("naïve", text(), true, DefaultValue.literal("crème"))),
            "ALTER TABLE `order` ADD COLUMN `naïve` text DEFAULT ('crème')"),
        Arguments.of(
            "add AUTO_INCREMENT column with its key",
            new AddColumn(
                USERS,
                new Column("seq", bigint(), false, Optional.empty(), true, Optional.empty())),
            "ALTER TABLE users ADD COLUMN seq bigint NOT NULL AUTO_INCREMENT, ADD KEY (seq)"),
        Arguments.of(
            "drop column named by a reserved word",
            new DropColumn(USERS, "key", Optional.empty()),
            "ALTER TABLE users DROP COLUMN `key`"),
        Arguments.of(
            "alter column: rename, type, not null and default in one CHANGE",
            alter(
                "password",
                "password_hash",
                varchar(128),
                varchar(255),
                false,
                true,
                null,
                DefaultValue.literal("x")),
            "ALTER TABLE users CHANGE COLUMN password password_hash varchar(255) NOT NULL "
                + "DEFAULT 'x'"),
        Arguments.of(
            "alter column: type change restates the existing default",
            AlterColumn.of(
                USERS,
                "code",
                c ->
                    c.existingType(varchar(10))
                        .type(integer())
                        .existingNullable(false)
                        .existingDefault("0")),
            "ALTER TABLE users CHANGE COLUMN code code int NOT NULL DEFAULT 0"),
        Arguments.of(
            "alter column: nullability only, type from existingType",
            alter("Old Name", null, varchar(3), null, true, false, null, null),
            "ALTER TABLE users CHANGE COLUMN `Old Name` `Old Name` varchar(3)"),
        Arguments.of(
            "alter column: rename only, no definition needed",
            alter("Old Name", "new`name", null, null, null, false, null, null),
            "ALTER TABLE users RENAME COLUMN `Old Name` TO `new``name`"),
        Arguments.of(
            "alter column: rename and set default",
            alter("a", "b", null, null, null, true, null, DefaultValue.literal("q'\\")),
            "ALTER TABLE users RENAME COLUMN a TO b;\n"
                + "ALTER TABLE users ALTER COLUMN b SET DEFAULT 'q''\\\\'"),
        Arguments.of(
            "alter column: numeric default bare when the type is known",
            AlterColumn.of(USERS, "n", c -> c.existingType(integer()).defaultValue(-7)),
            "ALTER TABLE users ALTER COLUMN n SET DEFAULT -7"),
        Arguments.of(
            "alter column: a text default is an expression",
            AlterColumn.of(USERS, "bio", c -> c.existingType(text()).defaultValue("x")),
            "ALTER TABLE users ALTER COLUMN bio SET DEFAULT ('x')"),
        Arguments.of(
            "alter column: drop default",
            alter("code", null, null, null, null, true, DefaultValue.literal(1), null),
            "ALTER TABLE users ALTER COLUMN code DROP DEFAULT"),
        Arguments.of(
            "create index",
            new CreateIndex(
                new Index(
                    "ix_users_name",
                    USERS,
                    List.of("last", "First", "key"),
                    false,
                    Optional.empty())),
            "CREATE INDEX ix_users_name ON users (last, First, `key`)"),
        Arguments.of(
            "create unique index in another database",
            new CreateIndex(
                new Index("ux posts", posts, List.of("user_id"), true, Optional.empty())),
            "CREATE UNIQUE INDEX `ux posts` ON app.Posts (user_id)"),
        Arguments.of(
            "drop index names its table",
            new DropIndex(posts, "ux posts", Optional.empty()),
            "DROP INDEX `ux posts` ON app.Posts"),
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
            "ALTER TABLE app.Posts ADD CONSTRAINT fk_posts_user FOREIGN KEY (user_id) "
                + "REFERENCES users (id) ON DELETE RESTRICT ON UPDATE CASCADE"),
        Arguments.of(
            "add foreign key with SET NULL, unnamed",
            new AddConstraint(
                posts,
                new ForeignKey(
                    Optional.empty(),
                    List.of("a", "b"),
                    USERS,
                    List.of("x", "y"),
                    ReferentialAction.SET_NULL,
                    ReferentialAction.NO_ACTION)),
            "ALTER TABLE app.Posts ADD FOREIGN KEY (a, b) REFERENCES users (x, y) "
                + "ON DELETE SET NULL"),
        Arguments.of(
            "add unique with an awkward name",
            new AddConstraint(
                USERS, new UniqueConstraint(Optional.of("uq `quoted` 'x'"), List.of("email"))),
            "ALTER TABLE users ADD CONSTRAINT `uq ``quoted`` 'x'` UNIQUE (email)"),
        Arguments.of(
            "add check with quotes",
            new AddConstraint(
                USERS, new CheckConstraint(Optional.of("ck_len"), "email <> 'it''s'")),
            "ALTER TABLE users ADD CONSTRAINT ck_len CHECK (email <> 'it''s')"),
        Arguments.of(
            "add primary key: MySQL ignores its name",
            new AddConstraint(
                USERS, new PrimaryKey(Optional.of("pk_users"), List.of("id", "Region"))),
            "ALTER TABLE users ADD PRIMARY KEY (id, Region)"),
        Arguments.of(
            "drop foreign key by its kind",
            new DropConstraint(
                USERS,
                "fk_a",
                Optional.of(
                    new ForeignKey(
                        Optional.of("fk_a"),
                        List.of("a"),
                        posts,
                        List.of("id"),
                        ReferentialAction.NO_ACTION,
                        ReferentialAction.NO_ACTION))),
            "ALTER TABLE users DROP FOREIGN KEY fk_a"),
        Arguments.of(
            "drop unique as its index",
            new DropConstraint(
                USERS,
                "uq_email",
                Optional.of(new UniqueConstraint(Optional.of("uq_email"), List.of("email")))),
            "ALTER TABLE users DROP INDEX uq_email"),
        Arguments.of(
            "drop check: the spelling both servers take offline",
            new DropConstraint(
                USERS, "ck", Optional.of(new CheckConstraint(Optional.of("ck"), "1"))),
            "ALTER TABLE users DROP CONSTRAINT ck"),
        Arguments.of(
            "drop primary key",
            new DropConstraint(USERS, "PRIMARY", Optional.of(PrimaryKey.of("id"))),
            "ALTER TABLE users DROP PRIMARY KEY"),
        Arguments.of(
            "drop constraint offline without its kind: generic",
            new DropConstraint(USERS, "Fk", Optional.empty()),
            "ALTER TABLE users DROP CONSTRAINT Fk"),
        Arguments.of(
            "execute sql as written",
            ExecuteSql.of("UPDATE users SET x = '\\\\'"),
            "UPDATE users SET x = '\\\\'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void renders(String name, Op op, String expected) {
    assertThat(render(MY.renderer(Catalog.NONE), op)).isEqualTo(expected);
  }

  @Test
  void prefixKeysAndFullTextIndexesAreWrittenTheMySqlWay() {
    Index prefix =
        new Index(
            "ix_users_email",
            USERS,
            List.of(dev.retort.schema.IndexPart.expression("email(20)")),
            false,
            Optional.empty(),
            Optional.empty(),
            List.of());
    assertThat(render(MY.renderer(Catalog.NONE), new CreateIndex(prefix, false)))
        .isEqualTo("CREATE INDEX ix_users_email ON users (email(20))");
    Index fullText =
        new Index(
            "ft_users_bio",
            USERS,
            List.of(dev.retort.schema.IndexPart.column("bio")),
            false,
            Optional.empty(),
            Optional.of("fulltext"),
            List.of());
    assertThat(render(MY.renderer(Catalog.NONE), new CreateIndex(fullText, false)))
        .isEqualTo("CREATE FULLTEXT INDEX ft_users_bio ON users (bio)");
  }

  @Test
  void offlineAlterWithoutTheExistingTypeSaysWhichValueToGive() {
    AlterColumn op = alter("password", null, null, null, false, false, null, null);
    assertThatThrownBy(() -> MY.renderer(Catalog.NONE).render(op))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("users.password")
        .hasMessageContaining("existing type")
        .hasMessageContaining("existingType(...)")
        .hasMessageContaining("--sql");
  }

  @Test
  void offlineTypeChangeWithoutNullabilitySaysWhichValueToGive() {
    AlterColumn op =
        AlterColumn.of(USERS, "code", c -> c.existingType(varchar(1)).type(varchar(2)));
    assertThatThrownBy(() -> MY.renderer(Catalog.NONE).render(op))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("existingNullable(...)");
  }

  @Test
  void liveAlterRestatesWhatTheOpDoesNotSayFromTheLiveColumn() {
    Table live =
        table(
            USERS,
            List.of(
                new Column("id", integer(), false, Optional.empty(), true, Optional.of("the 'id'")),
                col("code", varchar(10), false, DefaultValue.literal("n/a"))));
    Catalog catalog = name -> name.equals(USERS) ? Optional.of(live) : Optional.empty();
    Renderer renderer = MY.renderer(catalog);
    assertThat(render(renderer, alter("id", null, null, bigint(), null, false, null, null)))
        .isEqualTo(
            "ALTER TABLE users CHANGE COLUMN id id bigint NOT NULL AUTO_INCREMENT "
                + "COMMENT 'the ''id'''");
    assertThat(render(renderer, alter("code", "Code", null, null, true, false, null, null)))
        .isEqualTo("ALTER TABLE users CHANGE COLUMN code Code varchar(10) DEFAULT 'n/a'");
    // what the op says wins over the live column
    assertThat(
            render(
                renderer,
                AlterColumn.of(
                    USERS,
                    "code",
                    c ->
                        c.existingType(varchar(10))
                            .type(varchar(20))
                            .existingNullable(true)
                            .dropDefault())))
        .isEqualTo("ALTER TABLE users CHANGE COLUMN code code varchar(20)");
    assertThatThrownBy(
            () -> render(renderer, alter("nope", null, null, text(), null, false, null, null)))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("has no such column");
  }

  @Test
  void liveDropConstraintFindsTheKindInTheTable() {
    Table live =
        new Table(
            USERS,
            List.of(col("id", integer(), false, null)),
            Optional.of(PrimaryKey.of("id")),
            List.of(
                new ForeignKey(
                    Optional.of("fk_Team"),
                    List.of("id"),
                    USERS,
                    List.of("id"),
                    ReferentialAction.NO_ACTION,
                    ReferentialAction.NO_ACTION)),
            List.of(new UniqueConstraint(Optional.of("uq_id"), List.of("id"))),
            List.of(new CheckConstraint(Optional.of("ck_id"), "id > 0")),
            List.of(),
            Optional.empty());
    Renderer renderer = MY.renderer(name -> Optional.of(live));
    assertThat(render(renderer, new DropConstraint(USERS, "FK_TEAM", Optional.empty())))
        .isEqualTo("ALTER TABLE users DROP FOREIGN KEY FK_TEAM");
    assertThat(render(renderer, new DropConstraint(USERS, "uq_id", Optional.empty())))
        .isEqualTo("ALTER TABLE users DROP INDEX uq_id");
    assertThat(render(renderer, new DropConstraint(USERS, "ck_id", Optional.empty())))
        .isEqualTo("ALTER TABLE users DROP CONSTRAINT ck_id");
    assertThat(render(renderer, new DropConstraint(USERS, "PRIMARY", Optional.empty())))
        .isEqualTo("ALTER TABLE users DROP PRIMARY KEY");
    assertThatThrownBy(
            () -> render(renderer, new DropConstraint(USERS, "pk_users", Optional.empty())))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("no constraint of that name")
        .hasMessageContaining("PRIMARY");
  }

  @Test
  void mariaDbKeepsACheckNamedAfterItsColumnOnTheColumn() {
    Table t =
        dev.retort.ops.TableBuilder.table(
            "gauge",
            b -> {
              b.column("level", integer());
              b.column("other", integer());
              b.check("level", "level between 0 and 2");
              b.check("mixed", "level < other");
              b.check("other", "other > level");
            });
    // as Hibernate's schema creation writes an enum's check, and SHOW CREATE TABLE shows it
    assertThat(render(new MySqlRenderer(MY, Catalog.NONE, MARIADB), new CreateTable(t)))
        .contains("level int CHECK (level between 0 and 2),")
        .contains("CONSTRAINT mixed CHECK (level < other)")
        .contains("CONSTRAINT other CHECK (other > level)")
        .doesNotContain("CONSTRAINT level");
    // MySQL names column checks t_chk_n: a named check stays the table's
    assertThat(render(new MySqlRenderer(MY, Catalog.NONE, MYSQL_8_0_16), new CreateTable(t)))
        .contains("CONSTRAINT level CHECK (level between 0 and 2)");
  }

  @Test
  void serverDifferencesAreFlagsNotForks() {
    DropConstraint dropCheck =
        new DropConstraint(
            USERS, "ck", Optional.of(new CheckConstraint(Optional.of("ck"), "a > 0")));
    assertThat(render(new MySqlRenderer(MY, Catalog.NONE, MYSQL_8_0_16), dropCheck))
        .isEqualTo("ALTER TABLE users DROP CHECK ck");
    assertThat(render(new MySqlRenderer(MY, Catalog.NONE, MARIADB), dropCheck))
        .isEqualTo("ALTER TABLE users DROP CONSTRAINT ck");
    MySqlServer mysql57 = MySqlServer.parse("MySQL", "5.7.44-log", "");
    assertThatThrownBy(
            () ->
                render(
                    new MySqlRenderer(MY, Catalog.NONE, mysql57),
                    new AddConstraint(USERS, new CheckConstraint(Optional.of("ck"), "a > 0"))))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("ignored by MySQL 5.7.44");
    // without RENAME COLUMN (MariaDB 10.4) a rename restates the column
    MySqlServer maria104 = MySqlServer.parse("MariaDB", "5.5.5-10.4.32-MariaDB", "");
    assertThat(
            render(
                new MySqlRenderer(MY, Catalog.NONE, maria104),
                AlterColumn.of(
                    USERS,
                    "a",
                    c -> c.rename("b").existingType(varchar(3)).existingNullable(false))))
        .isEqualTo("ALTER TABLE users CHANGE COLUMN a b varchar(3) NOT NULL");
    // NO_BACKSLASH_ESCAPES: a backslash is an ordinary character, so it is not doubled
    MySqlServer plain = MySqlServer.parse("MySQL", "8.0.36", "ANSI_QUOTES,NO_BACKSLASH_ESCAPES");
    assertThat(
            render(
                new MySqlRenderer(MY, Catalog.NONE, plain),
                new AddColumn(USERS, col("p", varchar(9), true, DefaultValue.literal("a\\b'c")))))
        .isEqualTo("ALTER TABLE users ADD COLUMN p varchar(9) DEFAULT 'a\\b''c'");
  }

  @Test
  void serverVersions() {
    assertThat(MARIADB.mariaDb()).isTrue();
    assertThat(MARIADB.describe()).isEqualTo("MariaDB 10.11.6");
    assertThat(MySqlServer.parse("MySQL", "8.0.36", "").describe()).isEqualTo("MySQL 8.0.36");
    assertThat(MySqlServer.parse("MySQL", "5.5.5-10.6.18-MariaDB-log", "").describe())
        .isEqualTo("MariaDB 10.6.18");
    assertThat(MySqlServer.parse("MySQL", "8.0.18", "").genericDropConstraint()).isFalse();
    assertThat(MySqlServer.parse("MySQL", "8.0.19", "").genericDropConstraint()).isTrue();
    assertThat(MySqlServer.parse("MySQL", "8.0.15", "").checkEnforced()).isFalse();
    assertThat(MYSQL_8_0_16.checkEnforced()).isTrue();
    assertThat(MySqlServer.parse("MariaDB", "10.5.1-MariaDB", "").renameColumn()).isFalse();
    assertThat(MySqlServer.parse("MariaDB", "10.5.2-MariaDB", "").renameColumn()).isTrue();
    assertThat(MySqlServer.parse("MySQL", "9.1.0", "").atLeast(8, 0, 19)).isTrue();
  }

  @Test
  void refusesAPartialIndex() {
    Index partial = new Index("ix", USERS, List.of("a"), false, Optional.of("a > 0"));
    assertThatThrownBy(() -> MY.renderer(Catalog.NONE).render(new CreateIndex(partial)))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("no partial indexes");
  }

  @Test
  void executeSqlKeepsItsParameters() {
    List<Sql> sql =
        MY.renderer(Catalog.NONE)
            .render(
                new ExecuteSql(
                    "UPDATE t SET a = ? WHERE b = ?", Arrays.asList(1, null), Optional.empty()));
    assertThat(sql)
        .containsExactly(new Sql("UPDATE t SET a = ? WHERE b = ?", Arrays.asList(1, null)));
  }

  @Test
  void quotesOnlyWhereNeeded() {
    assertThat(MY.quote("users")).isEqualTo("users");
    assertThat(MY.quote("Users")).isEqualTo("Users");
    assertThat(MY.quote("snake_case$2")).isEqualTo("snake_case$2");
    assertThat(MY.quote("_x")).isEqualTo("_x");
    assertThat(MY.quote("order")).isEqualTo("`order`");
    assertThat(MY.quote("ORDER")).isEqualTo("`ORDER`");
    assertThat(MY.quote("user")).isEqualTo("`user`");
    assertThat(MY.quote("key")).isEqualTo("`key`");
    assertThat(MY.quote("two words")).isEqualTo("`two words`");
    assertThat(MY.quote("1st")).isEqualTo("`1st`");
    assertThat(MY.quote("a`b")).isEqualTo("`a``b`");
    assertThat(MY.quote("it's \"x\" \\")).isEqualTo("`it's \"x\" \\`");
    assertThat(MY.quote("straße")).isEqualTo("`straße`");
    assertThat(MY.quote(QualifiedName.of("Sales", "order"))).isEqualTo("Sales.`order`");
  }

  @Test
  void literals() {
    assertThat(MY.literal(null)).isEqualTo("NULL");
    assertThat(MY.literal(42)).isEqualTo("42");
    assertThat(MY.literal(-1.5)).isEqualTo("-1.5");
    assertThat(MY.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(MY.literal(Double.NaN)).isEqualTo("'NaN'");
    assertThat(MY.literal(true)).isEqualTo("TRUE");
    assertThat(MY.literal(false)).isEqualTo("FALSE");
    assertThat(MY.literal("O'Brien \\ back")).isEqualTo("'O''Brien \\\\ back'");
    assertThat(MY.literal("\\'")).isEqualTo("'\\\\'''");
    assertThat(MY.literal(new byte[] {1, (byte) 0xab})).isEqualTo("X'01ab'");
    assertThat(MY.literal(Instant.parse("2024-02-29T23:59:58.123456789Z")))
        .isEqualTo("'2024-02-29 23:59:58.123456'");
    assertThat(MY.literal(Instant.parse("1999-01-02T03:04:05Z")))
        .isEqualTo("'1999-01-02 03:04:05.000000'");
  }

  @Test
  void typesComeBackAsTheKindsTheyWereWrittenFrom() {
    for (ColumnType type :
        List.of(
            smallint(),
            integer(),
            bigint(),
            varchar(7),
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
            json(),
            bytes())) {
      assertThat(MySqlTypes.parse(MySqlTypes.sql(type), false)).as(type.toString()).isEqualTo(type);
    }
    assertThat(MySqlTypes.parse("int(11)", false)).isEqualTo(integer());
    assertThat(MySqlTypes.parse("bigint(20)", false)).isEqualTo(bigint());
    assertThat(MySqlTypes.parse("longtext", true)).isEqualTo(json());
    assertThat(MySqlTypes.parse("longtext", false)).isEqualTo(raw("longtext"));
    assertThat(MySqlTypes.parse("timestamp(6)", false)).isEqualTo(timestamptz());
    assertThat(MySqlTypes.parse("uuid", false)).isEqualTo(uuid());
    assertThat(MySqlTypes.parse("int(10) unsigned", false)).isEqualTo(raw("int(10) unsigned"));
    assertThat(MySqlTypes.parse("tinyint(4)", false)).isEqualTo(raw("tinyint(4)"));
  }

  @Test
  void defaultsAsInformationSchemaReportsThem() {
    assertThat(MySqlInspector.defaultValue("'it\\'s \\\\ ''x'''", "", text(), true))
        .contains(DefaultValue.literal("it's \\ 'x'"));
    assertThat(MySqlInspector.defaultValue("NULL", "", text(), true)).isEmpty();
    assertThat(MySqlInspector.defaultValue(null, "", text(), true)).isEmpty();
    assertThat(MySqlInspector.defaultValue("5", "", integer(), true))
        .contains(DefaultValue.literal("5"));
    assertThat(MySqlInspector.defaultValue("1", "", bool(), true))
        .contains(DefaultValue.literal("true"));
    assertThat(MySqlInspector.defaultValue("current_timestamp(6)", "", timestamp(), true))
        .contains(DefaultValue.expression("current_timestamp(6)"));
    assertThat(MySqlInspector.defaultValue("abc", "", varchar(3), false))
        .contains(DefaultValue.literal("abc"));
    assertThat(
            MySqlInspector.defaultValue(
                "CURRENT_TIMESTAMP(6)", "default_generated", timestamp(), false))
        .contains(DefaultValue.expression("CURRENT_TIMESTAMP(6)"));
  }

  @Test
  void lockNamesFitMySqlsLimit() {
    assertThat(MySqlLock.name("app", "retort_version")).isEqualTo("retort:app:retort_version");
    String longName = MySqlLock.name("a".repeat(64), "retort_version");
    assertThat(longName)
        .hasSize(64)
        .startsWith("retort:")
        .isEqualTo(MySqlLock.name("a".repeat(64), "retort_version"))
        .isNotEqualTo(MySqlLock.name("a".repeat(63) + "b", "retort_version"));
  }

  @Test
  void versionTablesKeepTheRunnersColumnNames() {
    String sql =
        MY
            .createVersionTables(
                QualifiedName.of("retort_version"), QualifiedName.of("ops", "retort_history"))
            .stream()
            .map(Sql::text)
            .collect(Collectors.joining(";\n"));
    assertThat(sql)
        .isEqualTo(
            """
        CREATE TABLE IF NOT EXISTS retort_version (version_num varchar(64) NOT NULL PRIMARY KEY) \
        ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
        CREATE TABLE IF NOT EXISTS ops.retort_history (\
        id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, revision varchar(64) NOT NULL, \
        direction varchar(8) NOT NULL, checksum varchar(64), \
        started_at datetime(6) NOT NULL, duration_ms bigint NOT NULL, \
        who varchar(255) NOT NULL, success boolean NOT NULL, failed_statement integer, message text, statement_sums text) \
        ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""");
  }

  @Test
  void acceptsMySqlAndMariaDbUrlsAndSaysWhatItCanDo() {
    assertThat(MY.name()).isEqualTo("mysql");
    assertThat(MY.accepts("jdbc:mariadb://localhost/db")).isTrue();
    assertThat(MY.accepts("jdbc:mysql://localhost/db")).isTrue();
    assertThat(MY.accepts("jdbc:postgresql://localhost/db")).isFalse();
    assertThat(MY.accepts(null)).isFalse();
    assertThat(MY.capabilities().transactionalDdl()).isFalse();
    assertThat(MY.capabilities().batchesStatements()).isFalse();
    assertThat(MY.capabilities().connectingChangesNothing()).isTrue();
  }

  private static String render(Renderer renderer, Op op) {
    return renderer.render(op).stream().map(Sql::text).collect(Collectors.joining(";\n"));
  }
}
