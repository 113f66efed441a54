package dev.retort.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The values whose equals and hashCode are written out rather than generated: equal when every
 * component is, with equal hash codes, and unequal when any one component differs.
 */
class ValueEqualityTest {

  private static <T> void differsByEachComponent(T value, T copy, List<T> oneComponentChanged) {
    assertThat(value).isEqualTo(copy).isNotSameAs(copy);
    assertThat(value.hashCode()).isEqualTo(copy.hashCode());
    assertThat(value).isNotEqualTo(null).isNotEqualTo("not a value");
    for (T changed : oneComponentChanged) {
      assertThat(value).as("against %s", changed).isNotEqualTo(changed);
      assertThat(changed).as("against %s", value).isNotEqualTo(value);
    }
  }

  @Test
  void qualifiedName() {
    differsByEachComponent(
        QualifiedName.of("s", "t"),
        QualifiedName.of("s", "t"),
        List.of(QualifiedName.of("s", "u"), QualifiedName.of("r", "t"), QualifiedName.of("t")));
  }

  @Test
  void columnType() {
    differsByEachComponent(
        ColumnType.numeric(10, 2),
        ColumnType.numeric(10, 2),
        List.of(
            new ColumnType(ColumnType.Kind.VARCHAR, 10, 2, ""),
            ColumnType.numeric(11, 2),
            ColumnType.numeric(10, 3),
            new ColumnType(ColumnType.Kind.NUMERIC, 10, 2, "numeric(10,2)")));
    assertThat(ColumnType.raw("citext"))
        .isEqualTo(ColumnType.raw("citext"))
        .isNotEqualTo(ColumnType.raw("ltree"));
  }

  @Test
  void defaults() {
    differsByEachComponent(
        DefaultValue.literal("1"),
        DefaultValue.literal("1"),
        List.of(DefaultValue.literal("2"), DefaultValue.expression("1")));
    differsByEachComponent(
        DefaultValue.expression("now()"),
        DefaultValue.expression("now()"),
        List.of(DefaultValue.expression("now( )"), DefaultValue.literal("now()")));
  }

  @Test
  void indexPart() {
    IndexPart part =
        new IndexPart(
            "name",
            false,
            IndexPart.Order.DESC,
            IndexPart.Nulls.FIRST,
            Optional.of("text_pattern_ops"));
    differsByEachComponent(
        part,
        new IndexPart(
            "name",
            false,
            IndexPart.Order.DESC,
            IndexPart.Nulls.FIRST,
            Optional.of("text_pattern_ops")),
        List.of(
            new IndexPart(
                "title",
                false,
                IndexPart.Order.DESC,
                IndexPart.Nulls.FIRST,
                Optional.of("text_pattern_ops")),
            new IndexPart(
                "name",
                true,
                IndexPart.Order.DESC,
                IndexPart.Nulls.FIRST,
                Optional.of("text_pattern_ops")),
            new IndexPart(
                "name",
                false,
                IndexPart.Order.ASC,
                IndexPart.Nulls.FIRST,
                Optional.of("text_pattern_ops")),
            new IndexPart(
                "name",
                false,
                IndexPart.Order.DESC,
                IndexPart.Nulls.LAST,
                Optional.of("text_pattern_ops")),
            new IndexPart(
                "name", false, IndexPart.Order.DESC, IndexPart.Nulls.FIRST, Optional.empty())));
  }
}
