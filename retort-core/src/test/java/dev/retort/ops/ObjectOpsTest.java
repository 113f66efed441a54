package dev.retort.ops;

import static dev.retort.schema.ColumnType.integer;
import static dev.retort.schema.ColumnType.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Domain;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The enum, sequence, domain, schema, extension, comment, validation and bulk insert ops. */
class ObjectOpsTest {
  private static final QualifiedName MOOD = QualifiedName.of("app", "mood");
  private static final QualifiedName ORDERS = QualifiedName.of("orders");
  private static final Sequence SEQ =
      new Sequence(
          QualifiedName.of("app", "order_no"),
          Optional.of(1000L),
          10,
          Optional.of(1000L),
          Optional.empty(),
          20,
          true,
          Optional.of(new ColumnRef(QualifiedName.of("app", "orders"), "no")));
  private static final Domain EMAIL =
      new Domain(
          QualifiedName.of("email"),
          text(),
          false,
          Optional.of(DefaultValue.literal("nobody@example.org")),
          List.of(new CheckConstraint(Optional.of("email_has_at"), "VALUE LIKE '%@%'")));

  private final List<Op> ops = new ArrayList<>();
  private final Operations op = new Operations(OpSink.recording(ops, "test"));

  static Stream<Op> reversible() {
    return Stream.of(
        new CreateEnum(MOOD, List.of("sad", "ok", "happy")),
        new DropEnum(MOOD, Optional.of(List.of("sad", "ok", "happy"))),
        new RenameEnumValue(MOOD, "ok", "fine"),
        new RenameType(MOOD, "feeling"),
        new CreateSequence(SEQ),
        new DropSequence(SEQ.name(), Optional.of(SEQ)),
        new AlterSequence(SEQ.name(), Sequence.of(SEQ.name()), SEQ),
        new CreateDomain(EMAIL),
        new DropDomain(EMAIL.name(), Optional.of(EMAIL)),
        new CreateSchema("audit", false),
        new CreateSchema("audit", true),
        new DropSchema("audit", true, false),
        new CreateExtension("citext", Optional.of("ext"), true),
        new DropExtension("citext", Optional.empty(), false),
        new SetTableComment(ORDERS, Optional.empty(), Optional.of("it's")),
        new SetTableComment(ORDERS, Optional.of("old"), Optional.empty()),
        new SetColumnComment(ORDERS, "total", Optional.of("a"), Optional.of("b")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reversible")
  void reverseOfReverseIsTheOp(Op original) {
    Op reverse = original.reverse();
    assertThat(reverse).isNotEqualTo(original);
    assertThat(reverse.reverse()).isEqualTo(original);
  }

  static Stream<Op> irreversible() {
    return Stream.of(
        new DropEnum(MOOD, Optional.empty()),
        new AddEnumValue(MOOD, "meh", Optional.empty(), Optional.of("sad")),
        new DropSequence(SEQ.name(), Optional.empty()),
        new DropDomain(EMAIL.name(), Optional.empty()),
        new DropSchema("audit", false, true),
        new ValidateConstraint(ORDERS, "ck_total"),
        new BulkInsert(ORDERS, List.of("id"), List.of(List.of(1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("irreversible")
  void irreversibleOpsSayWhichOpAndWhy(Op original) {
    assertThatThrownBy(original::reverse)
        .isInstanceOf(IrreversibleOperationException.class)
        .hasMessageStartingWith(original.describe() + " cannot be reversed: ");
  }

  @Test
  void reversesSwapWhatTheyShould() {
    assertThat(new RenameType(MOOD, "feeling").reverse())
        .isEqualTo(new RenameType(QualifiedName.of("app", "feeling"), "mood"));
    assertThat(new SetColumnComment(ORDERS, "total", Optional.empty(), Optional.of("x")).reverse())
        .isEqualTo(new SetColumnComment(ORDERS, "total", Optional.of("x"), Optional.empty()));
    assertThat(new CreateSchema("audit", true).reverse())
        .isEqualTo(new DropSchema("audit", true, false));
    assertThat(new AddEnumValue(MOOD, "x", Optional.empty(), Optional.empty()).describe())
        .isEqualTo("add value x to enum app.mood");
    assertThatThrownBy(
            () -> new AddEnumValue(MOOD, "x", Optional.empty(), Optional.empty()).reverse())
        .hasMessageContaining("PostgreSQL cannot drop a value from an enum");
    assertThatThrownBy(() -> new ValidateConstraint(ORDERS, "ck").reverse())
        .hasMessageContaining("leave it out of the downgrade");
  }

  @Test
  void definitionsRefuseWhatTheDatabaseWould() {
    assertThatThrownBy(() -> new CreateEnum(MOOD, List.of("a", "b", "a")))
        .hasMessageContaining("lists a value twice");
    assertThatThrownBy(() -> new AddEnumValue(MOOD, "x", Optional.of("a"), Optional.of("b")))
        .hasMessageContaining("not both");
    assertThatThrownBy(
            () ->
                new Sequence(
                    MOOD,
                    Optional.empty(),
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    1,
                    false,
                    Optional.empty()))
        .hasMessageContaining("increment cannot be zero");
    assertThatThrownBy(
            () ->
                new Sequence(
                    MOOD,
                    Optional.empty(),
                    1,
                    Optional.of(5L),
                    Optional.of(5L),
                    1,
                    false,
                    Optional.empty()))
        .hasMessageContaining("must be below");
    assertThatThrownBy(
            () ->
                new Domain(
                    MOOD,
                    text(),
                    true,
                    Optional.empty(),
                    List.of(new CheckConstraint(Optional.empty(), "VALUE <> ''"))))
        .hasMessageContaining("every check needs a name");
    assertThatThrownBy(() -> new AlterSequence(SEQ.name(), SEQ, SEQ))
        .hasMessageContaining("changes nothing");
    assertThatThrownBy(() -> new AlterSequence(MOOD, SEQ, SEQ))
        .hasMessageContaining("must both be");
    assertThatThrownBy(() -> new BulkInsert(ORDERS, List.of("a", "b"), List.of(List.of(1))))
        .hasMessageContaining("row 0 has 1 values for 2 columns");
    assertThatThrownBy(() -> new BulkInsert(ORDERS, List.of(), List.of()))
        .hasMessageContaining("names no columns");
  }

  @Test
  void effectiveStartFollowsTheDirection() {
    QualifiedName s = QualifiedName.of("s");
    assertThat(Sequence.of(s).effectiveStart()).isEqualTo(1);
    assertThat(
            new Sequence(
                    s,
                    Optional.empty(),
                    1,
                    Optional.of(7L),
                    Optional.empty(),
                    1,
                    false,
                    Optional.empty())
                .effectiveStart())
        .isEqualTo(7);
    assertThat(
            new Sequence(
                    s,
                    Optional.empty(),
                    -2,
                    Optional.empty(),
                    Optional.empty(),
                    1,
                    false,
                    Optional.empty())
                .effectiveStart())
        .isEqualTo(-1);
    assertThat(
            new Sequence(
                    s,
                    Optional.empty(),
                    -2,
                    Optional.empty(),
                    Optional.of(50L),
                    1,
                    false,
                    Optional.empty())
                .effectiveStart())
        .isEqualTo(50);
  }

  @Test
  void bulkInsertBatchesByRowsAndByParameters() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 2501; i++) {
      rows.add(Arrays.asList(i, null, "r" + i));
    }
    BulkInsert insert = new BulkInsert(ORDERS, List.of("a", "b", "c"), rows);
    assertThat(insert.batches(1000, 30_000))
        .extracting(List::size)
        .containsExactly(1000, 1000, 501);
    // 30,000 / 3 columns would allow 10,000 rows; 999 parameters allow only 333
    assertThat(insert.batches(1000, 999))
        .extracting(List::size)
        .containsExactly(333, 333, 333, 333, 333, 333, 333, 170);
    assertThat(insert.batches(1000, 2)).hasSize(2501);
    assertThat(insert.batches(1000, 30_000).get(2).get(500)).containsExactly(2500, null, "r2500");
    assertThat(new BulkInsert(ORDERS, List.of("a"), List.of()).batches(10, 10)).isEmpty();
    assertThat(insert.rows().get(0)).containsExactly(0, null, "r0");
    rows.get(0).set(0, 99);
    assertThat(insert.rows().get(0)).as("a copy, not a view").containsExactly(0, null, "r0");
  }

  @Test
  void operationsBuildTheOps() {
    op.createEnum("app.mood", "sad", "ok", "happy")
        .dropEnum("app.mood", "sad", "ok", "happy")
        .dropEnum("app.mood")
        .addEnumValue("app.mood", "meh")
        .addEnumValueBefore("app.mood", "meh", "ok")
        .addEnumValueAfter("app.mood", "meh", "ok")
        .renameEnumValue("app.mood", "ok", "fine")
        .renameType("app.mood", "feeling");
    assertThat(ops)
        .containsExactly(
            new CreateEnum(MOOD, List.of("sad", "ok", "happy")),
            new DropEnum(MOOD, Optional.of(List.of("sad", "ok", "happy"))),
            new DropEnum(MOOD, Optional.empty()),
            new AddEnumValue(MOOD, "meh", Optional.empty(), Optional.empty()),
            new AddEnumValue(MOOD, "meh", Optional.of("ok"), Optional.empty()),
            new AddEnumValue(MOOD, "meh", Optional.empty(), Optional.of("ok")),
            new RenameEnumValue(MOOD, "ok", "fine"),
            new RenameType(MOOD, "feeling"));
    ops.clear();

    op.createSequence(
            "app.order_no",
            s ->
                s.start(1000)
                    .increment(10)
                    .minValue(1000)
                    .cache(20)
                    .cycle()
                    .ownedBy("orders", "no"))
        .createSequence("t")
        .alterSequence(
            "app.order_no",
            s -> {},
            s ->
                s.start(1000)
                    .increment(10)
                    .minValue(1000)
                    .cache(20)
                    .cycle()
                    .ownedBy("app.orders", "no"))
        .dropSequence("t")
        .dropSequence(
            "app.order_no",
            s ->
                s.start(1000)
                    .increment(10)
                    .minValue(1000)
                    .cache(20)
                    .cycle()
                    .ownedBy("orders", "no"));
    assertThat(ops)
        .containsExactly(
            new CreateSequence(SEQ),
            new CreateSequence(Sequence.of(QualifiedName.of("t"))),
            new AlterSequence(SEQ.name(), Sequence.of(SEQ.name()), SEQ),
            new DropSequence(QualifiedName.of("t"), Optional.empty()),
            new DropSequence(SEQ.name(), Optional.of(SEQ)));
    ops.clear();

    op.createDomain(
            "email",
            text(),
            d ->
                d.notNull()
                    .defaultValue("nobody@example.org")
                    .check("email_has_at", "VALUE LIKE '%@%'"))
        .dropDomain("email")
        .dropDomain(
            "email",
            text(),
            d ->
                d.notNull()
                    .defaultValue("nobody@example.org")
                    .check("email_has_at", "VALUE LIKE '%@%'"))
        .createDomain("n", integer(), d -> d.defaultExpr("0"));
    assertThat(ops)
        .containsExactly(
            new CreateDomain(EMAIL),
            new DropDomain(EMAIL.name(), Optional.empty()),
            new DropDomain(EMAIL.name(), Optional.of(EMAIL)),
            new CreateDomain(
                new Domain(
                    QualifiedName.of("n"),
                    integer(),
                    true,
                    Optional.of(DefaultValue.expression("0")),
                    List.of())));
    ops.clear();

    op.createSchema("audit")
        .createSchema("audit", true)
        .dropSchema("audit")
        .dropSchema("audit", true)
        .createExtension("citext")
        .createExtension("pgcrypto", "ext", true)
        .dropExtension("citext")
        .dropExtension("pgcrypto", null, true);
    assertThat(ops)
        .containsExactly(
            new CreateSchema("audit", false),
            new CreateSchema("audit", true),
            new DropSchema("audit", false, false),
            new DropSchema("audit", false, true),
            new CreateExtension("citext", Optional.empty(), false),
            new CreateExtension("pgcrypto", Optional.of("ext"), true),
            new DropExtension("citext", Optional.empty(), false),
            new DropExtension("pgcrypto", Optional.empty(), true));
    ops.clear();

    op.setTableComment("orders", "it's")
        .setTableComment("orders", "it's", null)
        .setColumnComment("orders", "total", "sum")
        .setColumnComment("orders", "total", "sum", "gross")
        .validateConstraint("ck_total", "orders")
        .bulkInsert(
            "orders", List.of("id", "note"), List.of(List.of(1, "a"), Arrays.asList(2, null)));
    assertThat(ops)
        .containsExactly(
            new SetTableComment(ORDERS, Optional.empty(), Optional.of("it's")),
            new SetTableComment(ORDERS, Optional.of("it's"), Optional.empty()),
            new SetColumnComment(ORDERS, "total", Optional.empty(), Optional.of("sum")),
            new SetColumnComment(ORDERS, "total", Optional.of("sum"), Optional.of("gross")),
            new ValidateConstraint(ORDERS, "ck_total"),
            new BulkInsert(
                ORDERS, List.of("id", "note"), List.of(List.of(1, "a"), Arrays.asList(2, null))));
  }
}
