package dev.retort.dialect.postgres;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.TableBuilder;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresNormalizerTest {
  private final PostgresNormalizer normalizer = new PostgresNormalizer();

  private String check(String expression) {
    Table t =
        TableBuilder.table(
            "t",
            b -> {
              b.column("a", integer());
              b.check("ck", expression);
            });
    return normalizer
        .normalize(new Schema(List.of(t)))
        .tables()
        .get(0)
        .checks()
        .get(0)
        .expression();
  }

  @Test
  void constantCastsFromTheCatalogGo() {
    assertThat(check("(price >= (0)::numeric)")).isEqualTo("price >= 0");
    assertThat(check("((score >= '-1'::integer) AND (score < 1000))"))
        .isEqualTo("score >= -1 AND score < 1000");
    assertThat(check("(kind <> 'x'::text)")).isEqualTo("kind <> 'x'");
    assertThat(check("price >= 0")).isEqualTo("price >= 0");
  }

  @Test
  void textCastsOfColumnsGoOtherCastsStay() {
    assertThat(check("((a)::text <> ''::text)")).isEqualTo("a <> ''");
    assertThat(check("((a)::bigint > 0)")).isEqualTo("(a)::bigint > 0");
  }

  @Test
  void anyOfAnArrayIsReadBackAsIn() {
    String printed =
        "((status)::text = ANY ((ARRAY['draft'::character varying, "
            + "'it''s live'::character varying])::text[]))";
    assertThat(check(printed))
        .isEqualTo(check("status IN ('draft','it''s live')"))
        .isEqualTo("status IN ('draft', 'it''s live')");
    assertThat(check("((c)::text = ANY ((ARRAY['a,b'::text, '$1'::text])::text[]))"))
        .isEqualTo("c IN ('a,b', '$1')");
    assertThat(check("(n = ANY (ARRAY[1, 2, 3]))")).isEqualTo(check("n in (1, 2, 3)"));
    assertThat(check("((kind)::text = ANY ((ARRAY['a'::character varying])::text[])) AND a > 0"))
        .isEqualTo("kind = 'a' AND a > 0");
  }

  @Test
  void anInListOfOneIsTheComparisonPostgresKeeps() {
    // Hibernate's check on an enum of one constant; PostgreSQL keeps it as an equality
    assertThat(check("((type)::text = 'DEFAULT'::text)"))
        .isEqualTo(check("type in ('DEFAULT')"))
        .isEqualTo("type = 'DEFAULT'");
    assertThat(check("((type)::text <> 'x'::text)")).isEqualTo(check("type NOT IN ('x')"));
    assertThat(check("(n = 3)")).isEqualTo(check("n in (3)"));
    assertThat(check("type in ('a','b')")).isEqualTo("type IN ('a', 'b')");
  }

  @Test
  void aCastIsOnlyItsTypeName() {
    assertThat(check("((0)::numeric and a > 1)")).isEqualTo("0 AND a > 1");
  }

  @Test
  void unquotedNamesFoldToLowerCaseQuotedNamesAndStringsKeepTheirs() {
    assertThat(check("Score > 0 AND \"Weird\" <> 'MiXed' AND Length(Name) > 1"))
        .isEqualTo(check("((score > 0) AND (\"Weird\" <> 'MiXed'::text) AND (length(name) > 1))"))
        .isEqualTo("score > 0 AND \"Weird\" <> 'MiXed' AND length(name) > 1");
    assertThat(check("Kind In ('A', 'b')"))
        .isEqualTo(
            check(
                "((kind)::text = ANY ((ARRAY['A'::character varying, 'b'::character varying])::text[]))"));
  }

  @Test
  void indexKeyExpressionsReadBackAsWritten() {
    Table t =
        TableBuilder.table(
            "t",
            b -> {
              b.column("email", varchar(200));
              b.index(
                  "ix",
                  ix -> ix.expression("lower(email::text)").expression("(upper(email))::text"));
            });
    List<dev.retort.schema.IndexPart> parts =
        normalizer.normalize(new Schema(List.of(t))).tables().get(0).indexes().get(0).parts();
    assertThat(parts)
        .extracting(dev.retort.schema.IndexPart::text)
        .containsExactly("lower(email)", "(upper(email))::text");
  }
}
