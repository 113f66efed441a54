package dev.retort.diff;

import static dev.retort.schema.ColumnType.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableFilterTest {
  private static Table t(QualifiedName name) {
    return new Table(
        name,
        List.of(Column.of("id", integer())),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  private static final Schema S =
      new Schema(
          List.of(
              t(QualifiedName.of("users")),
              t(QualifiedName.of("user_prefs")),
              t(QualifiedName.of("legacy_orders")),
              t(QualifiedName.of("audit", "events"))));

  private static List<String> names(TableFilter f) {
    return f.apply(S).tables().stream().map(x -> x.name().toString()).toList();
  }

  @Test
  void includesAndExcludesByNameWithWildcards() {
    assertThat(names(TableFilter.all())).hasSize(4);
    assertThat(names(new TableFilter(List.of("user*"), List.of())))
        .containsExactly("users", "user_prefs");
    assertThat(names(new TableFilter(List.of(), List.of("legacy_*", "audit.*"))))
        .containsExactly("users", "user_prefs");
    assertThat(names(new TableFilter(List.of("user*"), List.of("user_prefs"))))
        .containsExactly("users");
    assertThat(names(new TableFilter(List.of("events"), List.of())))
        .containsExactly("audit.events");
  }

  @Test
  void aSequenceOwnedByATableLeftOutIsLeftOutToo() {
    Sequence owned =
        new Sequence(
            QualifiedName.of("legacy_orders_no"),
            Optional.empty(),
            1,
            Optional.empty(),
            Optional.empty(),
            1,
            false,
            Optional.of(new ColumnRef(QualifiedName.of("legacy_orders"), "id")));
    Sequence free = Sequence.of(QualifiedName.of("invoice_no"));
    Schema s = new Schema(S.tables(), List.of(), List.of(), List.of(owned, free), List.of());
    assertThat(new TableFilter(List.of(), List.of("legacy_*")).apply(s).sequences())
        .containsExactly(free);
    assertThat(TableFilter.all().apply(s).sequences()).containsExactly(owned, free);
  }

  @Test
  void patternCharactersOtherThanTheStarAreLiteral() {
    assertThat(names(new TableFilter(List.of("user."), List.of()))).isEmpty();
  }
}
