package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE INDEX CONCURRENTLY makes its migration run outside a transaction, without a header. */
class AutocommitIT {
  @TempDir Path dir;

  @BeforeEach
  void server() {
    Databases.requirePostgres();
  }

  @Test
  void sqlAndJavaMigrationsWithConcurrentlyRunInAutocommit() throws Exception {
    try (Databases.Pg pg = new Databases.Pg()) {
      Project p = new Project(dir, pg.url());
      p.sql(
          "c1",
          "",
          "CREATE TABLE t (a integer, b integer);\nINSERT INTO t SELECT g, g FROM generate_series(1, 1000) g;",
          "DROP TABLE t;");
      p.sql(
          "c2",
          "c1",
          "-- no header: retort sees the statement\nCREATE INDEX CONCURRENTLY ix_t_a ON t (a);",
          "DROP INDEX CONCURRENTLY ix_t_a;");
      Files.writeString(
          dir.resolve("migrations/c3_index_b.java"),
          """
          import dev.retort.migration.Migration;
          import dev.retort.migration.Revision;
          import dev.retort.ops.Operations;

          @Revision(id = "c3", revises = "c2", message = "index b")
          final class IndexB implements Migration {
            public void upgrade(Operations op) {
              op.execute("CREATE INDEX CONCURRENTLY ix_t_b ON t (b)");
            }

            public void downgrade(Operations op) {
              op.execute("DROP INDEX CONCURRENTLY ix_t_b");
            }
          }
          """);

      Cli.Result r = p.run("upgrade", "head");
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.out())
          .contains("c1 -> c2, migration c2 (outside a transaction")
          .contains("c2 -> c3, index b (outside a transaction");
      assertThat(pg.query("SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY 1"))
          .containsExactly("ix_t_a", "ix_t_b");

      Cli.Result script = p.run("upgrade", "--sql", "c1:c3");
      assertThat(script.out())
          .contains("CREATE INDEX CONCURRENTLY ix_t_a ON t (a);")
          .doesNotContain("BEGIN;");

      r = p.run("downgrade", "c1");
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(pg.query("SELECT count(*) FROM pg_indexes WHERE tablename = 't'"))
          .containsExactly("0");
    }
  }
}
