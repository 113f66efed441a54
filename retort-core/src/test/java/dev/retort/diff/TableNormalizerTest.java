package dev.retort.diff;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.TableBuilder;
import dev.retort.schema.Column;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableNormalizerTest {
  private final Normalizer shared = new TableNormalizer() {};

  private Column only(Table t) {
    return shared.normalize(new Schema(List.of(t))).tables().get(0).columns().get(0);
  }

  private Optional<DefaultValue> defaultOf(dev.retort.schema.ColumnType type, DefaultValue d) {
    return only(TableBuilder.table("t", b -> b.column("c", type))
            .replaceColumn("c", Column.of("c", type).withDefault(Optional.of(d))))
        .defaultValue();
  }

  @Test
  void booleanDefaultsReadBackAsNumbersOrLettersAreTrueAndFalse() {
    for (String yes : List.of("1", "true", "TRUE", "t", "'1'")) {
      DefaultValue d =
          yes.startsWith("'") ? DefaultValue.expression(yes) : DefaultValue.literal(yes);
      assertThat(defaultOf(bool(), d)).as(yes).contains(DefaultValue.literal("true"));
    }
    assertThat(defaultOf(bool(), DefaultValue.literal("0")))
        .contains(DefaultValue.literal("false"));
    assertThat(defaultOf(bool(), DefaultValue.expression("FALSE")))
        .contains(DefaultValue.literal("false"));
  }

  @Test
  void numbersCompareByValueAndOnlyInNumericColumns() {
    assertThat(defaultOf(numeric(10, 2), DefaultValue.literal("0.00")))
        .contains(DefaultValue.literal("0"));
    assertThat(defaultOf(numeric(10, 2), DefaultValue.literal("9.50")))
        .contains(DefaultValue.literal("9.5"));
    assertThat(defaultOf(integer(), DefaultValue.expression("(5)")))
        .contains(DefaultValue.literal("5"));
    assertThat(defaultOf(bigint(), DefaultValue.expression("'0'::bigint")))
        .contains(DefaultValue.literal("0"));
    assertThat(defaultOf(raw("text[]"), DefaultValue.expression("'{}'::text[]")))
        .contains(DefaultValue.literal("{}"));
    assertThat(defaultOf(doublePrecision(), DefaultValue.expression("'100'::double precision")))
        .contains(DefaultValue.literal("100"));
    assertThat(defaultOf(numeric(20, 0), DefaultValue.expression("'7'::numeric(20,0)")))
        .contains(DefaultValue.literal("7"));
    // text keeps its spelling: '0.00' is not '0'
    assertThat(defaultOf(text(), DefaultValue.literal("0.00")))
        .contains(DefaultValue.literal("0.00"));
  }

  @Test
  void defaultNullIsNoDefault() {
    for (String none : List.of("NULL", "null", "NULL::text", "NULL::character varying(20)")) {
      assertThat(defaultOf(text(), DefaultValue.expression(none))).as(none).isEmpty();
    }
    assertThat(defaultOf(text(), DefaultValue.literal("NULL")))
        .as("the string 'NULL'")
        .contains(DefaultValue.literal("NULL"));
  }

  @Test
  void theSpellingsOfNowAreOne() {
    for (String now : List.of("CURRENT_TIMESTAMP", "current_timestamp()", "current_timestamp")) {
      assertThat(defaultOf(timestamp(), DefaultValue.expression(now)))
          .as(now)
          .contains(DefaultValue.expression("CURRENT_TIMESTAMP"));
    }
    // PostgreSQL keeps now() as written, and autogenerate writes what the definition says
    assertThat(defaultOf(timestamp(), DefaultValue.expression("now()")))
        .contains(DefaultValue.expression("now()"));
    assertThat(defaultOf(timestamp(), DefaultValue.expression("current_timestamp(6)")))
        .contains(DefaultValue.expression("current_timestamp(6)"));
  }

  @Test
  void checksAndPartialIndexPredicatesAreCanonical() {
    Table t =
        TableBuilder.table(
            "t",
            b -> {
              b.column("a", integer());
              b.check("ck", "((a > 0) AND (a < 9))");
              b.index("ix", i -> i.column("a").where("(a > 0)"));
            });
    Table n = shared.normalize(new Schema(List.of(t))).tables().get(0);
    assertThat(n.checks().get(0).expression()).isEqualTo("a > 0 AND a < 9");
    assertThat(n.indexes().get(0).where()).contains("a > 0");
  }

  @Test
  void normalizingTwiceChangesNothingMore() {
    Table t =
        TableBuilder.table(
            "t",
            b -> {
              b.column("a", numeric(5, 2)).defaultValue("1.10");
              b.column("b", bool()).defaultValue(1);
              b.check("ck", "(`a` > (0))");
            });
    Schema once = shared.normalize(new Schema(List.of(t)));
    assertThat(shared.normalize(once)).isEqualTo(once);
  }
}
