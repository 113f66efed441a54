package dev.retort.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.Catalog;
import dev.retort.error.UsageException;
import dev.retort.ops.Op;
import dev.retort.ops.ReplaceObject;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Declarative partitioning: a partitioned table keeps its key, its partitions (and theirs) come
 * back with their bounds, new bounds keep a partition's rows, and the downgrade takes it all away.
 */
class PostgresPartitionsIT extends PgRoundTrip {
  private static final String SCHEMA =
      """
      CREATE TABLE measures (
        id integer NOT NULL,
        taken date NOT NULL,
        site text,
        PRIMARY KEY (id, taken)) PARTITION BY RANGE (taken);
      CREATE INDEX ix_measures_site ON measures (site);
      CREATE TABLE measures_2025 PARTITION OF measures
        FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE TABLE "Measures 2026" PARTITION OF measures
        FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY RANGE (taken);
      CREATE TABLE measures_2026_h1 PARTITION OF "Measures 2026"
        FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');
      CREATE TABLE measures_rest PARTITION OF measures DEFAULT;
      """;

  @Override
  String schemaSql() {
    return SCHEMA;
  }

  @Test
  void aPartitionedTableKeepsItsKeyAndItsPartitionsAreObjects() throws SQLException {
    List<Table> tables = inspect(d).tables();
    assertThat(tables).extracting(x -> x.name().name()).containsExactly("measures");
    assertThat(tables.get(0).options())
        .containsExactly(Map.entry(PostgresPartitions.PARTITION_BY, "RANGE (taken)"));
    Map<String, SchemaObject> objects = byDescription(inspect(d).definedObjects());
    assertThat(objects.get("partition measures_2025").create())
        .containsExactly(
            "CREATE TABLE measures_2025 PARTITION OF measures"
                + " FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')");
    assertThat(objects.get("partition \"Measures 2026\"").create())
        .containsExactly(
            "CREATE TABLE \"Measures 2026\" PARTITION OF measures"
                + " FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY RANGE (taken)");
    assertThat(objects.get("partition measures_2026_h1").create())
        .containsExactly(
            "CREATE TABLE measures_2026_h1 PARTITION OF \"Measures 2026\""
                + " FOR VALUES FROM ('2026-01-01') TO ('2026-07-01')");
    assertThat(objects.get("partition measures_rest").create())
        .containsExactly("CREATE TABLE measures_rest PARTITION OF measures DEFAULT");
    assertThat(inspect(d).unmodelled()).isEmpty();
  }

  @Test
  void anEmptyDatabaseGetsThePartitionsAndTheDowngradeTakesThemAway() throws SQLException {
    List<Op> up = diff(inspect(t), inspect(d));
    apply(t, up);
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    assertThat(inspect(t)).isEqualTo(inspect(d));
    // the partitions took their parent's key and index, as PostgreSQL gives them
    assertThat(count(t, "SELECT count(*) FROM pg_indexes WHERE tablename = 'measures_2025'"))
        .isEqualTo(2);

    apply(t, reversed(up));
    assertThat(inspect(t).tables()).isEmpty();
    assertThat(inspect(t).definedObjects()).isEmpty();
  }

  @Test
  void newBoundsDetachAndAttachThePartitionAndKeepItsRows() throws SQLException {
    apply(t, diff(inspect(t), inspect(d)));
    PgTestDatabase.execute(t, "INSERT INTO measures VALUES (1, '2025-06-01', 'x')");
    PgTestDatabase.execute(
        d,
        "ALTER TABLE measures DETACH PARTITION measures_2025;"
            + " ALTER TABLE measures ATTACH PARTITION measures_2025"
            + " FOR VALUES FROM ('2024-01-01') TO ('2026-01-01')");
    List<Op> change = diff(inspect(t), inspect(d));
    assertThat(change).singleElement().isInstanceOf(ReplaceObject.class);
    assertThat(PG.renderer(Catalog.NONE).render(change.get(0)))
        .extracting(s -> s.text())
        .containsExactly(
            "ALTER TABLE measures DETACH PARTITION measures_2025",
            "ALTER TABLE measures ATTACH PARTITION measures_2025"
                + " FOR VALUES FROM ('2024-01-01') TO ('2026-01-01')");
    apply(t, change);
    assertThat(inspect(t)).isEqualTo(inspect(d));
    assertThat(count(t, "SELECT count(*) FROM measures_2025")).isEqualTo(1);
    apply(t, reversed(change));
    assertThat(byDescription(inspect(t).definedObjects()).get("partition measures_2025").create())
        .singleElement()
        .asString()
        .contains("FROM ('2025-01-01')");
    assertThat(count(t, "SELECT count(*) FROM measures_2025")).isEqualTo(1);
  }

  @Test
  void partitioningATableThatIsNotIsRefusedWithTheReason() throws SQLException {
    PgTestDatabase.execute(
        t,
        "CREATE TABLE measures (id integer NOT NULL, taken date NOT NULL,"
            + " site text, PRIMARY KEY (id, taken))");
    List<Op> change = diff(inspect(t), inspect(d));
    Op options =
        change.stream()
            .filter(o -> o instanceof dev.retort.ops.AlterTableOptions)
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(() -> PG.renderer(Catalog.NONE).render(options))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("table measures is not partitioned and should be")
        .hasMessageContaining("cannot change that in place");
  }

  private static long count(java.sql.Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, SchemaObject> byDescription(List<SchemaObject> objects) {
    return objects.stream().collect(Collectors.toMap(SchemaObject::describe, Function.identity()));
  }
}
