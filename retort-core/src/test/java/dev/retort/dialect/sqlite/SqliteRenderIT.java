package dev.retort.dialect.sqlite;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each op against a real SQLite file, run the way the runner runs a step (hooks around a
 * transaction, foreign keys enforced on the connection): the PRAGMA catalog must show the change,
 * and after the reverse it and the probed rows must be exactly as before.
 */
@Tag("sqlite")
class SqliteRenderIT {

  static final SqliteDialect SQLITE = new SqliteDialect();
  @TempDir Path dir;
  Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = connect(dir.resolve("test.db"));
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  static Connection connect(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file + "?foreign_keys=true");
  }

  record Case(
      String name,
      List<String> setup,
      Op op,
      List<String> expected,
      List<String> absent,
      String probe) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Column col(String name, ColumnType type, boolean nullable, DefaultValue dflt) {
    return new Column(name, type, nullable, Optional.ofNullable(dflt), false, Optional.empty());
  }

  static final QualifiedName USERS = QualifiedName.of("users");
  static final String SETUP =
      """
      CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT);
      INSERT INTO teams VALUES (1, 'red'), (2, 'blue');
      CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email VARCHAR(255) NOT NULL,
        password VARCHAR(128), code VARCHAR(10) DEFAULT '0', "Team" INTEGER,
        CONSTRAINT uq_email UNIQUE (email), CONSTRAINT ck_pw CHECK (length(password) > 0),
        CONSTRAINT fk_team FOREIGN KEY ("Team") REFERENCES teams (id) ON DELETE CASCADE);
      CREATE INDEX ix_users_code ON users (code) WHERE code IS NOT NULL;
      INSERT INTO users (email, password, code, "Team") VALUES ('a@x', 'pa', '12', 1),
        ('b@x', 'pb', '34', 2)""";
  static final String PROBE = "SELECT * FROM users ORDER BY id";

  static Stream<Arguments> cases() {
    QualifiedName posts = QualifiedName.of("Posts");
    Table postsTable =
        new Table(
            posts,
            List.of(
                new Column("id", bigint(), false, Optional.empty(), true, Optional.empty()),
                col("user_id", integer(), true, null),
                col("order", integer(), true, DefaultValue.literal(5)),
                col("title", text(), false, DefaultValue.literal("it's")),
                col("flag", bool(), true, DefaultValue.literal(true)),
                col("at", timestamptz(), true, DefaultValue.expression("CURRENT_TIMESTAMP")),
                col("doc", json(), true, null)),
            Optional.of(PrimaryKey.of("id")),
            List.of(
                new ForeignKey(
                    Optional.of("fk_posts_user"),
                    List.of("user_id"),
                    USERS,
                    List.of("id"),
                    ReferentialAction.CASCADE,
                    ReferentialAction.SET_NULL)),
            List.of(new UniqueConstraint(Optional.of("uq_title"), List.of("title", "order"))),
            List.of(new CheckConstraint(Optional.of("ck_order"), "\"order\" > 0")),
            List.of(new Index("ix_posts_flag", posts, List.of("flag"), false, Optional.of("flag"))),
            Optional.empty());
    List<String> setup = List.of(SETUP);
    return Stream.of(
            new Case(
                "create table",
                setup,
                new CreateTable(postsTable),
                List.of(
                    "column Posts.id INTEGER null=1 default=null pk=1",
                    "column Posts.order INTEGER null=1 default=5 pk=0",
                    "column Posts.title TEXT null=0 default='it''s' pk=0",
                    "column Posts.flag BOOLEAN null=1 default=TRUE pk=0",
                    "column Posts.at TIMESTAMPTZ null=1 default=CURRENT_TIMESTAMP pk=0",
                    "column Posts.doc JSON TEXT null=1 default=null pk=0",
                    "fk Posts (user_id) -> users (id) delete=CASCADE update=SET NULL",
                    "index Posts ix_posts_flag unique=0 origin=c partial=1 (flag)",
                    "index Posts sqlite_autoindex_Posts_1 unique=1 origin=u partial=0 (title, order)"),
                List.of(),
                PROBE),
            new Case(
                "drop table with its definition",
                List.of(
                    SETUP,
                    "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT '')"),
                new DropTable(
                    QualifiedName.of("notes"),
                    Optional.of(
                        new Table(
                            QualifiedName.of("notes"),
                            List.of(
                                col("id", integer(), false, null),
                                col("body", text(), false, DefaultValue.literal(""))),
                            Optional.of(PrimaryKey.of("id")),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            Optional.empty()))),
                List.of(),
                List.of("column notes."),
                PROBE),
            new Case(
                "rename table",
                setup,
                new RenameTable(QualifiedName.of("teams"), "Squads"),
                List.of(
                    "column Squads.name TEXT null=1 default=null pk=0",
                    "fk users (Team) -> Squads (id) delete=CASCADE update=NO ACTION"),
                List.of("column teams."),
                PROBE),
            new Case(
                "add nullable column in place",
                setup,
                new AddColumn(USERS, col("nick", varchar(20), true, DefaultValue.literal("anon"))),
                List.of(
                    "column users.nick VARCHAR(20) null=1 default='anon' pk=0",
                    "row 1|a@x|pa|12|1|anon"),
                List.of(),
                PROBE),
            new Case(
                "add NOT NULL column without default: rebuild (table has rows: default needed)",
                List.of(SETUP, "DELETE FROM users"),
                new AddColumn(USERS, col("age", integer(), false, null)),
                List.of("column users.age INTEGER null=0 default=null pk=0"),
                List.of(),
                PROBE),
            // the reverse restores the column, not the index that went with it, so there is none
            new Case(
                "drop column: rebuild keeps the other columns' rows",
                List.of(SETUP, "DROP INDEX ix_users_code"),
                new DropColumn(
                    USERS,
                    "code",
                    Optional.of(col("code", varchar(10), true, DefaultValue.literal("0")))),
                List.of("row 1|a@x|pa|1", "row 2|b@x|pb|2"),
                List.of("column users.code"),
                "SELECT id, email, password, \"Team\" FROM users ORDER BY id"),
            new Case(
                "alter column: rename only, in place",
                setup,
                AlterColumn.of(USERS, "code", c -> c.rename("Code Name")),
                List.of(
                    "column users.Code Name VARCHAR(10) null=1 default='0' pk=0",
                    "index users ix_users_code unique=0 origin=c partial=1 (Code Name)"),
                List.of("column users.code "),
                PROBE),
            new Case(
                "alter column: type, not null, default and rename: rebuild keeps rows",
                setup,
                AlterColumn.of(
                    USERS,
                    "code",
                    c ->
                        c.rename("code_num")
                            .existingType(varchar(10))
                            .type(integer())
                            .existingNullable(true)
                            .nullable(false)
                            .existingDefault("0")
                            .defaultValue(7)),
                List.of(
                    "column users.code_num INTEGER null=0 default=7 pk=0",
                    "index users ix_users_code unique=0 origin=c partial=1 (code_num)",
                    "row 1|a@x|pa|12|1",
                    "row 2|b@x|pb|34|2"),
                List.of("column users.code "),
                PROBE),
            new Case(
                "alter column: widen varchar (seed bc311ce7dcf8)",
                setup,
                AlterColumn.of(
                    USERS, "password", c -> c.existingType(varchar(128)).type(varchar(255))),
                List.of("column users.password VARCHAR(255) null=1 default=null pk=0"),
                List.of("column users.password VARCHAR(128)"),
                PROBE),
            new Case(
                "create unique partial index",
                setup,
                new CreateIndex(
                    new Index(
                        "ux_users_team",
                        USERS,
                        List.of("Team", "code"),
                        true,
                        Optional.of("\"Team\" > 0"))),
                List.of("index users ux_users_team unique=1 origin=c partial=1 (Team, code)"),
                List.of(),
                PROBE),
            new Case(
                "drop index with its definition",
                setup,
                new DropIndex(
                    USERS,
                    "ix_users_code",
                    Optional.of(
                        new Index(
                            "ix_users_code",
                            USERS,
                            List.of("code"),
                            false,
                            Optional.of("code IS NOT NULL")))),
                List.of(),
                List.of("index users ix_users_code"),
                PROBE),
            new Case(
                "add foreign key: rebuild",
                setup,
                new AddConstraint(
                    USERS,
                    new ForeignKey(
                        Optional.of("fk_self"),
                        List.of("id"),
                        USERS,
                        List.of("id"),
                        ReferentialAction.NO_ACTION,
                        ReferentialAction.CASCADE)),
                List.of("fk users (id) -> users (id) delete=NO ACTION update=CASCADE"),
                List.of(),
                PROBE),
            new Case(
                "add unique constraint: rebuild",
                setup,
                new AddConstraint(
                    USERS, new UniqueConstraint(Optional.of("uq_code"), List.of("code", "Team"))),
                List.of(
                    "index users sqlite_autoindex_users_2 unique=1 origin=u partial=0 (code, Team)"),
                List.of(),
                PROBE),
            new Case(
                "add check constraint: rebuild",
                setup,
                new AddConstraint(USERS, new CheckConstraint(Optional.of("ck_code"), "code <> ''")),
                List.of("check users ck_code code <> ''"),
                List.of(),
                PROBE),
            new Case(
                "drop constraint with its definition: rebuild",
                setup,
                new DropConstraint(
                    USERS,
                    "fk_team",
                    Optional.of(
                        new ForeignKey(
                            Optional.of("fk_team"),
                            List.of("Team"),
                            QualifiedName.of("teams"),
                            List.of("id"),
                            ReferentialAction.CASCADE,
                            ReferentialAction.NO_ACTION))),
                List.of(),
                List.of("fk users"),
                PROBE),
            new Case(
                "index: DESC key, expression key, partial",
                setup,
                new CreateIndex(
                    new Index(
                        "ix_mix",
                        USERS,
                        List.of(
                            IndexPart.column("code").desc(), IndexPart.expression("lower(email)")),
                        false,
                        Optional.of("code <> ''"),
                        Optional.empty(),
                        List.of()),
                    true),
                List.of("index users ix_mix unique=0 origin=c partial=1 (code DESC, <expr>)"),
                List.of(),
                PROBE),
            new Case(
                "rebuild keeps a DESC key and an expression index",
                List.of(
                    SETUP,
                    "CREATE INDEX ix_pw ON users (password DESC, \"Team\")",
                    "CREATE INDEX ix_lower ON users (lower(email) DESC)"),
                new AddConstraint(
                    USERS,
                    new CheckConstraint(
                        Optional.of("ck_q"), "code <> 'it''s' AND email <> \"password\"")),
                List.of(
                    "index users ix_pw unique=0 origin=c partial=0 (password DESC, Team)",
                    "index users ix_lower unique=0 origin=c partial=0 (<expr> DESC)",
                    "check users ck_q code <> 'it''s' AND email <> \"password\""),
                List.of(),
                PROBE),
            new Case(
                "alter column: collation NOCASE by rebuild, and back",
                setup,
                AlterColumn.of(
                    USERS, "email", c -> c.existingType(varchar(255)).collation("NOCASE")),
                List.of("row 1|1", "row 2|0"),
                List.of("row 1|0"),
                "SELECT id, email = 'A@X' FROM users ORDER BY id"),
            new Case(
                "alter column: USING and reverseUsing convert the copied rows",
                setup,
                AlterColumn.of(
                    USERS,
                    "code",
                    c ->
                        c.existingType(varchar(10))
                            .type(integer())
                            .using("CAST(code AS INTEGER) * 10")
                            .reverseUsing("CAST(code / 10 AS TEXT)")),
                List.of("column users.code INTEGER null=1 default=0 pk=0", "row 1|a@x|pa|120|1"),
                List.of(),
                PROBE),
            new Case(
                "add a named primary key: rebuild",
                List.of(
                    "CREATE TABLE pairs (a INTEGER NOT NULL, b TEXT NOT NULL); "
                        + "INSERT INTO pairs VALUES (1, 'x'), (2, 'y')"),
                new AddConstraint(
                    QualifiedName.of("pairs"),
                    new PrimaryKey(Optional.of("pk_pairs"), List.of("b", "a"))),
                List.of(
                    "column pairs.b TEXT null=0 default=null pk=1",
                    "column pairs.a INTEGER null=0 default=null pk=2",
                    "row 1|x"),
                List.of(),
                "SELECT * FROM pairs ORDER BY a"),
            new Case(
                "drop an unnamed primary key by PostgreSQL's default name: rebuild",
                List.of(
                    "CREATE TABLE pairs (a INTEGER NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b)); "
                        + "INSERT INTO pairs VALUES (1, 'x'), (2, 'y')"),
                new DropConstraint(
                    QualifiedName.of("pairs"), "pairs_pkey", Optional.of(PrimaryKey.of("a", "b"))),
                List.of("column pairs.a INTEGER null=0 default=null pk=0", "row 2|y"),
                List.of("index pairs sqlite_autoindex"),
                "SELECT * FROM pairs ORDER BY a"),
            new Case(
                "create table if not exists: collation, DESC index, quoted check",
                setup,
                new CreateTable(
                    new Table(
                        QualifiedName.of("tags"),
                        List.of(
                            new Column(
                                "id", integer(), false, Optional.empty(), true, Optional.empty()),
                            col("label", text(), false, null).withCollation(Optional.of("NOCASE"))),
                        Optional.of(PrimaryKey.of("id")),
                        List.of(),
                        List.of(),
                        List.of(new CheckConstraint(Optional.of("ck_label"), "label <> 'it''s'")),
                        List.of(
                            new Index(
                                "ix_tags_label",
                                QualifiedName.of("tags"),
                                List.of(IndexPart.column("label").desc()),
                                true,
                                Optional.empty(),
                                Optional.empty(),
                                List.of())),
                        Optional.of("ignored on SQLite")),
                    true),
                List.of(
                    "column tags.label TEXT null=0 default=null pk=0",
                    "check tags ck_label label <> 'it''s'",
                    "index tags ix_tags_label unique=1 origin=c partial=0 (label DESC)"),
                List.of(),
                PROBE),
            new Case(
                "execute sql with parameters and undo",
                setup,
                new ExecuteSql(
                    "INSERT INTO users (email, code) VALUES (?, ?)",
                    List.of("c@x", "it's"),
                    Optional.of("DELETE FROM users WHERE email = 'c@x'")),
                List.of("row 3|c@x|null|it's|null"),
                List.of(),
                PROBE))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void opAndItsReverse(Case test) throws SQLException {
    for (String sql : test.setup()) {
      try (Statement st = c.createStatement()) {
        st.executeUpdate(sql);
      }
    }
    Set<String> before = snapshot(c, test.probe());

    step(c, test.op());
    Set<String> after = snapshot(c, test.probe());
    assertThat(after).containsAll(test.expected());
    for (String gone : test.absent()) {
      assertThat(after).noneMatch(line -> line.startsWith(gone));
    }
    assertThat(after).isNotEqualTo(before);
    assertThat(pragma(c, "PRAGMA foreign_keys")).containsExactly("1");

    step(c, test.op().reverse());
    assertThat(snapshot(c, test.probe())).isEqualTo(before);
  }

  @Test
  void theCatalogReadsBackWhatCreateTableWrote() throws SQLException {
    Table users =
        new Table(
            USERS,
            List.of(
                new Column("id", integer(), false, Optional.empty(), true, Optional.empty()),
                col("email", varchar(255), false, null),
                col("score", numeric(10, 2), true, DefaultValue.literal("0")),
                col("Nick Name", text(), true, DefaultValue.literal("it's")),
                col("active", bool(), false, DefaultValue.literal("true")),
                col("created", timestamp(), true, DefaultValue.expression("CURRENT_TIMESTAMP")),
                col("team_id", integer(), true, null)),
            Optional.of(PrimaryKey.of("id")),
            List.of(
                new ForeignKey(
                    Optional.of("fk_team"),
                    List.of("team_id"),
                    QualifiedName.of("teams"),
                    List.of("id"),
                    ReferentialAction.SET_NULL,
                    ReferentialAction.NO_ACTION)),
            List.of(new UniqueConstraint(Optional.of("uq_email"), List.of("email"))),
            List.of(new CheckConstraint(Optional.of("ck_score"), "score >= 0")),
            List.of(
                new Index(
                    "ix_users_team",
                    USERS,
                    List.of("team_id", "Nick Name"),
                    false,
                    Optional.of("team_id IS NOT NULL"))),
            Optional.empty());
    step(c, new CreateTable(users));
    assertThat(SQLITE.catalog(c).table(USERS)).contains(users);
    assertThat(SQLITE.catalog(c).table(QualifiedName.of("nope"))).isEmpty();
  }

  @Test
  void theCatalogReadsBackCollationsKeyOrderAndDeferral() throws SQLException {
    QualifiedName notes = QualifiedName.of("notes");
    Table table =
        new Table(
            notes,
            List.of(
                new Column("id", integer(), false, Optional.empty(), true, Optional.empty()),
                col("title", text(), false, null).withCollation(Optional.of("NOCASE")),
                col("Body", text(), true, null).withCollation(Optional.of("RTRIM")),
                col("user_id", integer(), true, null)),
            Optional.of(PrimaryKey.of("id")),
            List.of(
                new ForeignKey(
                    Optional.of("fk_user"),
                    List.of("user_id"),
                    USERS,
                    List.of("id"),
                    ReferentialAction.CASCADE,
                    ReferentialAction.NO_ACTION,
                    true,
                    true)),
            List.of(),
            List.of(),
            List.of(
                new Index(
                    "ix_notes",
                    notes,
                    List.of(IndexPart.column("title").desc(), IndexPart.column("id")),
                    false,
                    Optional.of("user_id > 0"),
                    Optional.empty(),
                    List.of())),
            Optional.empty());
    try (Statement st = c.createStatement()) {
      st.executeUpdate(SETUP);
    }
    step(c, new CreateTable(table));
    assertThat(SQLITE.catalog(c).table(notes)).contains(table);

    // a rebuild starts from that catalog, so it keeps them: drop a column that none involves
    step(
        c,
        new AddColumn(
            notes,
            col("extra", integer(), false, DefaultValue.literal(0))
                .withCollation(Optional.empty())));
    step(c, new DropColumn(notes, "extra", Optional.empty()));
    assertThat(SQLITE.catalog(c).table(notes)).contains(table);

    // the key is really deferred: a dangling child waits for its parent until COMMIT
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO notes (title, user_id) VALUES ('t', 9)");
      st.executeUpdate("INSERT INTO users (id, email) VALUES (9, 'n@x')");
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
    assertThat(pragma(c, "SELECT count(*) FROM notes WHERE title = 'T'")).containsExactly("1");
  }

  @Test
  void theCatalogNamesUnnamedConstraintsDeterministically() throws SQLException {
    try (Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT UNIQUE)");
      st.executeUpdate(
          "CREATE TABLE ch (a INTEGER REFERENCES p, b TEXT, "
              + "FOREIGN KEY (b) REFERENCES p (code) ON DELETE CASCADE, CHECK (a > 0))");
    }
    Table ch = SQLITE.catalog(c).table(QualifiedName.of("ch")).orElseThrow();
    assertThat(ch.foreignKeys())
        .containsExactly(
            new ForeignKey(
                Optional.of("ch_a_fkey"),
                List.of("a"),
                QualifiedName.of("p"),
                List.of("id"),
                ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION),
            new ForeignKey(
                Optional.of("ch_b_fkey"),
                List.of("b"),
                QualifiedName.of("p"),
                List.of("code"),
                ReferentialAction.CASCADE,
                ReferentialAction.NO_ACTION));
    assertThat(ch.checks()).containsExactly(new CheckConstraint(Optional.empty(), "a > 0"));
    assertThat(SQLITE.catalog(c).table(QualifiedName.of("p")).orElseThrow().uniques())
        .containsExactly(new UniqueConstraint(Optional.of("p_code_key"), List.of("code")));
  }

  @Test
  void versionTablesAcceptTheRunnersRows() throws SQLException {
    for (Sql sql :
        SQLITE.createVersionTables(
            QualifiedName.of("retort_version"), QualifiedName.of("retort_history"))) {
      try (Statement st = c.createStatement()) {
        st.executeUpdate(sql.text());
        st.executeUpdate(sql.text());
      }
    }
    try (Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO retort_history (revision, direction, checksum, started_at, "
              + "duration_ms, who, success, message) VALUES ('bc311ce7dcf8', 'up', 'abc', "
              + "'2026-01-13T10:00:00Z', 12, 'me', 1, NULL)");
    }
    assertThat(pragma(c, "SELECT id, revision, success FROM retort_history"))
        .containsExactly("1|bc311ce7dcf8|1");
  }

  /** Runs an op as the runner runs a step: hooks around one transaction, rendered just in time. */
  static void step(Connection c, Op op) throws SQLException {
    SQLITE.beforeStep(c);
    try {
      c.setAutoCommit(false);
      try {
        execute(c, SQLITE.renderer(SQLITE.catalog(c)).render(op));
        SQLITE.beforeCommit(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } finally {
      SQLITE.afterStep(c);
    }
  }

  static void execute(Connection c, List<Sql> statements) throws SQLException {
    for (Sql sql : statements) {
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

  static List<String> pragma(Connection c, String sql) throws SQLException {
    return dev.retort.dialect.ServerTestDatabase.rows(c, sql);
  }

  /**
   * The schema as the PRAGMAs report it (independent of Retort's catalog), CHECK names found in the
   * table text, the names of triggers and views, and the probed rows.
   */
  static Set<String> snapshot(Connection c, String probe) throws SQLException {
    Set<String> lines = new TreeSet<>();
    List<String> tables =
        pragma(
            c,
            "SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite_%'");
    for (String t : tables) {
      String q = "'" + t.replace("'", "''") + "'";
      for (String row :
          pragma(
              c,
              "SELECT name, type, \"notnull\", dflt_value, pk "
                  + "FROM pragma_table_info("
                  + q
                  + ")")) {
        String[] f = row.split("\\|", -1);
        lines.add(
            "column "
                + t
                + "."
                + f[0]
                + " "
                + f[1].toUpperCase(Locale.ROOT)
                + " null="
                + (f[2].equals("1") ? "0" : "1")
                + " default="
                + f[3]
                + " pk="
                + f[4]);
      }
      List<String[]> fks = new ArrayList<>();
      for (String row :
          pragma(
              c,
              "SELECT id, \"from\", \"table\", \"to\", on_delete, on_update "
                  + "FROM pragma_foreign_key_list("
                  + q
                  + ") ORDER BY id, seq")) {
        fks.add(row.split("\\|", -1));
      }
      for (String id : fks.stream().map(f -> f[0]).distinct().toList()) {
        List<String[]> parts = fks.stream().filter(f -> f[0].equals(id)).toList();
        lines.add(
            "fk "
                + t
                + " ("
                + String.join(", ", parts.stream().map(f -> f[1]).toList())
                + ") -> "
                + parts.get(0)[2]
                + " ("
                + String.join(", ", parts.stream().map(f -> f[3]).toList())
                + ") delete="
                + parts.get(0)[4]
                + " update="
                + parts.get(0)[5]);
      }
      for (String row :
          pragma(
              c,
              "SELECT name, \"unique\", origin, partial " + "FROM pragma_index_list(" + q + ")")) {
        String[] f = row.split("\\|", -1);
        List<String> cols =
            pragma(
                c,
                "SELECT coalesce(name, '<expr>') || CASE WHEN \"desc\" "
                    + "THEN ' DESC' ELSE '' END FROM pragma_index_xinfo('"
                    + f[0].replace("'", "''")
                    + "') WHERE key = 1 ORDER BY seqno");
        lines.add(
            "index "
                + t
                + " "
                + f[0]
                + " unique="
                + f[1]
                + " origin="
                + f[2]
                + " partial="
                + f[3]
                + " ("
                + String.join(", ", cols)
                + ")");
      }
      String sql = pragma(c, "SELECT sql FROM sqlite_master WHERE name = " + q).get(0);
      SqliteTableSql.parse(sql)
          .checks()
          .forEach(
              ck -> lines.add("check " + t + " " + ck.name().orElse("?") + " " + ck.expression()));
    }
    pragma(c, "SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('trigger', 'view')")
        .forEach(lines::add);
    if (probe != null) {
      pragma(c, probe).forEach(r -> lines.add("row " + r));
    }
    return lines;
  }

  @Test
  void aRebuildWithoutALiveDatabaseIsRefused() {
    assertThatThrownBy(
            () ->
                SQLITE
                    .renderer(dev.retort.dialect.Catalog.NONE)
                    .render(
                        new dev.retort.ops.AddConstraint(
                            USERS,
                            new dev.retort.schema.CheckConstraint(Optional.of("ck"), "id > 0"))))
        .hasMessageContaining("cannot be written as SQL ahead of time");
  }

  @Test
  void aColumnIsDroppedInPlaceAheadOfTime() {
    assertThat(
            SQLITE
                .renderer(dev.retort.dialect.Catalog.NONE)
                .render(new DropColumn(USERS, "password", Optional.empty())))
        .extracting(dev.retort.dialect.Sql::text)
        .containsExactly("ALTER TABLE users DROP COLUMN password");
  }
}
