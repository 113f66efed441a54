package dev.retort.dsl;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.schema.ColumnType;
import dev.retort.schema.EnumType;
import dev.retort.schema.Extension;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaBuilderTest {

  @Test
  void enumTypesSequencesAndExtensionsGoIntoTheSchema() {
    SchemaBuilder s = new SchemaBuilder("postgresql");
    s.extension("citext");
    ColumnType mood = s.enumType("mood", "sad", "ok", "happy");
    s.sequence("order_no", q -> q.start(1000).increment(10));
    s.sequence("plain");
    s.table("orders", t -> t.column("mood", mood));

    Schema schema = s.schema();
    assertThat(schema.extensions()).containsExactly(Extension.of("citext"));
    assertThat(schema.enums())
        .containsExactly(new EnumType(QualifiedName.of("mood"), List.of("sad", "ok", "happy")));
    assertThat(schema.sequences())
        .containsExactly(
            new Sequence(
                QualifiedName.of("order_no"),
                Optional.of(1000L),
                10,
                Optional.empty(),
                Optional.empty(),
                1,
                false,
                Optional.empty()),
            Sequence.of(QualifiedName.of("plain")));
    assertThat(schema.tables().get(0).columns().get(0).type()).isEqualTo(raw("mood"));
  }

  @Test
  void postgresOnlyObjectsAreRefusedElsewhereAndTwiceIsAnError() {
    SchemaBuilder sqlite = new SchemaBuilder("sqlite");
    assertThatThrownBy(() -> sqlite.enumType("mood", "ok")).hasMessageContaining("only PostgreSQL");
    assertThatThrownBy(() -> sqlite.sequence("n")).hasMessageContaining("only PostgreSQL");
    SchemaBuilder pg = new SchemaBuilder("postgresql");
    pg.sequence("n");
    assertThatThrownBy(() -> pg.sequence("n")).hasMessageContaining("declared twice");
  }
}
