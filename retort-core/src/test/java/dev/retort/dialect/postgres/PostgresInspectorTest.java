package dev.retort.dialect.postgres;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.schema.DefaultValue;
import org.junit.jupiter.api.Test;

class PostgresInspectorTest {
  @Test
  void formatTypeTextMapsToPortableKinds() {
    assertThat(PostgresInspector.type("character varying(255)")).isEqualTo(varchar(255));
    assertThat(PostgresInspector.type("character(2)")).isEqualTo(fixedChar(2));
    assertThat(PostgresInspector.type("numeric(12,4)")).isEqualTo(numeric(12, 4));
    assertThat(PostgresInspector.type("timestamp with time zone")).isEqualTo(timestamptz());
    assertThat(PostgresInspector.type("timestamp without time zone")).isEqualTo(timestamp());
    assertThat(PostgresInspector.type("bytea")).isEqualTo(bytes());
    assertThat(PostgresInspector.type("integer[]")).isEqualTo(raw("integer[]"));
    assertThat(PostgresInspector.type("character varying")).isEqualTo(raw("character varying"));
  }

  @Test
  void storedDefaultsComeBackAsLiteralsWhereTheyAreOnes() {
    assertThat(PostgresInspector.defaultValue("'it''s'::character varying"))
        .isEqualTo(DefaultValue.literal("it's"));
    assertThat(PostgresInspector.defaultValue("'{}'::jsonb")).isEqualTo(DefaultValue.literal("{}"));
    assertThat(PostgresInspector.defaultValue("42")).isEqualTo(DefaultValue.literal("42"));
    // DEFAULT '-1.5' on a numeric column stays as written, so that it is created the same way
    assertThat(PostgresInspector.defaultValue("'-1.5'::numeric"))
        .isEqualTo(DefaultValue.expression("'-1.5'::numeric"));
    assertThat(PostgresInspector.defaultValue("(-7)")).isEqualTo(DefaultValue.literal("-7"));
    assertThat(PostgresInspector.defaultValue("false")).isEqualTo(DefaultValue.literal("false"));
    assertThat(PostgresInspector.defaultValue("now()")).isEqualTo(DefaultValue.expression("now()"));
    assertThat(PostgresInspector.defaultValue("'a'::text || 'b'::text"))
        .isEqualTo(DefaultValue.expression("'a'::text || 'b'::text"));
  }
}
