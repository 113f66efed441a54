package dev.retort.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Catalog;
import dev.retort.ops.AlterTableOptions;
import dev.retort.ops.Op;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.TableOptions;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Table inheritance: a child table holds its own columns and checks and names its parents; the rest
 * comes from them, as PostgreSQL gives it, and the child is created after them.
 */
class PostgresInheritanceIT extends PgRoundTrip {
  @Override
  String schemaSql() {
    return """
        CREATE TABLE base (
          id integer PRIMARY KEY,
          name text NOT NULL,
          CONSTRAINT ck_name CHECK (name <> ''));
        CREATE TABLE other (code text);
        CREATE TABLE zchild (extra integer DEFAULT 1, CONSTRAINT ck_extra CHECK (extra > 0))
          INHERITS (base);
        CREATE TABLE aempty () INHERITS (base);
        CREATE TABLE amulti (y integer) INHERITS (base, other);
        """;
  }

  @Test
  void aChildHoldsItsOwnColumnsAndChecksAndNamesItsParents() throws SQLException {
    Map<String, Table> tables = byName(inspect(d).tables());
    Table child = tables.get("zchild");
    assertThat(child.columns()).extracting(Column::name).containsExactly("extra");
    assertThat(child.checks()).extracting(c -> c.name().orElseThrow()).containsExactly("ck_extra");
    assertThat(child.primaryKey()).isEmpty();
    assertThat(child.options()).containsExactly(Map.entry(TableOptions.INHERITS, "base"));
    assertThat(tables.get("aempty").columns()).isEmpty();
    assertThat(tables.get("amulti").options())
        .containsExactly(Map.entry(TableOptions.INHERITS, "base, other"));
    assertThat(inspect(d).unmodelled()).isEmpty();
  }

  @Test
  void anEmptyDatabaseGetsTheChildrenAfterTheirParentsAndTheDowngradeTakesThemAway()
      throws SQLException {
    List<Op> up = diff(inspect(t), inspect(d));
    assertThat(up)
        .extracting(Op::describe)
        .containsSubsequence("create table base", "create table aempty")
        .containsSubsequence("create table other", "create table amulti");
    apply(t, up);
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    assertThat(inspect(t)).isEqualTo(inspect(d));
    // what the child inherits is there: the parent's columns and its check
    PgTestDatabase.execute(t, "INSERT INTO zchild (id, name) VALUES (1, 'a')");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PgTestDatabase.execute(t, "INSERT INTO zchild (id, name) VALUES (2, '')"))
        .hasMessageContaining("ck_name");

    PgTestDatabase.execute(t, "DELETE FROM zchild");
    apply(t, reversed(up));
    assertThat(inspect(t).tables()).isEmpty();
  }

  @Test
  void joiningAndLeavingAParentIsInheritAndNoInherit() {
    QualifiedName child = QualifiedName.of("zchild");
    Op leave =
        new AlterTableOptions(
            child,
            Map.of(TableOptions.INHERITS, "base, other"),
            Map.of(TableOptions.INHERITS, "base"));
    assertThat(PG.renderer(Catalog.NONE).render(leave))
        .extracting(s -> s.text())
        .containsExactly("ALTER TABLE zchild NO INHERIT other");
    assertThat(PG.renderer(Catalog.NONE).render(leave.reverse()))
        .extracting(s -> s.text())
        .containsExactly("ALTER TABLE zchild INHERIT other");
  }

  private static Map<String, Table> byName(List<Table> tables) {
    return tables.stream().collect(Collectors.toMap(x -> x.name().name(), Function.identity()));
  }
}
