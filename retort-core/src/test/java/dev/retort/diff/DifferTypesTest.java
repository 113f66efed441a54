package dev.retort.diff;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.AddEnumValue;
import dev.retort.ops.CreateDomain;
import dev.retort.ops.CreateEnum;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropDomain;
import dev.retort.ops.DropEnum;
import dev.retort.ops.DropTable;
import dev.retort.ops.Op;
import dev.retort.ops.TableBuilder;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Domain;
import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Enum types and domains: created before the tables, dropped after, changed in place or swapped.
 */
class DifferTypesTest {
  private static final QualifiedName MOOD = QualifiedName.of("mood");
  private static final QualifiedName EMAIL = QualifiedName.of("email");
  private static final Table PEOPLE = TableBuilder.table("people", t -> t.column("id", integer()));

  private static Domain email(String check) {
    return new Domain(
        EMAIL,
        text(),
        false,
        Optional.of(DefaultValue.literal("nobody@example.org")),
        List.of(new CheckConstraint(Optional.of("email_has_at"), check)));
  }

  private static Schema schema(List<String> moods, Optional<Domain> email, boolean people) {
    return new Schema(
        people ? List.of(PEOPLE) : List.of(),
        moods.isEmpty() ? List.of() : List.of(new EnumType(MOOD, moods)),
        email.stream().toList());
  }

  private static List<Op> diff(Schema from, Schema to) {
    return new Differ().diff(from, to, DiffOptions.defaults()).ops();
  }

  @Test
  void sameTypesAreNoChange() {
    Schema s = schema(List.of("sad", "ok"), Optional.of(email("VALUE LIKE '%@%'")), true);
    assertThat(diff(s, s)).isEmpty();
  }

  @Test
  void newTypesComeBeforeTheTablesAndGoAfterThem() {
    Schema empty = schema(List.of(), Optional.empty(), false);
    Schema full = schema(List.of("sad", "ok"), Optional.of(email("VALUE LIKE '%@%'")), true);
    List<Op> up = diff(empty, full);
    assertThat(up).hasSize(3);
    assertThat(up.subList(0, 2)).hasOnlyElementsOfTypes(CreateEnum.class, CreateDomain.class);
    assertThat(up.get(2)).isInstanceOf(CreateTable.class);
    List<Op> down = diff(full, empty);
    assertThat(down.get(0)).isInstanceOf(DropTable.class);
    assertThat(down.subList(1, 3)).hasOnlyElementsOfTypes(DropEnum.class, DropDomain.class);
    assertThat(down).contains(new DropEnum(MOOD, Optional.of(List.of("sad", "ok"))));
  }

  @Test
  void aNewEnumValueIsAddedInItsPlace() {
    List<Op> ops =
        diff(
            schema(List.of("sad", "happy"), Optional.empty(), false),
            schema(List.of("sad", "ok", "happy", "elated"), Optional.empty(), false));
    assertThat(ops)
        .containsExactly(
            new AddEnumValue(MOOD, "ok", Optional.of("happy"), Optional.empty()),
            new AddEnumValue(MOOD, "elated", Optional.empty(), Optional.empty()));
  }

  @Test
  void aRemovedOrReorderedValueSwapsTheType() {
    for (List<String> after : List.of(List.of("sad"), List.of("ok", "sad"))) {
      List<Op> ops =
          diff(
              schema(List.of("sad", "ok"), Optional.empty(), false),
              schema(after, Optional.empty(), false));
      assertThat(ops)
          .containsExactly(
              new DropEnum(MOOD, Optional.of(List.of("sad", "ok"))), new CreateEnum(MOOD, after));
    }
  }

  @Test
  void aChangedDomainIsDroppedWithItsDefinitionAndCreatedAgain() {
    Domain before = email("VALUE LIKE '%@%'");
    Domain after = email("VALUE LIKE '%_@_%'");
    List<Op> ops =
        diff(
            schema(List.of(), Optional.of(before), false),
            schema(List.of(), Optional.of(after), false));
    assertThat(ops)
        .containsExactly(new DropDomain(EMAIL, Optional.of(before)), new CreateDomain(after));
    assertThat(ops.get(0).reverse()).isEqualTo(new CreateDomain(before));
  }
}
