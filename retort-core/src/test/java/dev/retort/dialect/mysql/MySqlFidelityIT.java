package dev.retort.dialect.mysql;

import static dev.retort.dialect.mysql.MySqlTestDatabase.execute;
import static dev.retort.dialect.mysql.MySqlTestDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Sql;
import dev.retort.diff.DiffOptions;
import dev.retort.diff.Differ;
import dev.retort.inspect.InspectOptions;
import dev.retort.ops.AlterTableOptions;
import dev.retort.ops.Op;
import dev.retort.ops.TableBuilder;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.script.SqlSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What MariaDB keeps of a table beyond its columns and keys, as {@code SHOW CREATE TABLE} (and so
 * {@code mariadb-dump}) prints it: table options, column collations, {@code ON UPDATE}, the order
 * of the keys, {@code USING HASH} and prefix keys. Read, reproduced exactly in an empty database,
 * changed both ways, and taken away again.
 */
@Tag("mysql")
class MySqlFidelityIT {
  private static final MySqlDialect MY = new MySqlDialect();

  private static final String SCHEMA =
      """
      CREATE TABLE parent (id int(10) unsigned NOT NULL PRIMARY KEY)
        ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci;
      CREATE TABLE item (
        id int(10) NOT NULL AUTO_INCREMENT,
        parent_id int(10) unsigned,
        other_id int(10) unsigned,
        name varchar(100) COLLATE utf8mb4_bin NOT NULL,
        legacy varchar(20) CHARACTER SET latin1,
        body text,
        doc json,
        note varchar(2000),
        mtime timestamp NULL DEFAULT NULL ON UPDATE current_timestamp(),
        PRIMARY KEY (id),
        KEY zeta (body(10)),
        UNIQUE KEY by_name (name),
        KEY alpha (legacy),
        UNIQUE KEY prefix_unique (body(20), legacy),
        UNIQUE KEY long_unique (note),
        CONSTRAINT item_parent FOREIGN KEY (parent_id) REFERENCES parent (id),
        CONSTRAINT b_item_other FOREIGN KEY (other_id) REFERENCES parent (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=DYNAMIC
        COMMENT='it''s the items';
      """;

  private MySqlTestDatabase desired;
  private MySqlTestDatabase target;
  Connection d;
  Connection t;

  @BeforeEach
  void databases() throws SQLException {
    desired = MySqlTestDatabase.create();
    target = MySqlTestDatabase.create();
    d = desired.connect();
    t = target.connect();
    run(d, SCHEMA);
  }

  @AfterEach
  void drop() throws SQLException {
    d.close();
    t.close();
    desired.close();
    target.close();
  }

  @Test
  void readsOptionsCollationsOnUpdateAndKeysInTheServersOrder() throws SQLException {
    Table item = inspect(d).table(dev.retort.schema.QualifiedName.of("item")).orElseThrow();
    assertThat(item.options())
        .containsEntry("ENGINE", "InnoDB")
        .containsEntry("CHARSET", "utf8mb4")
        .containsEntry("COLLATE", "utf8mb4_unicode_ci")
        .containsEntry("ROW_FORMAT", "DYNAMIC");
    assertThat(item.comment()).contains("it's the items");
    assertThat(item.column("name").orElseThrow().collation()).contains("utf8mb4_bin");
    assertThat(item.column("legacy").orElseThrow().collation()).contains("latin1_swedish_ci");
    // the table's own collation, and JSON's utf8mb4_bin, are not the column's
    assertThat(item.column("body").orElseThrow().collation()).isEmpty();
    assertThat(item.column("doc").orElseThrow().collation()).isEmpty();
    assertThat(item.column("mtime").orElseThrow().onUpdate()).contains("current_timestamp()");
    assertThat(item.column("id").orElseThrow().type()).isEqualTo(ColumnType.raw("int(10)"));
    assertThat(item.uniques())
        .containsExactly(new UniqueConstraint(Optional.of("by_name"), List.of("name")));
    // the keys as the server lists them: unique ones first, each kind in creation order
    assertThat(item.indexes().stream().map(Index::name))
        .containsExactly("prefix_unique", "long_unique", "zeta", "alpha");
    Index prefix = item.indexes().get(0);
    assertThat(prefix.unique()).isTrue();
    assertThat(prefix.parts())
        .containsExactly(IndexPart.expression("body(20)"), IndexPart.column("legacy"));
    Index hash = item.indexes().get(1);
    assertThat(hash.unique()).isTrue();
    assertThat(hash.method()).contains("hash");
    // InnoDB made an index for item_parent only, among the plain keys after the table's own
    assertThat(item.foreignKeys().stream().map(fk -> fk.name().orElseThrow()))
        .containsExactly("item_parent", "b_item_other");
  }

  @Test
  void anEmptyDatabaseGetsTheSameTablesAndTheDowngradeTakesThemAway() throws SQLException {
    List<Op> up = diff(inspect(t), inspect(d));
    apply(t, up);
    assertThat(showCreate(t, "parent")).isEqualTo(showCreate(d, "parent"));
    assertThat(showCreate(t, "item")).isEqualTo(showCreate(d, "item"));
    assertThat(showCreate(t, "item"))
        .contains("`mtime` timestamp NULL DEFAULT NULL ON UPDATE current_timestamp()")
        .contains("UNIQUE KEY `long_unique` (`note`) USING HASH")
        .contains("ROW_FORMAT=DYNAMIC");
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    apply(t, reversed(up));
    assertThat(inspect(t).tables()).isEmpty();
  }

  @Test
  void changedOptionsCollationsAndOnUpdateAreADriftThatRoundTrips() throws SQLException {
    apply(t, diff(inspect(t), inspect(d)));
    String before = showCreate(t, "item");
    execute(
        d,
        "ALTER TABLE item ROW_FORMAT=COMPACT DEFAULT CHARSET=latin1 COLLATE=latin1_general_ci"
            + " COMMENT='changed'");
    execute(d, "ALTER TABLE item MODIFY mtime timestamp NULL DEFAULT NULL");
    execute(d, "ALTER TABLE item MODIFY name varchar(100) COLLATE utf8mb4_general_ci NOT NULL");
    execute(d, "ALTER TABLE parent ROW_FORMAT=DEFAULT");
    List<Op> change = diff(inspect(t), inspect(d));
    assertThat(change)
        .filteredOn(op -> op instanceof AlterTableOptions)
        .extracting(Op::describe)
        .containsExactly(
            "set CHARSET=latin1 COLLATE=latin1_general_ci ROW_FORMAT=COMPACT on table item");
    apply(t, change);
    assertThat(showCreate(t, "item")).isEqualTo(showCreate(d, "item"));
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    apply(t, reversed(change));
    assertThat(showCreate(t, "item")).isEqualTo(before);
  }

  @Test
  void aDefinitionThatStatesNoOptionsLeavesTheServersDefaultsAlone() throws SQLException {
    Table plain =
        TableBuilder.table(
            "plain",
            b -> {
              b.column("id", ColumnType.integer()).primaryKey();
              b.column("name", ColumnType.varchar(40)).notNull();
              b.index("ix_plain_name", "name");
            });
    Schema wanted = new Schema(List.of(plain));
    apply(t, diff(inspect(t), wanted));
    assertThat(inspect(t).tables().get(0).options()).containsKeys("ENGINE", "COLLATE");
    assertThat(diff(inspect(t), wanted)).isEmpty();
    // stating one option compares that one, and an explicit ROW_FORMAT is one only a definition
    // sets
    execute(t, "ALTER TABLE plain ROW_FORMAT=COMPACT");
    Schema stated =
        new Schema(List.of(plain.withOptions(Map.of("ENGINE", "innodb", "CHARSET", "utf8mb4"))));
    List<Op> reset = diff(inspect(t), stated);
    assertThat(reset)
        .extracting(Op::describe)
        .containsExactly("set ROW_FORMAT=DEFAULT on table plain");
    apply(t, reset);
    assertThat(diff(inspect(t), stated)).isEmpty();
    assertThat(
            rows(
                t,
                "SELECT CREATE_OPTIONS FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'plain'"))
        .containsExactly("");
  }

  @Test
  void anExplicitUsingBtreeIsReadAndReproducedAndIsNoDriftWithoutIt() throws SQLException {
    run(
        d,
        """
        CREATE TABLE spool (username varchar(191) NOT NULL, xml text, seq int NOT NULL);
        CREATE INDEX i_despool USING BTREE ON spool(username);
        CREATE UNIQUE INDEX i_spool_xml USING BTREE ON spool(username(75), xml(75));
        CREATE INDEX `odd ``name` ON spool(seq);
        """);
    Table spool = inspect(d).table(dev.retort.schema.QualifiedName.of("spool")).orElseThrow();
    assertThat(spool.indexes())
        .extracting(Index::name, Index::method)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("i_despool", Optional.of("btree")),
            org.assertj.core.groups.Tuple.tuple("i_spool_xml", Optional.of("btree")),
            org.assertj.core.groups.Tuple.tuple("odd `name", Optional.empty()));

    List<Op> up = diff(inspect(t), inspect(d));
    apply(t, up);
    assertThat(showCreate(t, "spool")).isEqualTo(showCreate(d, "spool")).contains("USING BTREE");
    assertThat(diff(inspect(t), inspect(d))).isEmpty();

    // InnoDB builds the same B-tree without the clause: not a change to make
    execute(t, "DROP INDEX i_despool ON spool");
    execute(t, "CREATE INDEX i_despool ON spool(username)");
    assertThat(showCreate(t, "spool")).isNotEqualTo(showCreate(d, "spool"));
    assertThat(diff(inspect(t), inspect(d))).isEmpty();
    assertThat(diff(inspect(d), inspect(t))).isEmpty();
  }

  private static String showCreate(Connection c, String table) throws SQLException {
    return rows(c, "SHOW CREATE TABLE " + table).get(0).replaceFirst(" AUTO_INCREMENT=\\d+", "");
  }

  private static void run(Connection c, String script) throws SQLException {
    for (String s : SqlSplitter.split(script)) {
      execute(c, s);
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
