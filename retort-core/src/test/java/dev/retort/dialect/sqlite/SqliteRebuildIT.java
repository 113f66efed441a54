package dev.retort.dialect.sqlite;

import static dev.retort.dialect.sqlite.SqliteRenderIT.SQLITE;
import static dev.retort.dialect.sqlite.SqliteRenderIT.connect;
import static dev.retort.dialect.sqlite.SqliteRenderIT.pragma;
import static dev.retort.dialect.sqlite.SqliteRenderIT.step;
import static dev.retort.schema.ColumnType.integer;
import static dev.retort.schema.ColumnType.text;
import static dev.retort.schema.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.DropColumn;
import dev.retort.ops.Op;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a SQLite table rebuild must not break: child rows, keys, triggers, views, counters. */
@Tag("sqlite")
class SqliteRebuildIT {

  private static final QualifiedName USERS = QualifiedName.of("users");

  /** Changes users.email in a way only a rebuild can. */
  private static final Op WIDEN_EMAIL =
      AlterColumn.of(USERS, "email", c -> c.existingType(varchar(100)).type(text()));

  @TempDir Path dir;
  Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = connect(dir.resolve("rebuild.db"));
    sql(
        "CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email VARCHAR(100) NOT NULL)",
        "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, "
            + "CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id) "
            + "ON DELETE CASCADE)",
        "INSERT INTO users (email) VALUES ('a@x'), ('b@x'), ('c@x')",
        "INSERT INTO posts (user_id) VALUES (1), (1), (2)");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void childRowsUnderOnDeleteCascadeSurviveARebuildOfTheParent() throws SQLException {
    assertThat(pragma(c, "PRAGMA foreign_keys")).containsExactly("1");
    step(c, WIDEN_EMAIL);
    assertThat(pragma(c, "SELECT type FROM pragma_table_info('users') WHERE name = 'email'"))
        .containsExactly("TEXT");
    assertThat(pragma(c, "SELECT id || ':' || user_id FROM posts ORDER BY id"))
        .containsExactly("1:1", "2:1", "3:2");
    assertThat(pragma(c, "SELECT id || ':' || email FROM users ORDER BY id"))
        .containsExactly("1:a@x", "2:b@x", "3:c@x");
    assertThat(pragma(c, "PRAGMA foreign_keys")).as("enforcement restored").containsExactly("1");
    assertThat(pragma(c, "PRAGMA foreign_key_check")).isEmpty();
  }

  /** The control: the same statements with enforcement on lose the children, as documented. */
  @Test
  void withoutTheStepHooksTheSameRebuildWouldCascade() throws SQLException {
    SqliteRenderIT.execute(c, SQLITE.renderer(SQLITE.catalog(c)).render(WIDEN_EMAIL));
    assertThat(pragma(c, "SELECT count(*) FROM posts")).containsExactly("0");
  }

  @Test
  void aRebuildThatLeavesADanglingKeyFailsBeforeCommitListingTheRows() throws SQLException {
    sql(
        "CREATE TABLE comments (id INTEGER PRIMARY KEY, post_id INTEGER)",
        "INSERT INTO comments (id, post_id) VALUES (1, 1), (2, 99), (3, 98)");
    Op addKey =
        new AddConstraint(
            QualifiedName.of("comments"),
            new ForeignKey(
                Optional.of("fk_comments_post"),
                java.util.List.of("post_id"),
                QualifiedName.of("posts"),
                java.util.List.of("id"),
                ReferentialAction.CASCADE,
                ReferentialAction.NO_ACTION));
    assertThatThrownBy(() -> step(c, addKey))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("2 row(s)")
        .hasMessageContaining(
            "comments row rowid 2 references missing row in posts " + "via (post_id) -> (id)")
        .hasMessageContaining("comments row rowid 3");
    assertThat(pragma(c, "SELECT count(*) FROM pragma_foreign_key_list('comments')"))
        .as("rolled back")
        .containsExactly("0");
    assertThat(pragma(c, "SELECT count(*) FROM comments")).containsExactly("3");
    assertThat(pragma(c, "PRAGMA foreign_keys")).containsExactly("1");
  }

  @Test
  void triggersViewsAndExpressionIndexesAreRecreated() throws SQLException {
    sql(
        "CREATE TABLE audit (what TEXT)",
        "CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN "
            + "INSERT INTO audit VALUES ('new ' || NEW.email); END",
        "CREATE VIEW user_emails AS SELECT id, email FROM users",
        "CREATE INDEX ix_users_lower ON users (lower(email))",
        "CREATE INDEX ix_users_email ON users (email)");
    step(c, WIDEN_EMAIL);
    assertThat(
            pragma(
                c,
                "SELECT type || ' ' || name FROM sqlite_master "
                    + "WHERE type IN ('trigger', 'view', 'index') ORDER BY 1"))
        .containsExactly(
            "index ix_users_email",
            "index ix_users_lower",
            "trigger users_audit",
            "view user_emails");
    sql("INSERT INTO users (email) VALUES ('d@x')");
    assertThat(pragma(c, "SELECT what FROM audit")).containsExactly("new d@x");
    assertThat(pragma(c, "SELECT count(*) FROM user_emails")).containsExactly("4");
  }

  /**
   * The RENAME that ends a rebuild checks the whole schema: a trigger on another table, or a view
   * over a view, that names the table (or a view dropped with it) must be out of the way too.
   */
  @Test
  void triggersOnOtherTablesAndViewsOverViewsThatNameTheTableAreRecreated() throws SQLException {
    sql(
        "CREATE TABLE audit (user_id INTEGER, what TEXT)",
        "CREATE TRIGGER audit_user BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'no user')"
            + " WHERE NOT EXISTS (SELECT 1 FROM \"USERS\" WHERE id = NEW.user_id); END",
        "CREATE VIEW user_emails AS SELECT id, email FROM users",
        "CREATE VIEW first_email AS SELECT min(email) AS email FROM user_emails",
        "CREATE TRIGGER audit_first AFTER INSERT ON audit BEGIN"
            + " UPDATE audit SET what = (SELECT email FROM first_email) WHERE rowid = NEW.rowid; END",
        "CREATE VIEW unrelated AS SELECT 'users' AS word");
    step(c, WIDEN_EMAIL);
    assertThat(
            pragma(
                c,
                "SELECT type || ' ' || name FROM sqlite_master "
                    + "WHERE type IN ('trigger', 'view') ORDER BY 1"))
        .containsExactly(
            "trigger audit_first",
            "trigger audit_user",
            "view first_email",
            "view unrelated",
            "view user_emails");
    sql("INSERT INTO audit (user_id) VALUES (2)");
    assertThat(pragma(c, "SELECT what FROM audit")).containsExactly("a@x");
    assertThatThrownBy(() -> sql("INSERT INTO audit (user_id) VALUES (9)"))
        .hasMessageContaining("no user");
  }

  @Test
  void autoIncrementNeverReusesAnIdAfterARebuild() throws SQLException {
    sql("DELETE FROM posts WHERE user_id = 2", "DELETE FROM users WHERE id = 3");
    step(c, WIDEN_EMAIL);
    sql("INSERT INTO users (email) VALUES ('new@x')");
    assertThat(pragma(c, "SELECT id FROM users WHERE email = 'new@x'")).containsExactly("4");
  }

  @Test
  void droppingAReferencedParentColumnIsCaughtByTheKeyCheck() throws SQLException {
    sql(
        "CREATE TABLE tags (id INTEGER PRIMARY KEY, code TEXT UNIQUE)",
        "CREATE TABLE post_tags (tag_code TEXT REFERENCES tags (code))",
        "INSERT INTO tags VALUES (1, 'x')",
        "INSERT INTO post_tags VALUES ('x')");
    Op dropCode = new DropColumn(QualifiedName.of("tags"), "code", Optional.empty());
    assertThatThrownBy(() -> step(c, dropCode)).isInstanceOf(SQLException.class);
    assertThat(pragma(c, "SELECT name FROM pragma_table_info('tags')"))
        .as("rolled back")
        .containsExactly("id", "code");
  }

  @Test
  void integerColumnsKeepTheirValuesThroughATypeChange() throws SQLException {
    sql("CREATE TABLE m (id INTEGER PRIMARY KEY, v TEXT)", "INSERT INTO m VALUES (1, '42')");
    step(
        c, AlterColumn.of(QualifiedName.of("m"), "v", c -> c.existingType(text()).type(integer())));
    assertThat(pragma(c, "SELECT typeof(v) || ':' || v FROM m")).containsExactly("integer:42");
  }

  private void sql(String... statements) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String s : statements) {
        st.executeUpdate(s);
      }
    }
  }
}
