package dev.retort.dialect.postgres;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Sql;
import dev.retort.diff.DiffOptions;
import dev.retort.diff.Differ;
import dev.retort.inspect.InspectOptions;
import dev.retort.ops.Op;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Two fresh databases per test: {@code d} holds the desired schema ({@link #schemaSql()}), {@code
 * t} is the target the diff's ops are applied to, so that both can be inspected and compared.
 */
abstract class PgRoundTrip {
  static final PostgresDialect PG = new PostgresDialect();

  private PgTestDatabase desired;
  private PgTestDatabase target;
  Connection d;
  Connection t;

  /** The desired database's starting schema. */
  abstract String schemaSql();

  @BeforeEach
  void databases() throws SQLException {
    desired = PgTestDatabase.create();
    target = PgTestDatabase.create();
    d = desired.connect();
    t = target.connect();
    PgTestDatabase.execute(d, schemaSql());
  }

  @AfterEach
  void drop() throws SQLException {
    d.close();
    t.close();
    desired.close();
    target.close();
  }

  static Schema inspect(Connection c) throws SQLException {
    return PG.inspector().inspect(c, InspectOptions.excluding());
  }

  static void apply(Connection c, List<Op> ops) throws SQLException {
    for (Op op : ops) {
      for (Sql sql : PG.renderer(Catalog.NONE).render(op)) {
        PgTestDatabase.execute(c, sql.text());
      }
    }
  }

  static List<Op> diff(Schema from, Schema to) {
    return new Differ().diff(from, to, DiffOptions.defaults()).ops();
  }

  /** The reverses of {@code ops}, last first: the downgrade. */
  static List<Op> reversed(List<Op> ops) {
    List<Op> down = new ArrayList<>();
    for (int i = ops.size() - 1; i >= 0; i--) {
      down.add(ops.get(i).reverse());
    }
    return down;
  }
}
