package dev.retort.schema;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A type change that keeps every value is no data loss; one that narrows or reinterprets is. */
class ColumnTypeWideningTest {
  private static void widens(ColumnType from, ColumnType to) {
    assertThat(to.holdsEveryValueOf(from)).as(from + " -> " + to).isTrue();
  }

  private static void narrows(ColumnType from, ColumnType to) {
    assertThat(to.holdsEveryValueOf(from)).as(from + " -> " + to).isFalse();
  }

  @Test
  void textAndCharacterTypes() {
    widens(varchar(120), varchar(255));
    widens(varchar(120), varchar(120));
    widens(varchar(255), text());
    widens(fixedChar(3), varchar(3));
    widens(uuid(), varchar(36));
    widens(integer(), text());
    narrows(varchar(255), varchar(120));
    narrows(text(), varchar(4000));
    narrows(uuid(), varchar(32));
    narrows(bytes(), text());
  }

  @Test
  void numbers() {
    widens(smallint(), integer());
    widens(integer(), bigint());
    widens(integer(), numeric(10, 0));
    widens(bigint(), numeric(0, 0));
    widens(numeric(8, 2), numeric(12, 4));
    widens(real(), doublePrecision());
    widens(integer(), doublePrecision());
    narrows(bigint(), integer());
    narrows(integer(), numeric(9, 0));
    narrows(numeric(12, 4), numeric(12, 2));
    narrows(numeric(8, 2), numeric(8, 4));
    narrows(doublePrecision(), real());
    narrows(bigint(), doublePrecision());
    narrows(numeric(10, 2), integer());
  }

  @Test
  void timesJsonAndRawTypes() {
    widens(date(), timestamp());
    widens(timestamp(), timestamptz());
    widens(jsonb(), json());
    narrows(timestamptz(), timestamp());
    narrows(timestamp(), date());
    narrows(json(), jsonb());
    widens(raw("citext"), raw("citext"));
    narrows(raw("citext"), raw("inet"));
    narrows(raw("int4"), bigint());
  }
}
