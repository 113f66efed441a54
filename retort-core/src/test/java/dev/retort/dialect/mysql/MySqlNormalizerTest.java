package dev.retort.dialect.mysql;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.TableBuilder;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MySqlNormalizerTest {
  private final MySqlNormalizer normalizer = new MySqlNormalizer();

  private Table normalized(Table t) {
    return normalizer.normalize(new Schema(List.of(t))).tables().get(0);
  }

  @Test
  void typesWrittenWithAnotherSpellingReadAsThatSpelling() {
    Table t =
        normalized(
            TableBuilder.table(
                "t",
                b -> {
                  b.column("j", jsonb());
                  b.column("ts", timestamptz()).defaultExpr("current_timestamp(6)");
                  b.column("u", uuid());
                  b.column("v", varchar(5)).defaultExpr("now()");
                  b.column("d", date()).defaultExpr("current_timestamp(6)");
                }));
    assertThat(t.columns())
        .extracting(c -> c.type())
        .containsExactly(json(), timestamp(), fixedChar(36), varchar(5), date());
    assertThat(t.columns().get(1).defaultValue())
        .contains(DefaultValue.expression("CURRENT_TIMESTAMP"));
    assertThat(t.columns().get(3).defaultValue())
        .contains(DefaultValue.expression("CURRENT_TIMESTAMP"));
    // only a column with microseconds stores the precision
    assertThat(t.columns().get(4).defaultValue())
        .contains(DefaultValue.expression("current_timestamp(6)"));
  }

  @Test
  void uniqueIndexesAreUniqueConstraintsAndRestrictIsNoAction() {
    Table t =
        normalized(
            TableBuilder.table(
                "t",
                b -> {
                  b.column("a", integer());
                  b.column("b", integer())
                      .references("p", "id")
                      .onDelete(ReferentialAction.RESTRICT);
                  b.uniqueIndex("ux_ab", "a", "b");
                  b.index("ix_a", "a");
                  b.index("ux_desc", i -> i.column("a").desc().unique());
                }));
    assertThat(t.uniques())
        .containsExactly(new UniqueConstraint(Optional.of("ux_ab"), List.of("a", "b")));
    assertThat(t.indexes()).extracting(i -> i.name()).containsExactly("ix_a", "ux_desc");
    assertThat(t.foreignKeys().get(0).onDelete()).isEqualTo(ReferentialAction.NO_ACTION);
  }

  @Test
  void checkClausesLoseTheirBackticks() {
    Table t =
        normalized(
            TableBuilder.table(
                "t",
                b -> {
                  b.column("score", integer());
                  b.check("ck", "`score` >= -1 and `score` < 1000");
                }));
    assertThat(t.checks().get(0).expression()).isEqualTo("score >= -1 AND score < 1000");
  }

  @Test
  void aBackslashEscapedQuoteInACheckReadsAsADoubledOne() {
    String printed =
        normalized(
                TableBuilder.table(
                    "t",
                    b -> {
                      b.column("tag", varchar(10));
                      b.check("ck", "`tag` <> '' and `tag` in ('fiction','it\\'s new','a\\\\b')");
                    }))
            .checks()
            .get(0)
            .expression();
    String written =
        normalized(
                TableBuilder.table(
                    "t",
                    b -> {
                      b.column("tag", varchar(10));
                      b.check("ck", "tag <> '' AND tag IN ('fiction', 'it''s new', 'a\\\\b')");
                    }))
            .checks()
            .get(0)
            .expression();
    assertThat(printed)
        .isEqualTo(written)
        .isEqualTo("tag <> '' AND tag IN ('fiction', 'it''s new', 'a\\\\b')");
  }

  @Test
  void namesInAChecksCompareWithoutCaseStringsWithIt() {
    String printed =
        normalized(
                TableBuilder.table(
                    "t",
                    b -> {
                      b.column("Score", integer());
                      b.check("ck", "`score` > 0 and `kind` <> 'MiXed'");
                    }))
            .checks()
            .get(0)
            .expression();
    String written =
        normalized(
                TableBuilder.table(
                    "t",
                    b -> {
                      b.column("Score", integer());
                      b.check("ck", "Score > 0 AND Kind <> 'MiXed'");
                    }))
            .checks()
            .get(0)
            .expression();
    assertThat(printed).isEqualTo(written).isEqualTo("score > 0 AND kind <> 'MiXed'");
    assertThat(
            normalized(
                    TableBuilder.table(
                        "t",
                        b -> {
                          b.column("note", text());
                          b.check("ck", "Length(note) < 100");
                        }))
                .checks()
                .get(0)
                .expression())
        .isEqualTo(
            normalized(
                    TableBuilder.table(
                        "t",
                        b -> {
                          b.column("note", text());
                          b.check("ck", "octet_length(`note`) < 100");
                        }))
                .checks()
                .get(0)
                .expression());
  }
}
