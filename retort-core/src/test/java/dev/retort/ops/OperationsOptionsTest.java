package dev.retort.ops;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The index, key, column and table options: what the builders make and how each reverses. */
class OperationsOptionsTest {
  private final List<Op> ops = new ArrayList<>();
  private final Operations op = new Operations(OpSink.recording(ops, "test"));

  private static final QualifiedName T = QualifiedName.of("t");

  @Test
  void indexBuilderMakesPartsInOrderWithTheirOptions() {
    op.createIndex(
        "ix",
        "app.t",
        ix ->
            ix.column("a")
                .desc()
                .nullsLast()
                .expression("lower(email)")
                .using("gin")
                .opclass("jsonb_path_ops")
                .include("b", "c")
                .where("deleted_at IS NULL")
                .unique()
                .concurrently());
    CreateIndex create = (CreateIndex) ops.get(0);
    assertThat(create.concurrently()).isTrue();
    Index index = create.index();
    assertThat(index.table()).isEqualTo(QualifiedName.of("app", "t"));
    assertThat(index.parts())
        .containsExactly(
            new IndexPart("a", false, IndexPart.Order.DESC, IndexPart.Nulls.LAST, Optional.empty()),
            new IndexPart(
                "lower(email)",
                true,
                IndexPart.Order.DEFAULT,
                IndexPart.Nulls.DEFAULT,
                Optional.of("jsonb_path_ops")));
    assertThat(index.columns()).containsExactly("a");
    assertThat(index.method()).contains("gin");
    assertThat(index.include()).containsExactly("b", "c");
    assertThat(index.where()).contains("deleted_at IS NULL");
    assertThat(index.unique()).isTrue();
  }

  @Test
  void theSimpleIndexFormsStayPlain() {
    op.createIndex("ix", "t", "a", "b");
    op.createUniqueIndex("ux", "t", "a");
    assertThat(ops)
        .containsExactly(
            new CreateIndex(new Index("ix", T, List.of("a", "b"), false, Optional.empty()), false),
            new CreateIndex(new Index("ux", T, List.of("a"), true, Optional.empty())));
    assertThat(((CreateIndex) ops.get(0)).index().parts())
        .containsExactly(IndexPart.column("a"), IndexPart.column("b"));
  }

  @Test
  void everyNewVariantReversesToItself() {
    op.createIndex("ix", "t", ix -> ix.column("a").desc().expression("lower(b)").concurrently());
    op.dropIndex("ix", "t", ix -> ix.column("a").asc().nullsFirst().concurrently());
    op.dropIndex("ix", "t", ix -> ix.using("brin").column("a").include("b"));
    op.createForeignKey(
        "fk", "t", List.of("a"), fk -> fk.references("u", "id").initiallyDeferred().notValid());
    op.createCheckConstraintNotValid("ck", "t", "a <> 'it''s'");
    op.createPrimaryKey("pk", "t", "a", "b");
    op.createTableIfNotExists(
        "s.t",
        t -> {
          t.column("id", integer()).primaryKey().identity(Identity.ALWAYS);
          t.column("name", text()).collation("C");
          t.index("ix_name", ix -> ix.column("name").desc());
        });
    op.alterColumn(
        "t",
        "c",
        c ->
            c.existingType(varchar(10))
                .type(integer())
                .using("nullif(c, '')::integer")
                .reverseUsing("c::varchar(10)"));
    op.alterColumn("t", "c", c -> c.existingType(text()).existingCollation("C").collation("POSIX"));
    op.alterColumn("t", "c", c -> c.existingType(text()).collation("C"));
    op.alterColumn("t", "c", c -> c.identity(Identity.ALWAYS));
    op.alterColumn("t", "c", c -> c.existingIdentity(Identity.ALWAYS).identity(Identity.NONE));
    op.alterColumn(
        "t", "c", c -> c.existingIdentity(Identity.BY_DEFAULT).identity(Identity.ALWAYS));
    op.alterColumn("t", "c", c -> c.existingComment("old").comment("new"));
    op.alterColumn("t", "c", c -> c.comment("first"));
    op.alterColumn("t", "c", c -> c.existingComment("gone").dropComment().rename("d"));
    assertThat(ops).hasSize(16);
    for (Op o : ops) {
      assertThat(o.reverse().reverse()).as(o.describe()).isEqualTo(o);
    }
  }

  @Test
  void reversesCarryTheOptionsAcross() {
    op.createIndex("ix", "t", ix -> ix.column("a").concurrently());
    DropIndex drop = (DropIndex) ops.get(0).reverse();
    assertThat(drop.concurrently()).isTrue();
    assertThat(drop.definition()).contains(((CreateIndex) ops.get(0)).index());

    op.createForeignKey("fk", "t", List.of("a"), fk -> fk.references("u", "id").notValid());
    DropConstraint dropFk = (DropConstraint) ops.get(1).reverse();
    assertThat(dropFk.restoreNotValid()).isTrue();
    assertThat(dropFk.reverse().notValid()).isTrue();

    op.createTableIfNotExists("t", t -> t.column("id", integer()));
    assertThat(((DropTable) ops.get(2).reverse()).ifExists()).isTrue();
  }

  @Test
  void aUsingExpressionReversesOnlyToTheGivenReverseUsing() {
    op.alterColumn(
        "t", "c", c -> c.existingType(varchar(10)).type(integer()).using("nullif(c, '')::integer"));
    AlterColumn back = (AlterColumn) ops.get(0).reverse();
    assertThat(back.changed(ColumnChange.TYPE, ColumnState::type)).contains(varchar(10));
    assertThat(back.using()).isEmpty();
    assertThat(back.reverseUsing()).contains("nullif(c, '')::integer");

    op.alterColumn(
        "t",
        "c",
        c ->
            c.existingType(varchar(10))
                .type(integer())
                .using("c::integer")
                .reverseUsing("lpad(c::text, 10, '0')"));
    assertThat(((AlterColumn) ops.get(1).reverse()).using()).contains("lpad(c::text, 10, '0')");
  }

  @Test
  void collationIdentityAndCommentSwapOnReverse() {
    op.alterColumn("t", "c", c -> c.existingType(text()).collation("C"));
    AlterColumn collate = (AlterColumn) ops.get(0);
    // no existing collation said: the column has the database default
    assertThat(collate.from().collation()).contains("default");
    assertThat(collate.reverse().changed(ColumnChange.COLLATION, ColumnState::collation))
        .contains("default");

    op.alterColumn("t", "id", c -> c.identity(Identity.BY_DEFAULT));
    AlterColumn add = (AlterColumn) ops.get(1);
    assertThat(add.from().identity()).contains(Identity.NONE);
    assertThat(add.reverse().changed(ColumnChange.IDENTITY, ColumnState::identity))
        .contains(Identity.NONE);

    op.alterColumn("t", "c", c -> c.comment("hello"));
    AlterColumn comment = (AlterColumn) ops.get(2).reverse();
    assertThat(comment.has(ColumnChange.COMMENT)).isTrue();
    assertThat(comment.to().comment()).isEmpty();
    assertThat(comment.from().comment()).contains("hello");
  }

  @Test
  void irreversibleVariantsNameTheOp() {
    op.dropIndexConcurrently("ix", "t");
    op.alterColumn("t", "c", c -> c.identity(Identity.NONE));
    assertThatThrownBy(() -> ops.get(0).reverse())
        .isInstanceOf(IrreversibleOperationException.class)
        .hasMessageContaining("drop index concurrently ix on t cannot be reversed");
    assertThatThrownBy(() -> ops.get(1).reverse())
        .isInstanceOf(IrreversibleOperationException.class)
        .hasMessageContaining("alter column t.c (drop identity) cannot be reversed")
        .hasMessageContaining("existingIdentity");
  }

  @Test
  void misusedOptionsAreRefusedWhereTheyAreWritten() {
    assertThatThrownBy(() -> op.alterColumn("t", "c", c -> c.using("c::int")))
        .hasMessageContaining("using(...) applies to a type change");
    assertThatThrownBy(() -> op.alterColumn("t", "c", c -> c.collation("C")))
        .hasMessageContaining("give existingType");
    assertThatThrownBy(() -> op.createIndex("ix", "t", ix -> ix.desc()))
        .hasMessageContaining("call column(...) or expression(...) first");
    assertThatThrownBy(() -> op.createIndex("ix", "t", ix -> ix.column("a").using("gin; DROP")))
        .hasMessageContaining("not a plain name");
    assertThatThrownBy(
            () ->
                op.createTable(
                    "t",
                    t -> {
                      t.column("a", integer());
                      t.index("ix", ix -> ix.column("a").concurrently());
                    }))
        .hasMessageContaining("concurrently() does not apply");
    assertThatThrownBy(() -> new AddConstraint(T, PrimaryKey.of("a"), true))
        .hasMessageContaining("only a foreign key or a check constraint can be added NOT VALID");
    assertThatThrownBy(
            () ->
                new ForeignKey(
                    Optional.of("fk"),
                    List.of("a"),
                    T,
                    List.of("id"),
                    ReferentialAction.NO_ACTION,
                    ReferentialAction.NO_ACTION,
                    false,
                    true))
        .hasMessageContaining("must be deferrable");
    assertThat(ops).isEmpty();
  }

  @Test
  void oldConstructorsStillBuildTheSameValues() {
    assertThat(new Column("id", bigint(), false, Optional.empty(), true, Optional.empty()))
        .isEqualTo(
            new Column(
                "id",
                bigint(),
                false,
                Optional.empty(),
                true,
                Optional.empty(),
                Optional.empty(),
                Identity.BY_DEFAULT));
    Column always = Column.of("id", bigint()).withIdentity(Identity.ALWAYS);
    assertThat(always.autoIncrement()).isTrue();
    assertThat(always.withAutoIncrement(true).identity()).isEqualTo(Identity.ALWAYS);
    assertThat(always.withAutoIncrement(false).identity()).isEqualTo(Identity.NONE);
    assertThat(
            new ForeignKey(
                    Optional.of("fk"),
                    List.of("a"),
                    T,
                    List.of("id"),
                    ReferentialAction.CASCADE,
                    ReferentialAction.NO_ACTION)
                .deferrable())
        .isFalse();
    assertThat(new AddConstraint(T, new CheckConstraint(Optional.of("ck"), "a > 0")).notValid())
        .isFalse();
    assertThat(new DropIndex(T, "ix", Optional.empty()).concurrently()).isFalse();
  }
}
