package dev.retort.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckExpressionTest {

  @Test
  void catalogParenthesesAndQuotesGo() {
    // PostgreSQL's pg_get_constraintdef and MariaDB's CHECK_CLAUSE for the same definition
    assertThat(CheckExpression.canonical("((score >= -1) AND (score < 1000))"))
        .isEqualTo("score >= -1 AND score < 1000");
    assertThat(CheckExpression.canonical("`score` >= -1 and `score` < 1000"))
        .isEqualTo("score >= -1 AND score < 1000");
    assertThat(CheckExpression.canonical("score >= -1 AND score < 1000"))
        .isEqualTo("score >= -1 AND score < 1000");
  }

  @Test
  void parenthesesThatGroupLogicStay() {
    String grouped = CheckExpression.canonical("(a > 0 OR b > 0) AND c > 0");
    String other = CheckExpression.canonical("a > 0 OR (b > 0 AND c > 0)");
    assertThat(grouped).isEqualTo("(a > 0 OR b > 0) AND c > 0");
    assertThat(other).isNotEqualTo(grouped);
    // arithmetic grouping is not a comparison and stays
    assertThat(CheckExpression.canonical("(a + b) * 2 > 0")).isEqualTo("(a + b) * 2 > 0");
  }

  @Test
  void termsJoinedByAndNeedNoParenthesesBesideOr() {
    // Hibernate 7's check on a single-table subclass's not-null columns, as written and as
    // MariaDB keeps it
    assertThat(CheckExpression.canonical("kind <> 200 or (a is not null and b is not null)"))
        .isEqualTo(CheckExpression.canonical("kind <> 200 or a is not null and b is not null"))
        .isEqualTo("kind <> 200 OR a IS NOT NULL AND b IS NOT NULL");
    assertThat(CheckExpression.canonical("NOT (a > 0 AND b > 0)"))
        .isEqualTo("NOT (a > 0 AND b > 0)");
    assertThat(CheckExpression.canonical("(a > 0 AND b > 0) = c"))
        .isEqualTo("(a > 0 AND b > 0) = c");
    assertThat(CheckExpression.canonical("(a > 0 OR b > 0) AND c > 0"))
        .isEqualTo("(a > 0 OR b > 0) AND c > 0");
  }

  @Test
  void callsInListsAndStringsAreKept() {
    assertThat(CheckExpression.canonical("(length((name)::text) > 0)"))
        .isEqualTo("length((name)::text) > 0");
    assertThat(CheckExpression.canonical("kind IN ('a', 'b')")).isEqualTo("kind IN ('a', 'b')");
    assertThat(CheckExpression.canonical("note <> 'x  AND  (y)'"))
        .isEqualTo("note <> 'x  AND  (y)'");
    assertThat(CheckExpression.canonical("\"Mixed\" > 0")).isEqualTo("\"Mixed\" > 0");
    assertThat(CheckExpression.canonical("(note <> 'it''s (x)')")).isEqualTo("note <> 'it''s (x)'");
  }

  @Test
  void unbalancedTextIsOnlySquashed() {
    assertThat(CheckExpression.canonical("a  >  'open")).isEqualTo("a > 'open");
  }
}
