package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inlining parameters replaces placeholders only, never a ? that is text. */
class SqlInlineTest {
  private static final Dialect PG = Dialects.forUrl("jdbc:postgresql://h/d");
  private static final Dialect MY = Dialects.forUrl("jdbc:mariadb://h/d");
  private static final Dialect LITE = Dialects.forUrl("jdbc:sqlite:x.db");
  private static final String EVIL = "', secret = (SELECT password FROM users LIMIT 1) -- ";

  @Test
  void placeholdersBecomeLiterals() {
    Sql sql = new Sql("INSERT INTO t (a, b, c) VALUES (?, ?, ?)", Arrays.asList(1, "it's", null));
    assertThat(sql.inline(PG)).isEqualTo("INSERT INTO t (a, b, c) VALUES (1, 'it''s', NULL)");
  }

  @Test
  void aQuestionMarkInsideQuotesOrCommentsIsText() {
    Sql sql =
        new Sql(
            "UPDATE \"why?\" SET a = ?, note = 'what? ''really?''' -- is it?\n"
                + "WHERE b = ? /* or ? */ AND c = `x?`",
            List.of("A", 2));
    assertThat(sql.inline(PG))
        .isEqualTo(
            "UPDATE \"why?\" SET a = 'A', note = 'what? ''really?''' "
                + "-- is it?\nWHERE b = 2 /* or ? */ AND c = `x?`");
  }

  @Test
  void withoutParametersTheTextIsUnchanged() {
    Sql sql = Sql.of("SELECT '?'");
    assertThat(sql.inline(PG)).isSameAs(sql.text());
  }

  @Test
  void aMySqlStringWithABackslashEscapedQuoteKeepsItsQuestionMark() {
    Sql sql = new Sql("UPDATE t SET note = 'don\\'t know?' WHERE id = ?", List.of(EVIL));
    // MySQL reads 'don\'t know?' as one string: the value goes after WHERE id =, as a literal
    assertThat(sql.inline(MY))
        .isEqualTo(
            "UPDATE t SET note = 'don\\'t know?' WHERE id = "
                + "''', secret = (SELECT password FROM users LIMIT 1) -- '");
    Sql quoted = new Sql("SELECT \"a\\\" ?\", ?", List.of(1));
    assertThat(quoted.inline(MY)).isEqualTo("SELECT \"a\\\" ?\", 1");
  }

  @Test
  void aMySqlHashCommentKeepsItsQuestionMark() {
    Sql sql = new Sql("UPDATE t SET a = 1 # why?\nWHERE id = ?", List.of(7));
    assertThat(sql.inline(MY)).isEqualTo("UPDATE t SET a = 1 # why?\nWHERE id = 7");
    // PostgreSQL has no # comments: there it is an operator
    assertThat(new Sql("SELECT 1 # ?", List.of(2)).inline(PG)).isEqualTo("SELECT 1 # 2");
  }

  @Test
  void postgresEscapeStringsAndDollarQuotesKeepTheirQuestionMarks() {
    Sql sql =
        new Sql(
            "UPDATE t SET note = E'don\\'t know?', body = $f$ is it? $f$, x = $$?$$ WHERE id = ?"
                + " AND b = $1",
            List.of(5));
    assertThat(sql.inline(PG))
        .isEqualTo(
            "UPDATE t SET note = E'don\\'t know?', body = $f$ is it? $f$, x = $$?$$ WHERE id = 5"
                + " AND b = $1");
    // a plain string has no backslash escapes in PostgreSQL or SQLite
    assertThat(new Sql("SELECT 'a\\', ?", List.of(3)).inline(PG)).isEqualTo("SELECT 'a\\', 3");
    assertThat(new Sql("SELECT 'a\\', ?", List.of(3)).inline(LITE)).isEqualTo("SELECT 'a\\', 3");
  }
}
