package dev.retort.dialect.mysql;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Sql;
import dev.retort.error.UsageException;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropTable;
import dev.retort.ops.Op;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The options the operation model grew after this dialect was written: rendered where MySQL and
 * MariaDB can express them, refused by name where they cannot, never dropped silently.
 */
class MySqlRendererOptionsTest {
  private static final MySqlDialect MY = new MySqlDialect();
  private static final QualifiedName T = QualifiedName.of("t");

  private static String render(Op op) {
    return MY.renderer(Catalog.NONE).render(op).stream()
        .map(Sql::text)
        .collect(Collectors.joining(";\n"));
  }

  private static Index index(List<IndexPart> parts, Optional<String> method, List<String> include) {
    return new Index("ix", T, parts, false, Optional.empty(), method, include);
  }

  @Test
  void indexKeyPartsKeepTheirOrderAndExpressions() {
    assertThat(
            render(
                new CreateIndex(
                    index(
                        List.of(IndexPart.column("a").desc(), IndexPart.expression("lower(b)")),
                        Optional.of("btree"),
                        List.of()))))
        .isEqualTo("CREATE INDEX ix ON t (a DESC, (lower(b))) USING BTREE");
  }

  @Test
  void whatMySqlLacksIsRefusedByName() {
    assertThatThrownBy(
            () ->
                render(
                    new CreateIndex(
                        index(List.of(IndexPart.column("a")), Optional.of("gin"), List.of()))))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("gin");
    assertThatThrownBy(
            () ->
                render(
                    new CreateIndex(
                        index(List.of(IndexPart.column("a")), Optional.empty(), List.of("b")))))
        .hasMessageContaining("INCLUDE");
    assertThatThrownBy(
            () ->
                render(
                    new CreateIndex(
                        index(
                            List.of(IndexPart.column("a").nullsLast()),
                            Optional.empty(),
                            List.of()))))
        .hasMessageContaining("NULLS FIRST/LAST");
    ForeignKey deferred =
        new ForeignKey(
            Optional.of("fk"),
            List.of("a"),
            QualifiedName.of("p"),
            List.of("id"),
            ReferentialAction.NO_ACTION,
            ReferentialAction.NO_ACTION,
            true,
            false);
    assertThatThrownBy(() -> render(new AddConstraint(T, deferred)))
        .hasMessageContaining("DEFERRABLE");
    assertThatThrownBy(
            () ->
                render(new AddConstraint(T, new CheckConstraint(Optional.of("ck"), "a > 0"), true)))
        .hasMessageContaining("NOT VALID");
    Column always = Column.of("id", bigint()).withNullable(false).withIdentity(Identity.ALWAYS);
    assertThatThrownBy(
            () ->
                render(
                    new CreateTable(
                        new Table(
                            T,
                            List.of(always),
                            Optional.empty(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            Optional.empty()))))
        .hasMessageContaining("ALWAYS");
  }

  @Test
  void alterColumnRestatesCollationIdentityAndComment() {
    AlterColumn change =
        AlterColumn.of(
            T,
            "name",
            c ->
                c.existingType(varchar(50))
                    .existingNullable(false)
                    .collation("utf8mb4_bin")
                    .comment("shown name"));
    assertThat(render(change))
        .isEqualTo(
            "ALTER TABLE t CHANGE COLUMN name name varchar(50) COLLATE utf8mb4_bin NOT NULL COMMENT 'shown name'");
    AlterColumn using =
        AlterColumn.of(
            T,
            "n",
            c -> c.existingType(text()).type(integer()).existingNullable(true).using("n::integer"));
    assertThatThrownBy(() -> render(using)).hasMessageContaining("USING");
  }

  @Test
  void ifNotExistsAndIfExistsAreKept() {
    Table t =
        new Table(
            T,
            List.of(Column.of("a", integer())),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    assertThat(render(new CreateTable(t, true))).startsWith("CREATE TABLE IF NOT EXISTS t (");
    assertThat(render(new DropTable(T, Optional.empty(), true)))
        .isEqualTo("DROP TABLE IF EXISTS t");
  }
}
