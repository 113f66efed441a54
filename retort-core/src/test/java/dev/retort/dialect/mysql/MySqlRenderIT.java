package dev.retort.dialect.mysql;

import static dev.retort.dialect.mysql.MySqlTestDatabase.execute;
import static dev.retort.dialect.mysql.MySqlTestDatabase.rows;
import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Sql;
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
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op rendered, run on the local MariaDB/MySQL and checked in {@code information_schema}; then
 * its reverse, which must restore the schema and the rows exactly.
 */
@Tag("mysql")
class MySqlRenderIT {

  private static final MySqlDialect MY = new MySqlDialect();
  private static MySqlTestDatabase db;
  private static Connection c;

  /** One line per column, key, check, index and table of the current database. */
  private static final String SNAPSHOT =
      """
      SELECT CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME, ' ', COLUMN_TYPE,
             IF(IS_NULLABLE = 'NO', ' not null', ''), IFNULL(CONCAT(' default ', COLUMN_DEFAULT), ''),
             IF(EXTRA <> '', CONCAT(' ', EXTRA), ''),
             IF(COLUMN_COMMENT <> '', CONCAT(' comment ', COLUMN_COMMENT), ''))
      FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
      UNION ALL
      SELECT CONCAT('constraint ', tc.TABLE_NAME, ' ', tc.CONSTRAINT_NAME, ' ', tc.CONSTRAINT_TYPE,
             ' (', GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION), ')',
             IFNULL(CONCAT(' -> ', MAX(k.REFERENCED_TABLE_NAME), ' (',
               GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION), ') on delete ',
               MAX(r.DELETE_RULE), ' on update ', MAX(r.UPDATE_RULE)), ''))
      FROM information_schema.TABLE_CONSTRAINTS tc
      JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r
        ON r.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND r.TABLE_NAME = tc.TABLE_NAME
        AND r.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = DATABASE()
      GROUP BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE
      UNION ALL
      SELECT CONCAT('check ', tc.TABLE_NAME, ' ', cc.CONSTRAINT_NAME, ' ', cc.CHECK_CLAUSE)
      FROM information_schema.TABLE_CONSTRAINTS tc
      JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE = 'CHECK'
      UNION ALL
      SELECT CONCAT('index ', TABLE_NAME, ' ', INDEX_NAME, IF(NON_UNIQUE = 0, ' unique', ''),
             ' (', GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX), ')')
      FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
      GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE
      UNION ALL
      SELECT CONCAT('table ', TABLE_NAME, ' ', ENGINE, ' ', TABLE_COLLATION,
             IF(TABLE_COMMENT <> '', CONCAT(' comment ', TABLE_COMMENT), ''))
      FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()""";

  @BeforeAll
  static void createDatabase() throws SQLException {
    db = MySqlTestDatabase.create();
    c = db.connect();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (c != null) {
      c.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @BeforeEach
  void freshDatabase() throws SQLException {
    execute(c, "DROP DATABASE " + db.name);
    execute(c, "CREATE DATABASE " + db.name + " CHARACTER SET utf8mb4");
    execute(c, "USE " + db.name);
  }

  /**
   * @param setup SQL statements or ops, run first
   * @param op the op under test
   * @param expected lines the snapshot must contain after the op
   * @param absent lines (prefixes) it must no longer contain
   * @param probe a query whose rows join the snapshot, so that data is compared too
   */
  record Case(
      String name,
      List<Object> setup,
      Op op,
      List<String> expected,
      List<String> absent,
      String probe) {
    @Override
    public String toString() {
      return name;
    }
  }

  static QualifiedName t(String name) {
    return QualifiedName.of(name);
  }

  static Column col(
      String name, dev.retort.schema.ColumnType type, boolean nullable, DefaultValue dflt) {
    return new Column(name, type, nullable, Optional.ofNullable(dflt), false, Optional.empty());
  }

  static final String PEOPLE = "CREATE TABLE people (id bigint PRIMARY KEY) ENGINE=InnoDB";
  static final String USERS =
      "CREATE TABLE users (id int PRIMARY KEY, code varchar(10) "
          + "DEFAULT '0', password varchar(128) NOT NULL, legacy text DEFAULT ('x'), Team int) "
          + "ENGINE=InnoDB";
  static final String USER_ROWS =
      "INSERT INTO users VALUES (1, '12', 'a', 'l1', 1), (2, '34', 'b', 'l2', 2)";
  static final String TEAMS = "CREATE TABLE teams (id int PRIMARY KEY, name text) ENGINE=InnoDB";
  static final String TEAM_ROWS = "INSERT INTO teams VALUES (1, 'red'), (2, 'blue')";
  static final String PROBE = "SELECT * FROM users ORDER BY id";

  /** A table full of awkward names, every kind of constraint and an index. */
  static Table userData() {
    QualifiedName userData = t("User Data");
    return new Table(
        userData,
        List.of(
            new Column("id", bigint(), false, Optional.empty(), true, Optional.of("row's id")),
            col("order", integer(), true, DefaultValue.literal(5)),
            col("Email", varchar(255), false, null),
            col("note", varchar(50), true, DefaultValue.literal("it's a \\ \"back\"")),
            col("naïve `key`", text(), true, DefaultValue.literal("crème")),
            col("active", bool(), true, DefaultValue.literal(true)),
            col("created_at", timestamp(), false, DefaultValue.expression("current_timestamp(6)")),
            col("doc", json(), true, DefaultValue.literal("{\"a\": \"b'c\"}")),
            col("person_id", bigint(), true, null)),
        Optional.of(PrimaryKey.of("id")),
        List.of(
            new ForeignKey(
                Optional.of("fk_person"),
                List.of("person_id"),
                t("people"),
                List.of("id"),
                ReferentialAction.CASCADE,
                ReferentialAction.NO_ACTION)),
        List.of(new UniqueConstraint(Optional.of("uq_user_data_email"), List.of("Email"))),
        List.of(new CheckConstraint(Optional.of("ck_order"), "`order` > 0 and `note` <> 'it''s'")),
        List.of(
            new Index(
                "ix_user_data_active",
                userData,
                List.of("active", "order"),
                false,
                Optional.empty())),
        Optional.of("who's \\ who"));
  }

  static Stream<Arguments> cases() {
    Table userData = userData();
    Table things =
        new Table(
            t("things"),
            List.of(col("id", integer(), false, null), col("Label", varchar(20), true, null)),
            Optional.of(PrimaryKey.of("id")),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new Index(
                    "ix_things_label", t("things"), List.of("Label"), true, Optional.empty())),
            Optional.empty());
    return Stream.of(
            new Case(
                "create table: auto increment, defaults, keys, check, index, comments",
                List.of(PEOPLE),
                new CreateTable(userData),
                List.of(
                    "column User Data.id bigint(20) not null auto_increment comment row's id",
                    "column User Data.order int(11) default 5",
                    "column User Data.note varchar(50) default 'it''s a \\\\ \"back\"'",
                    "column User Data.naïve `key` text default 'crème'",
                    "column User Data.active tinyint(1) default 1",
                    "column User Data.created_at datetime(6) not null default current_timestamp(6)",
                    "column User Data.doc longtext default '{\"a\": \"b\\'c\"}'",
                    "check User Data doc json_valid(`doc`)",
                    "constraint User Data PRIMARY PRIMARY KEY (id)",
                    "constraint User Data uq_user_data_email UNIQUE (Email)",
                    "constraint User Data fk_person FOREIGN KEY (person_id) -> people (id) "
                        + "on delete CASCADE on update RESTRICT",
                    // MariaDB keeps the check's text in its own escaping
                    "check User Data ck_order `order` > 0 and `note` <> 'it\\'s'",
                    "index User Data ix_user_data_active (active,order)",
                    "table User Data InnoDB utf8mb4_general_ci comment who's \\ who"),
                List.of(),
                null),
            new Case(
                "drop table with its definition, reversed exactly",
                List.of(PEOPLE, new CreateTable(userData)),
                new DropTable(userData.name(), Optional.of(userData)),
                List.of(),
                List.of("column User Data", "table User Data"),
                null),
            new Case(
                "rename table to a reserved word, index follows",
                List.of(new CreateTable(things), "INSERT INTO things VALUES (1, 'x')"),
                new RenameTable(things.name(), "order"),
                List.of(
                    "column order.Label varchar(20) default NULL",
                    "index order ix_things_label unique (Label)"),
                List.of("table things"),
                null),
            new Case(
                "add column with default fills existing rows",
                List.of(USERS, USER_ROWS),
                new AddColumn(
                    t("users"),
                    new Column(
                        "nickname",
                        varchar(50),
                        false,
                        Optional.of(DefaultValue.literal("O'Brien \\")),
                        false,
                        Optional.of("shown name"))),
                List.of(
                    "column users.nickname varchar(50) not null default 'O''Brien \\\\' "
                        + "comment shown name",
                    "row 1|12|a|l1|1|O'Brien \\"),
                List.of(),
                PROBE),
            new Case(
                "add AUTO_INCREMENT column numbers existing rows",
                List.of(
                    "CREATE TABLE log (msg varchar(10)) ENGINE=InnoDB",
                    "INSERT INTO log VALUES ('a'), ('b')"),
                new AddColumn(
                    t("log"),
                    new Column("seq", bigint(), false, Optional.empty(), true, Optional.empty())),
                List.of(
                    "column log.seq bigint(20) not null auto_increment",
                    "index log seq (seq)",
                    "row a|1",
                    "row b|2"),
                List.of(),
                "SELECT * FROM log ORDER BY msg"),
            new Case(
                "drop column with its definition",
                List.of(USERS, USER_ROWS),
                new DropColumn(t("users"), "Team", Optional.of(col("Team", integer(), true, null))),
                List.of("row 1|12|a|l1"),
                List.of("column users.Team"),
                "SELECT id, code, password, legacy FROM users ORDER BY id"),
            new Case(
                "alter column: rename, varchar to int, not null and default at once",
                List.of(USERS, USER_ROWS),
                AlterColumn.of(
                    t("users"),
                    "code",
                    c ->
                        c.rename("code num")
                            .existingType(varchar(10))
                            .type(integer())
                            .existingNullable(true)
                            .nullable(false)
                            .existingDefault("0")
                            .defaultValue(7)),
                List.of(
                    "column users.code num int(11) not null default 7",
                    "row 1|12|a|l1|1",
                    "row 2|34|b|l2|2"),
                List.of("column users.code varchar"),
                PROBE),
            new Case(
                "alter column: widen varchar, nullability and default read from the table",
                List.of(
                    USERS, USER_ROWS, "ALTER TABLE users ALTER COLUMN password SET DEFAULT 'p'"),
                AlterColumn.of(
                    t("users"), "password", c -> c.existingType(varchar(128)).type(varchar(255))),
                List.of("column users.password varchar(255) not null default 'p'"),
                List.of("column users.password varchar(128)"),
                PROBE),
            new Case(
                "alter column: change a text default with quotes and backslashes",
                List.of(USERS, USER_ROWS),
                AlterColumn.of(
                    t("users"),
                    "legacy",
                    c -> c.existingType(text()).existingDefault("x").defaultValue("y'\\z")),
                List.of("column users.legacy text default 'y\\'\\\\z'"),
                List.of(),
                PROBE),
            new Case(
                "alter column: rename only, to a name with a backtick",
                List.of(USERS, USER_ROWS),
                AlterColumn.of(t("users"), "Team", c -> c.rename("team `id`")),
                List.of("column users.team `id` int(11) default NULL"),
                List.of("column users.Team"),
                PROBE),
            new Case(
                "create unique index on a mixed-case column",
                List.of(USERS, USER_ROWS),
                new CreateIndex(
                    new Index(
                        "ux users team",
                        t("users"),
                        List.of("Team", "code"),
                        true,
                        Optional.empty())),
                List.of("index users ux users team unique (Team,code)"),
                List.of(),
                null),
            new Case(
                "drop index with its definition",
                List.of(new CreateTable(things)),
                new DropIndex(
                    things.name(), "ix_things_label", Optional.of(things.indexes().get(0))),
                List.of(),
                List.of("index things ix_things_label"),
                null),
            new Case(
                "add foreign key with actions; the drop removes InnoDB's index too",
                List.of(USERS, USER_ROWS, TEAMS, TEAM_ROWS),
                new AddConstraint(
                    t("users"),
                    new ForeignKey(
                        Optional.of("fk_users_team"),
                        List.of("Team"),
                        t("teams"),
                        List.of("id"),
                        ReferentialAction.SET_NULL,
                        ReferentialAction.CASCADE)),
                List.of(
                    "constraint users fk_users_team FOREIGN KEY (Team) -> teams (id) "
                        + "on delete SET NULL on update CASCADE",
                    "index users fk_users_team (Team)"),
                List.of(),
                PROBE),
            new Case(
                "add unique constraint with an awkward name",
                List.of(USERS, USER_ROWS),
                new AddConstraint(
                    t("users"),
                    new UniqueConstraint(Optional.of("uq `pw` it's"), List.of("password"))),
                List.of("constraint users uq `pw` it's UNIQUE (password)"),
                List.of(),
                PROBE),
            new Case(
                "add check constraint with a quoted string",
                List.of(USERS, USER_ROWS),
                new AddConstraint(
                    t("users"),
                    new CheckConstraint(Optional.of("ck_pw"), "password <> 'it''s \\\\'")),
                List.of("check users ck_pw `password` <> 'it\\'s \\\\'"),
                List.of(),
                PROBE),
            new Case(
                "add primary key",
                List.of("CREATE TABLE pairs (a int NOT NULL, b int NOT NULL) ENGINE=InnoDB"),
                new AddConstraint(
                    t("pairs"), new PrimaryKey(Optional.of("pk_pairs"), List.of("a", "b"))),
                List.of("constraint pairs PRIMARY PRIMARY KEY (a,b)"),
                List.of(),
                null),
            new Case(
                "drop constraint with its definition",
                List.of(USERS, "ALTER TABLE users ADD CONSTRAINT uq_code UNIQUE (code)"),
                new DropConstraint(
                    t("users"),
                    "uq_code",
                    Optional.of(new UniqueConstraint(Optional.of("uq_code"), List.of("code")))),
                List.of(),
                List.of("constraint users uq_code"),
                null),
            new Case(
                "execute sql with bound parameters and undo",
                List.of(USERS, USER_ROWS),
                new ExecuteSql(
                    "INSERT INTO users (id, code, password) VALUES (?, ?, ?)",
                    List.of(3, "O'Brien \\", "p"),
                    Optional.of("DELETE FROM users WHERE id = 3")),
                List.of("row 3|O'Brien \\|p|x|null"),
                List.of(),
                PROBE))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void opAndItsReverse(Case test) throws SQLException {
    for (Object step : test.setup()) {
      if (step instanceof Op op) {
        run(op);
      } else {
        execute(c, (String) step);
      }
    }
    Set<String> before = snapshot(test.probe());

    run(test.op());
    Set<String> after = snapshot(test.probe());
    assertThat(after).containsAll(test.expected());
    for (String gone : test.absent()) {
      assertThat(after).noneMatch(line -> line.startsWith(gone));
    }
    assertThat(after).isNotEqualTo(before);

    run(test.op().reverse());
    assertThat(snapshot(test.probe())).isEqualTo(before);
  }

  @Test
  void theCatalogReadsBackTheTableThatWasCreated() throws SQLException {
    execute(c, PEOPLE);
    Table written = userData();
    run(new CreateTable(written));
    Table read = MY.catalog(c).table(written.name()).orElseThrow();
    assertThat(read.columns()).isEqualTo(written.columns());
    assertThat(read.primaryKey()).isEqualTo(written.primaryKey());
    assertThat(read.foreignKeys())
        .containsExactly(written.foreignKeys().get(0).withReferencedTable(t("people")));
    assertThat(read.uniques()).isEqualTo(written.uniques());
    // MariaDB keeps a check's text in its own form, quotes escaped with a backslash
    assertThat(read.checks())
        .containsExactly(
            new CheckConstraint(Optional.of("ck_order"), "`order` > 0 and `note` <> 'it\\'s'"));
    assertThat(read.indexes()).isEqualTo(written.indexes());
    assertThat(read.comment()).isEqualTo(written.comment());
    assertThat(MY.catalog(c).table(t("no such table"))).isEmpty();
    assertThat(MY.catalog(c).table(t("user data"))).as("names are case-sensitive").isEmpty();
  }

  @Test
  void everyPortableTypeRoundTripsThroughTheCatalog() throws SQLException {
    List<Column> columns = new ArrayList<>();
    int i = 0;
    for (dev.retort.schema.ColumnType type :
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
      columns.add(col("c" + i++, type, true, null));
    }
    Table types =
        new Table(
            t("types"),
            columns,
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    run(new CreateTable(types));
    assertThat(MY.catalog(c).table(t("types")).orElseThrow().columns()).isEqualTo(columns);
  }

  @Test
  void dropConstraintWithoutItsDefinitionFindsTheKindInTheTable() throws SQLException {
    execute(c, USERS);
    execute(c, TEAMS);
    execute(
        c,
        "ALTER TABLE users ADD CONSTRAINT Fk_Team FOREIGN KEY (Team) REFERENCES teams (id),"
            + " ADD CONSTRAINT uq_code UNIQUE (code), ADD CONSTRAINT ck_code CHECK (code <> '')");
    for (String name : List.of("FK_TEAM", "uq_code", "ck_code", "PRIMARY")) {
      run(new DropConstraint(t("users"), name, Optional.empty()));
    }
    assertThat(snapshot(null))
        .noneMatch(
            l ->
                l.startsWith("constraint users")
                    || l.startsWith("check users")
                    || l.startsWith("index users"));
  }

  /** The offline fallback for a constraint of unknown kind, checked on this server. */
  @Test
  void genericDropConstraintDropsEveryKindOnThisServer() throws SQLException {
    execute(c, USERS);
    execute(c, TEAMS);
    execute(
        c,
        "ALTER TABLE users ADD CONSTRAINT fk_team FOREIGN KEY (Team) REFERENCES teams (id),"
            + " ADD CONSTRAINT uq_code UNIQUE (code), ADD CONSTRAINT ck_code CHECK (code <> '')");
    assertThat(MY.catalog(c) instanceof MySqlCatalog m && m.server().genericDropConstraint())
        .isTrue();
    Catalog offline = Catalog.NONE;
    for (String name : List.of("fk_team", "uq_code", "ck_code")) {
      for (Sql sql :
          MY.renderer(offline).render(new DropConstraint(t("users"), name, Optional.empty()))) {
        execute(c, sql.text());
      }
    }
    assertThat(snapshot(null))
        .noneMatch(
            l ->
                l.startsWith("constraint users fk")
                    || l.startsWith("constraint users uq")
                    || l.startsWith("check users"));
  }

  @Test
  void anOfflineScriptRunsWhenTheMigrationGivesTheExistingValues() throws SQLException {
    execute(c, USERS);
    execute(c, USER_ROWS);
    AlterColumn op =
        AlterColumn.of(
            t("users"),
            "password",
            c -> c.existingType(varchar(128)).type(varchar(255)).existingNullable(false));
    for (Sql sql : MY.renderer(Catalog.NONE).render(op)) {
      execute(c, sql.text());
    }
    assertThat(snapshot(null)).contains("column users.password varchar(255) not null");
  }

  @Test
  void awkwardNamesAndDefaultsRoundTripThroughTheServer() throws SQLException {
    String awkward = "Ünïcode `tick` \"dq\" it's \\ x";
    Table table =
        new Table(
            t(awkward),
            List.of(
                col("user", varchar(40), true, DefaultValue.literal("a'b\"c\\d`e")),
                col("select", integer(), true, DefaultValue.literal(-3)),
                col(awkward, bool(), false, DefaultValue.literal(false))),
            Optional.empty(),
            List.of(),
            List.of(new UniqueConstraint(Optional.of(awkward), List.of(awkward, "select"))),
            List.of(new CheckConstraint(Optional.of("ck " + awkward), "`user` <> 'it''s \\\\'")),
            List.of(),
            Optional.empty());
    run(new CreateTable(table));
    Table read = MY.catalog(c).table(t(awkward)).orElseThrow();
    assertThat(read.columns()).isEqualTo(table.columns());
    assertThat(read.uniques()).isEqualTo(table.uniques());
    assertThat(read.checks())
        .containsExactly(
            new CheckConstraint(Optional.of("ck " + awkward), "`user` <> 'it\\'s \\\\'"));
    execute(c, "INSERT INTO " + MY.quote(awkward) + " (`select`) VALUES (1)");
    assertThat(rows(c, "SELECT `user`, " + MY.quote(awkward) + " FROM " + MY.quote(awkward)))
        .containsExactly("a'b\"c\\d`e|0");
    run(new RenameTable(t(awkward), awkward + " 2"));
    run(new DropTable(t(awkward + " 2"), Optional.empty()));
    assertThat(snapshot(null)).isEmpty();
  }

  /**
   * Every keyword the server knows that it refuses as a bare column name is quoted. PREPARE parses
   * a statement without running it, so each word costs one round trip.
   */
  @Test
  void reservedWordsCoverTheKeywordsTheServerRefusesAsNames() throws SQLException {
    List<String> keywords = rows(c, "SELECT WORD FROM information_schema.KEYWORDS");
    assertThat(keywords).hasSizeGreaterThan(500);
    List<String> refused = new ArrayList<>();
    for (String word : keywords) {
      if (!word.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        continue;
      }
      try {
        execute(c, "PREPARE probe FROM 'CREATE TABLE kw_probe (" + word + " int)'");
      } catch (SQLException e) {
        if (e.getErrorCode() == 1064) {
          refused.add(word.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    assertThat(refused).contains("order", "key", "select");
    assertThat(MySqlDialect.RESERVED).containsAll(refused);
  }

  @Test
  void versionTablesAcceptTheRunnersRows() throws SQLException {
    for (Sql sql : MY.createVersionTables(t("retort_version"), t("retort_history"))) {
      execute(c, sql.text());
      execute(c, sql.text());
    }
    execute(c, "INSERT INTO retort_version VALUES ('bc311ce7dcf8')");
    execute(
        c,
        "INSERT INTO retort_history (revision, direction, checksum, started_at, "
            + "duration_ms, who, success, message) VALUES ('bc311ce7dcf8', 'up', 'abc', "
            + MY.literal(java.time.Instant.parse("2024-05-06T07:08:09.123456Z"))
            + ", 12, 'me', "
            + "TRUE, 'naïve ✓ \\\\')");
    assertThat(
            rows(
                c,
                "SELECT id, revision, direction, started_at, success, message "
                    + "FROM retort_history"))
        .containsExactly("1|bc311ce7dcf8|up|2024-05-06 07:08:09.123456|1|naïve ✓ \\");
    assertThat(snapshot(null))
        .contains(
            "table retort_history InnoDB utf8mb4_general_ci",
            "table retort_version InnoDB utf8mb4_general_ci");
  }

  @Test
  void aPartialIndexIsRefusedBeforeTheServerSeesIt() throws SQLException {
    execute(c, USERS);
    assertThatThrownBy(
            () ->
                run(
                    new CreateIndex(
                        new Index(
                            "ix", t("users"), List.of("code"), false, Optional.of("code > 0")))))
        .hasMessageContaining("no partial indexes");
  }

  @Test
  void bulkInsertBindsEveryValueAcrossBatches() throws SQLException {
    execute(c, "CREATE TABLE bulk (id integer PRIMARY KEY, label text, note varchar(20))");
    List<List<Object>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      rows.add(
          java.util.Arrays.asList(
              i, i % 7 == 0 ? null : "it's \\ row " + i + " ü", i % 2 == 0 ? "x" : null));
    }
    run(
        new dev.retort.ops.BulkInsert(
            QualifiedName.of("bulk"), List.of("id", "label", "note"), rows));
    assertThat(rows(c, "SELECT count(*), count(label), count(note) FROM bulk"))
        .containsExactly("2500|2142|1250");
    assertThat(rows(c, "SELECT label FROM bulk WHERE id = 1")).containsExactly("it's \\ row 1 ü");
    execute(c, "DROP TABLE bulk");
  }

  @Test
  void descendingKeysAndColumnCommentsRoundTripOnTheServer() throws SQLException {
    execute(c, "CREATE TABLE opts (id integer PRIMARY KEY, name varchar(50) NOT NULL DEFAULT 'x')");
    dev.retort.ops.CreateIndex ix =
        new dev.retort.ops.CreateIndex(
            new dev.retort.schema.Index(
                "ix_opts",
                QualifiedName.of("opts"),
                List.of(
                    dev.retort.schema.IndexPart.column("name").desc(),
                    dev.retort.schema.IndexPart.column("id")),
                false,
                Optional.empty(),
                Optional.of("btree"),
                List.of()));
    run(ix);
    assertThat(
            rows(
                c,
                "SELECT column_name, collation FROM information_schema.statistics WHERE "
                    + "table_schema = database() AND index_name = 'ix_opts' ORDER BY seq_in_index"))
        .containsExactly("name|D", "id|A");
    dev.retort.ops.AlterColumn comment =
        dev.retort.ops.AlterColumn.of(
            QualifiedName.of("opts"), "name", c -> c.comment("it's shown"));
    run(comment);
    String read =
        "SELECT column_comment, is_nullable, column_default FROM information_schema.columns "
            + "WHERE table_schema = database() AND table_name = 'opts' AND column_name = 'name'";
    assertThat(rows(c, read)).containsExactly("it's shown|NO|'x'");
    run(comment.reverse());
    assertThat(rows(c, read)).containsExactly("|NO|'x'");
    run(ix.reverse());
    execute(c, "DROP TABLE opts");
  }

  @Test
  void columnCommentAndSchemaOpsRunOnTheServer() throws SQLException {
    execute(
        c,
        "CREATE TABLE cc (id integer NOT NULL AUTO_INCREMENT PRIMARY KEY, v varchar(9) DEFAULT 'd')");
    dev.retort.ops.SetColumnComment comment =
        new dev.retort.ops.SetColumnComment(
            QualifiedName.of("cc"), "id", Optional.empty(), Optional.of("the key"));
    run(comment);
    String read =
        "SELECT column_comment, extra FROM information_schema.columns WHERE table_schema = "
            + "database() AND table_name = 'cc' AND column_name = 'id'";
    assertThat(rows(c, read)).containsExactly("the key|auto_increment");
    run(comment.reverse());
    assertThat(rows(c, read)).containsExactly("|auto_increment");
    execute(c, "DROP TABLE cc");

    String name = "retort_it_schema_" + Long.toHexString(System.nanoTime());
    run(new dev.retort.ops.CreateSchema(name, true));
    assertThat(
            rows(
                c,
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '"
                    + name
                    + "'"))
        .containsExactly("1");
    assertThatThrownBy(() -> run(new dev.retort.ops.DropSchema(name, true, false)))
        .hasMessageContaining("cascade");
    run(new dev.retort.ops.DropSchema(name, true, true));
    assertThat(
            rows(
                c,
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '"
                    + name
                    + "'"))
        .containsExactly("0");
  }

  @Test
  void tableCommentIsSetAndReversed() throws SQLException {
    execute(c, "CREATE TABLE commented (id integer)");
    dev.retort.ops.SetTableComment set =
        new dev.retort.ops.SetTableComment(
            QualifiedName.of("commented"), Optional.empty(), Optional.of("it's \\ here"));
    run(set);
    String comment =
        "SELECT table_comment FROM information_schema.tables WHERE table_schema = database() "
            + "AND table_name = 'commented'";
    assertThat(rows(c, comment)).containsExactly("it's \\ here");
    run(set.reverse());
    assertThat(rows(c, comment)).containsExactly("");
    execute(c, "DROP TABLE commented");
  }

  /** Renders with a fresh live catalog just before executing, as the runner does. */
  private static void run(Op op) throws SQLException {
    for (Sql sql : MY.renderer(MY.catalog(c)).render(op)) {
      try (PreparedStatement st = c.prepareStatement(sql.text())) {
        for (int i = 0; i < sql.parameters().size(); i++) {
          st.setObject(i + 1, sql.parameters().get(i));
        }
        st.execute();
      } catch (SQLException e) {
        throw new SQLException(e.getMessage() + "\n  in: " + sql.text(), e);
      }
    }
  }

  private static Set<String> snapshot(String probe) throws SQLException {
    Set<String> lines = new TreeSet<>(rows(c, SNAPSHOT));
    if (probe != null) {
      for (String row : rows(c, probe)) {
        lines.add("row " + row);
      }
    }
    return lines;
  }
}
