package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inlining parameters replaces placeholders only, never a ? that is text. */
class SqlInlineTest {
  private static final Dialect PG = Dialects.forUrl("jdbc:postgresql://h/d");

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
}
