package dev.retort.dialect.mysql;

import static dev.retort.dialect.mysql.MySqlTestDatabase.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Sql;
import dev.retort.diff.DiffOptions;
import dev.retort.diff.Differ;
import dev.retort.inspect.InspectOptions;
import dev.retort.ops.AlterSequence;
import dev.retort.ops.Op;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * MariaDB's sequences (what Hibernate's MariaDB dialect makes for {@code GenerationType.SEQUENCE}):
 * read in two statements, the server's defaults read as unsaid, created on an empty database,
 * changed in place and taken away again.
 */
@Tag("mysql")
class MySqlSequencesIT {
  private static final MySqlDialect MY = new MySqlDialect();

  private MySqlTestDatabase desired;
  private MySqlTestDatabase target;
  private Connection d;
  private Connection t;

  @BeforeEach
  void databases() throws SQLException {
    desired = MySqlTestDatabase.create();
    target = MySqlTestDatabase.create();
    d = desired.connect();
    t = target.connect();
    execute(d, "CREATE SEQUENCE users_seq START WITH 1 INCREMENT BY 50");
    execute(d, "CREATE SEQUENCE `odd seq` MINVALUE 5 MAXVALUE 500 START WITH 7 CACHE 10 CYCLE");
    execute(d, "CREATE TABLE users (id bigint PRIMARY KEY)");
  }

  @AfterEach
  void drop() throws SQLException {
    d.close();
    t.close();
    desired.close();
    target.close();
  }

  @Test
  void sequencesAreReadWithTheServersDefaultsUnsaid() throws SQLException {
    assertThat(inspect(d).tables()).extracting(x -> x.name().name()).containsExactly("users");
    assertThat(inspect(d).sequences())
        .containsExactly(
            new Sequence(
                dev.retort.schema.QualifiedName.of("odd seq"),
                Optional.of(7L),
                1,
                Optional.of(5L),
                Optional.of(500L),
                10,
                true,
                Optional.empty()),
            new Sequence(
                dev.retort.schema.QualifiedName.of("users_seq"),
                Optional.empty(),
                50,
                Optional.empty(),
                Optional.empty(),
                1000,
                false,
                Optional.empty()));
  }

  @Test
  void anEmptyDatabaseGetsTheSequencesAndTheDowngradeTakesThemAway() throws SQLException {
    List<Op> up = diff(inspect(t), inspect(d));
    apply(t, up);
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    assertThat(inspect(t)).isEqualTo(inspect(d));
    assertThat(showCreate(t, "users_seq")).isEqualTo(showCreate(d, "users_seq"));
    assertThat(showCreate(t, "odd seq")).isEqualTo(showCreate(d, "odd seq"));

    apply(t, reversed(up));
    assertThat(inspect(t).sequences()).isEmpty();
  }

  @Test
  void changedOptionsAreAlteredInPlaceAndBack() throws SQLException {
    apply(t, diff(inspect(t), inspect(d)));
    Schema before = inspect(t);
    execute(d, "ALTER SEQUENCE users_seq INCREMENT BY 10 MAXVALUE 1000 CACHE 5");
    execute(d, "ALTER SEQUENCE `odd seq` NO MINVALUE NOCYCLE NOCACHE");
    List<Op> change = diff(inspect(t), inspect(d));
    assertThat(change).allMatch(o -> o instanceof AlterSequence).hasSize(2);
    apply(t, change);
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    apply(t, reversed(change));
    assertThat(diff(inspect(t), before)).isEmpty();
  }

  private static String showCreate(Connection c, String name) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery("SHOW CREATE SEQUENCE `" + name.replace("`", "``") + "`")) {
      rs.next();
      return rs.getString(2);
    }
  }

  private static Schema inspect(Connection c) throws SQLException {
    return MY.inspector().inspect(c, InspectOptions.excluding());
  }

  private static List<Op> diff(Schema from, Schema to) {
    return new Differ().diff(from, to, DiffOptions.defaults(), MY.normalizer()).ops();
  }

  private static void apply(Connection c, List<Op> ops) throws SQLException {
    for (Op op : ops) {
      for (Sql sql : MY.renderer(MY.catalog(c)).render(op)) {
        execute(c, sql.text());
      }
    }
  }

  private static List<Op> reversed(List<Op> ops) {
    List<Op> down = new ArrayList<>();
    for (int i = ops.size() - 1; i >= 0; i--) {
      down.add(ops.get(i).reverse());
    }
    return down;
  }
}
