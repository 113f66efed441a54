package dev.retort.diff;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.AlterSequence;
import dev.retort.ops.CreateExtension;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.DropExtension;
import dev.retort.ops.DropSequence;
import dev.retort.ops.Op;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.EnumType;
import dev.retort.schema.Extension;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sequences and extensions: created before what uses them, dropped after, reversible exactly. */
class DifferSequenceTest {
  private static final QualifiedName ORDER_NO = QualifiedName.of("order_no");
  private static final QualifiedName ORDERS = QualifiedName.of("orders");

  private static Sequence orderNo(long increment) {
    return new Sequence(
        ORDER_NO,
        Optional.of(1000L),
        increment,
        Optional.empty(),
        Optional.empty(),
        1,
        false,
        Optional.empty());
  }

  private static Table orders() {
    return new Table(
        ORDERS,
        List.of(
            new Column(
                "no",
                bigint(),
                false,
                Optional.of(DefaultValue.expression("nextval('order_no'::regclass)")),
                false,
                Optional.empty())),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  private static Schema full(Sequence s) {
    return new Schema(
        List.of(orders()),
        List.of(new EnumType(QualifiedName.of("mood"), List.of("ok"))),
        List.of(),
        List.of(s),
        List.of(Extension.of("citext")));
  }

  private static final Schema EMPTY = new Schema(List.of());

  private static List<Op> diff(Schema from, Schema to) {
    return new Differ().diff(from, to, DiffOptions.defaults()).ops();
  }

  private static List<Op> reversed(List<Op> ops) {
    List<Op> out = new ArrayList<>();
    for (int i = ops.size() - 1; i >= 0; i--) {
      out.add(ops.get(i).reverse());
    }
    return out;
  }

  @Test
  void extensionsThenTypesThenSequencesThenTables() {
    assertThat(diff(EMPTY, full(orderNo(10))))
        .extracting(Op::describe)
        .containsExactly(
            "create extension citext",
            "create enum mood",
            "create sequence order_no",
            "create table orders");
  }

  @Test
  void dropsGoInTheReverseOrderAndCarryWhatTheirReverseNeeds() {
    List<Op> down = diff(full(orderNo(10)), EMPTY);
    assertThat(down)
        .extracting(Op::describe)
        .containsExactly(
            "drop table orders",
            "drop sequence order_no",
            "drop enum mood",
            "drop extension citext");
    assertThat(down.get(1)).isEqualTo(new DropSequence(ORDER_NO, Optional.of(orderNo(10))));
    assertThat(reversed(down)).isEqualTo(diff(EMPTY, full(orderNo(10))));
  }

  @Test
  void sameSequenceSpeltWithDefaultsIsNoChange() {
    Sequence implicit = Sequence.of(ORDER_NO);
    Sequence explicit =
        new Sequence(
            ORDER_NO,
            Optional.of(1L),
            1,
            Optional.of(1L),
            Optional.of(Long.MAX_VALUE),
            1,
            false,
            Optional.empty());
    Schema a =
        new Schema(
            List.of(), List.of(), List.of(), List.of(implicit), List.of(Extension.of("citext")));
    Schema b =
        new Schema(
            List.of(),
            List.of(),
            List.of(),
            List.of(explicit),
            List.of(new Extension("citext", Optional.of("public"))));
    assertThat(diff(a, b)).isEmpty();
    assertThat(diff(full(orderNo(10)), full(orderNo(10)))).isEmpty();
  }

  @Test
  void changedOptionsAreOneAlterWhoseReverseIsExact() {
    List<Op> ops = diff(full(orderNo(10)), full(orderNo(5)));
    assertThat(ops).containsExactly(new AlterSequence(ORDER_NO, orderNo(10), orderNo(5)));
    assertThat(ops.get(0).reverse())
        .isEqualTo(new AlterSequence(ORDER_NO, orderNo(5), orderNo(10)));
  }

  @Test
  void anOwnerIsSetOnceItsColumnExistsAndRemovedBeforeItGoes() {
    Sequence owned =
        new Sequence(
            ORDER_NO,
            Optional.empty(),
            1,
            Optional.empty(),
            Optional.empty(),
            1,
            false,
            Optional.of(new ColumnRef(ORDERS, "no")));
    Schema withOwner =
        new Schema(List.of(orders()), List.of(), List.of(), List.of(owned), List.of());
    List<Op> up = diff(EMPTY, withOwner);
    assertThat(up)
        .containsExactly(
            new CreateSequence(Sequence.of(ORDER_NO)),
            new dev.retort.ops.CreateTable(orders()),
            new AlterSequence(ORDER_NO, Sequence.of(ORDER_NO), owned));
    List<Op> down = diff(withOwner, EMPTY);
    assertThat(down).isEqualTo(reversed(up));

    Schema tableOnly = new Schema(List.of(orders()));
    assertThat(diff(tableOnly, withOwner)).containsExactly(new CreateSequence(owned));
  }

  @Test
  void extensionsAreAddedAndDroppedByName() {
    Schema one =
        new Schema(List.of(), List.of(), List.of(), List.of(), List.of(Extension.of("citext")));
    Schema other =
        new Schema(List.of(), List.of(), List.of(), List.of(), List.of(Extension.of("pgcrypto")));
    assertThat(diff(one, other))
        .containsExactly(
            new CreateExtension("pgcrypto", Optional.empty(), false),
            new DropExtension("citext", Optional.empty(), false));
  }
}
