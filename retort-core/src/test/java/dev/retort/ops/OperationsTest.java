package dev.retort.ops;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperationsTest {
  private final List<Op> ops = new ArrayList<>();
  private final Operations op = new Operations(OpSink.recording(ops, "test"));

  @Test
  void createTableCollectsColumnsKeysAndConstraints() {
    op.createTable(
        "goal",
        t -> {
          t.column("id", integer()).primaryKey().autoIncrement();
          t.column("user_id", integer())
              .notNull()
              .references("user", "id")
              .onDelete(ReferentialAction.CASCADE);
          t.column("email", varchar(120)).notNull().unique();
          t.column("done", bool()).notNull().defaultValue(false);
          t.check("ck_goal", "id > 0");
          t.index("ix_goal_user", "user_id");
        });
    Table table = ((CreateTable) ops.get(0)).table();
    assertThat(table.name()).isEqualTo(QualifiedName.of("goal"));
    assertThat(table.primaryKey().orElseThrow().columns()).containsExactly("id");
    assertThat(table.column("id").orElseThrow().nullable()).isFalse();
    assertThat(table.column("id").orElseThrow().autoIncrement()).isTrue();
    ForeignKey fk = table.foreignKeys().get(0);
    assertThat(fk.name()).contains("goal_user_id_fkey");
    assertThat(fk.referencedTable()).isEqualTo(QualifiedName.of("user"));
    assertThat(fk.onDelete()).isEqualTo(ReferentialAction.CASCADE);
    assertThat(table.uniques().get(0).name()).contains("goal_email_key");
    assertThat(table.column("done").orElseThrow().defaultValue())
        .contains(new DefaultValue.Literal("false"));
    assertThat(table.checks()).hasSize(1);
    assertThat(table.indexes().get(0).columns()).containsExactly("user_id");
  }

  @Test
  void everyReversibleOpReversesToItself() {
    op.createTable("a.t", t -> t.column("id", bigint()).primaryKey());
    op.renameTable("a.t", "u");
    op.addColumn("u", "c", text(), c -> c.notNull().defaultValue("x'y"));
    op.alterColumn(
        "u",
        "c",
        c ->
            c.existingType(text())
                .type(varchar(10))
                .existingNullable(false)
                .nullable(true)
                .defaultExpr("'z'")
                .existingDefault("x'y")
                .rename("d"));
    op.createUniqueIndex("ix", "u", "c");
    op.createForeignKey("fk", "u", List.of("c"), "v", List.of("id"));
    op.createUniqueConstraint("uq", "u", "c");
    op.createCheckConstraint("ck", "u", "c <> ''");
    op.apply(new ExecuteSql("UPDATE u SET c = 1", List.of(), Optional.of("UPDATE u SET c = 0")));
    for (Op o : ops) {
      assertThat(o.reverse().reverse()).as(o.describe()).isEqualTo(o);
    }
    assertThat(((RenameTable) ops.get(1)).reverse())
        .isEqualTo(new RenameTable(QualifiedName.of("a", "u"), "t"));
    AlterColumn back = (AlterColumn) ops.get(3).reverse();
    assertThat(back.column()).isEqualTo("d");
    assertThat(back.renamedTo()).contains("c");
    assertThat(back.changed(ColumnChange.TYPE, ColumnState::type)).contains(text());
    assertThat(back.changed(ColumnChange.NULLABILITY, ColumnState::nullable)).contains(false);
    assertThat(back.to().defaultValue()).contains(DefaultValue.literal("x'y"));
  }

  @Test
  void dropsWithoutTheirDefinitionAreIrreversibleWithAMessage() {
    op.dropTable("t");
    op.dropColumn("t", "c");
    op.dropIndex("ix", "t");
    op.dropConstraint("fk", "t");
    op.execute("DELETE FROM t");
    for (Op o : ops) {
      assertThatThrownBy(o::reverse)
          .as(o.describe())
          .isInstanceOf(IrreversibleOperationException.class)
          .hasMessageContaining("cannot be reversed");
    }
  }

  @Test
  void parameterisedSqlReversesToItsUndo() {
    ExecuteSql up =
        new ExecuteSql("UPDATE u SET c = ?", List.of(1), Optional.of("UPDATE u SET c = 0"));
    assertThat(up.reverse())
        .isEqualTo(
            new ExecuteSql("UPDATE u SET c = 0", List.of(), Optional.of("UPDATE u SET c = ?")));
  }

  @Test
  void nullabilityReversesWithoutTheExistingValue() {
    op.alterColumn("t", "c", c -> c.nullable(false));
    assertThat(
            ((AlterColumn) ops.get(0))
                .reverse()
                .changed(ColumnChange.NULLABILITY, ColumnState::nullable))
        .contains(true);
  }

  @Test
  void typeChangeWithoutExistingTypeCannotBeReversed() {
    op.alterColumn("t", "c", c -> c.type(bigint()));
    assertThatThrownBy(() -> ops.get(0).reverse()).hasMessageContaining("existingType");
  }

  @Test
  void alterColumnThatChangesNothingIsRefused() {
    assertThatThrownBy(() -> op.alterColumn("t", "c", c -> c.existingType(text())))
        .hasMessageContaining("changes nothing");
  }

  @Test
  void executeKeepsNullParameters() {
    op.execute("UPDATE t SET a = ? WHERE b = ?", null, 2);
    assertThat(((ExecuteSql) ops.get(0)).parameters()).containsExactly(null, 2);
  }

  @Test
  void everyOpTypeIsAPermittedRecord() {
    for (Class<?> c : Op.class.getPermittedSubclasses()) {
      assertThat(c.isRecord()).as(c.getName()).isTrue();
    }
  }
}
