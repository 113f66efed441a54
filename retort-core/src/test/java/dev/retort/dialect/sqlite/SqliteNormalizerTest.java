package dev.retort.dialect.sqlite;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.TableBuilder;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteNormalizerTest {
  private final SqliteNormalizer normalizer = new SqliteNormalizer();

  private Table normalized(Table t) {
    return normalizer.normalize(new Schema(List.of(t))).tables().get(0);
  }

  @Test
  void commentsAreDroppedAsSqliteKeepsNone() {
    Table t =
        normalized(
            TableBuilder.table(
                "t",
                b -> {
                  b.column("a", text()).comment("about a");
                  b.comment("the table");
                }));
    assertThat(t.comment()).isEmpty();
    assertThat(t.columns().get(0).comment()).isEmpty();
  }

  @Test
  void anAutoincrementKeyIsIntegerNotNullWhateverItsIntegerKind() {
    Table t =
        normalized(
            TableBuilder.table(
                "t",
                b -> {
                  b.column("id", bigint()).primaryKey().autoIncrement();
                  b.column("n", bigint());
                }));
    assertThat(t.columns().get(0).type()).isEqualTo(integer());
    assertThat(t.columns().get(0).nullable()).isFalse();
    assertThat(t.columns().get(1).type()).isEqualTo(bigint());
  }
}
