package dev.retort.diff;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.ColumnState;
import dev.retort.ops.CreateTable;
import dev.retort.ops.Op;
import dev.retort.ops.TableBuilder;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A diff compares normalized schemas but writes the definition's own spelling. */
class AsWrittenTest {
  /** Like a MariaDB normalizer: jsonb is json, now() is CURRENT_TIMESTAMP, checks upper-cased. */
  private static final Normalizer MARIA_LIKE =
      new TableNormalizer() {
        @Override
        protected dev.retort.schema.Column column(Table table, dev.retort.schema.Column c) {
          dev.retort.schema.Column out =
              c.type().kind() == ColumnType.Kind.JSONB ? c.withType(json()) : c;
          return out.defaultValue()
                  .filter(d -> d.equals(DefaultValue.expression("now()")))
                  .isPresent()
              ? out.withDefault(Optional.of(DefaultValue.expression("CURRENT_TIMESTAMP")))
              : out;
        }

        @Override
        protected String checkExpression(String expression) {
          return expression.toUpperCase(java.util.Locale.ROOT);
        }
      };

  private static Table docs(boolean withBody) {
    return TableBuilder.table(
        "docs",
        t -> {
          t.column("id", integer()).primaryKey();
          t.column("meta", jsonb());
          t.column("at", timestamp()).defaultExpr("now()");
          if (withBody) {
            t.column("body", jsonb()).notNull().defaultExpr("'{}'");
            t.check("ck_docs_id", "id > 0 and id < 99");
          }
        });
  }

  private List<Op> diff(Schema from, Schema to) {
    return new Differ().diff(from, to, DiffOptions.defaults(), MARIA_LIKE).ops();
  }

  @Test
  void aCreatedTableIsWrittenAsDeclared() {
    List<Op> ops = diff(new Schema(List.of()), new Schema(List.of(docs(false))));
    assertThat(ops).hasSize(1);
    Table created = ((CreateTable) ops.get(0)).table();
    assertThat(created).isEqualTo(docs(false));
  }

  @Test
  void aDefinitionThatDiffersOnlyInSpellingIsNoChange() {
    Table live = MARIA_LIKE.normalize(new Schema(List.of(docs(true)))).tables().get(0);
    assertThat(diff(new Schema(List.of(live)), new Schema(List.of(docs(true))))).isEmpty();
  }

  @Test
  void addedColumnsAndConstraintsKeepTheirAuthorsWords() {
    Table live = MARIA_LIKE.normalize(new Schema(List.of(docs(false)))).tables().get(0);
    List<Op> ops = diff(new Schema(List.of(live)), new Schema(List.of(docs(true))));
    assertThat(ops)
        .filteredOn(AddColumn.class::isInstance)
        .singleElement()
        .satisfies(op -> assertThat(((AddColumn) op).column().type()).isEqualTo(jsonb()));
    assertThat(ops)
        .filteredOn(AddConstraint.class::isInstance)
        .singleElement()
        .satisfies(
            op ->
                assertThat(((AddConstraint) op).constraint())
                    .isEqualTo(
                        new CheckConstraint(Optional.of("ck_docs_id"), "id > 0 and id < 99")));
  }

  @Test
  void anAlteredColumnGetsTheDeclaredTypeAndTheDatabasesOldOne() {
    Table before =
        TableBuilder.table(
            "docs",
            t -> {
              t.column("id", integer()).primaryKey();
              t.column("meta", text());
            });
    Table after =
        TableBuilder.table(
            "docs",
            t -> {
              t.column("id", integer()).primaryKey();
              t.column("meta", jsonb()).defaultExpr("now()");
            });
    AlterColumn a =
        (AlterColumn) diff(new Schema(List.of(before)), new Schema(List.of(after))).get(0);
    assertThat(a.changed(ColumnChange.TYPE, ColumnState::type)).contains(jsonb());
    assertThat(a.from().type()).contains(text());
    assertThat(a.to().defaultValue()).contains(DefaultValue.expression("now()"));
  }
}
