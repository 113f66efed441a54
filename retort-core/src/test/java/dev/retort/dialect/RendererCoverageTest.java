package dev.retort.dialect;

import static dev.retort.schema.ColumnType.integer;
import static dev.retort.schema.ColumnType.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropTable;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.Op;
import dev.retort.ops.RenameTable;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Proves that every dialect renders every op: the dispatch ladder in {@link Renderer#render(Op)}
 * covers each permitted subtype of {@link Op}, and no renderer throws for a plain sample. A new op
 * without a sample here fails the first test, so it cannot be forgotten.
 */
class RendererCoverageTest {

  private static final QualifiedName T = QualifiedName.of("t");
  private static final Table TABLE = new Table(T,
      List.of(Column.of("id", integer()).withNullable(false), Column.of("name", text())),
      Optional.of(PrimaryKey.of("id")), List.of(),
      List.of(new UniqueConstraint(Optional.of("uq_name"), List.of("name"))), List.of(),
      List.of(), Optional.empty());
  /**
   * A live catalog that knows the sample table, so that SQLite can plan rebuilds and MySQL can
   * restate altered columns and find the kind of a dropped constraint.
   */
  private static final Catalog LIVE = name -> name.equals(T) ? Optional.of(TABLE) : Optional.empty();

  static Map<Class<?>, Op> samples() {
    Index index = new Index("ix_t_name", T, List.of("name"), false, Optional.empty());
    Map<Class<?>, Op> samples = new LinkedHashMap<>();
    for (Op op : List.<Op>of(
        new CreateTable(TABLE),
        new DropTable(T, Optional.of(TABLE)),
        new RenameTable(T, "u"),
        new AddColumn(T, Column.of("extra", text())),
        new DropColumn(T, "name", Optional.empty()),
        new AlterColumn(T, "name", Optional.empty(), Optional.of(text()), Optional.of(integer()),
            Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty()),
        new CreateIndex(index),
        new DropIndex(T, "ix_t_name", Optional.of(index)),
        new AddConstraint(T, new UniqueConstraint(Optional.of("uq2"), List.of("id", "name"))),
        new DropConstraint(T, "uq_name", Optional.empty()),
        ExecuteSql.of("SELECT 1"))) {
      samples.put(op.getClass(), op);
    }
    return samples;
  }

  @Test
  void thereIsASampleOfEveryOp() {
    Set<Class<?>> permitted = Arrays.stream(Op.class.getPermittedSubclasses())
        .collect(Collectors.toSet());
    assertThat(permitted).isNotEmpty();
    assertThat(samples().keySet()).containsExactlyInAnyOrderElementsOf(permitted);
  }

  @Test
  void everyDialectRendersEveryOp() {
    List<Dialect> dialects = Dialects.all();
    assertThat(dialects).extracting(Dialect::name).contains("postgresql", "sqlite", "mysql");
    for (Dialect dialect : dialects) {
      Renderer renderer = dialect.renderer(LIVE);
      for (Op op : samples().values()) {
        List<Sql> sql = renderer.render(op);
        assertThat(sql).as(dialect.name() + ": " + op.describe()).isNotEmpty()
            .allSatisfy(s -> assertThat(s.text()).isNotBlank());
      }
    }
  }
}
