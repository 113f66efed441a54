package dev.retort.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.ExecuteSql;
import org.junit.jupiter.api.Test;

class PostgresAutocommitTest {
  private final PostgresDialect pg = new PostgresDialect();

  private boolean needs(String sql) {
    return pg.requiresAutocommit(ExecuteSql.of(sql));
  }

  @Test
  void statementsPostgresRefusesInATransactionBlock() {
    assertThat(needs("CREATE INDEX CONCURRENTLY ix ON t (a)")).isTrue();
    assertThat(needs("create unique index concurrently ix on t (a)")).isTrue();
    assertThat(needs("-- build it without locking writers\nCREATE INDEX CONCURRENTLY ix ON t (a)"))
        .isTrue();
    assertThat(needs("/* note */ DROP INDEX CONCURRENTLY ix")).isTrue();
    assertThat(needs("REINDEX INDEX CONCURRENTLY ix")).isTrue();
    assertThat(needs("VACUUM ANALYZE t")).isTrue();
    assertThat(needs("CREATE DATABASE other")).isTrue();
  }

  @Test
  void addingAnEnumValueLeavesTheTransactionOnlyOnServersBefore12() {
    var add =
        new dev.retort.ops.AddEnumValue(
            dev.retort.schema.QualifiedName.of("mood"),
            "meh",
            java.util.Optional.empty(),
            java.util.Optional.empty());
    assertThat(pg.requiresAutocommit(add, 11)).isTrue();
    assertThat(pg.requiresAutocommit(add, 0)).as("unknown (offline): the safe choice").isTrue();
    assertThat(pg.requiresAutocommit(add, 15)).isFalse();
  }

  @Test
  void ordinaryStatementsStayInTheTransaction() {
    assertThat(needs("CREATE INDEX ix ON t (a)")).isFalse();
    assertThat(needs("INSERT INTO notes VALUES ('CREATE INDEX CONCURRENTLY is slow')")).isFalse();
    assertThat(needs("CREATE TABLE vacuum_log (id int)")).isFalse();
    assertThat(needs("ALTER TABLE t ADD COLUMN concurrently int")).isFalse();
  }
}
