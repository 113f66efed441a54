package dev.retort.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keys of a CREATE INDEX statement, as SQLite keeps it in sqlite_master. */
class SqliteIndexKeysTest {
  @Test
  void keysAreSplitAtTopLevelCommasWithoutTheirOrder() {
    assertThat(
            SqliteTableSql.indexKeys(
                "CREATE INDEX ix ON \"books\" (lower(title) DESC, substr(name, 1, 3), \"author_id\" ASC) "
                    + "WHERE title <> ','"))
        .containsExactly("lower(title)", "substr(name, 1, 3)", "\"author_id\"");
  }

  @Test
  void anUnreadableStatementHasNoKeys() {
    assertThat(SqliteTableSql.indexKeys(null)).isEmpty();
    assertThat(SqliteTableSql.indexKeys("CREATE INDEX ix ON t (lower(a)")).isEmpty();
  }
}
