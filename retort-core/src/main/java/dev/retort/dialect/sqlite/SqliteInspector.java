package dev.retort.dialect.sqlite;

import dev.retort.inspect.InspectOptions;
import dev.retort.inspect.Inspector;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the tables of an SQLite database (or one table, for {@link SqliteCatalog}) with four
 * queries however many tables there are ({@link SqliteCatalogQueries}): columns, keys and indexes
 * from the PRAGMA table functions, and what they leave out (constraint names, CHECKs,
 * AUTOINCREMENT, collations, expression keys) from the tables' and indexes' SQL text.
 *
 * <p>Unnamed foreign keys and unique constraints are given PostgreSQL's default names ({@code
 * <table>_<columns>_fkey}, {@code <table>_<columns>_key}) so that they can be dropped by name; a
 * rebuild then writes those names into the table.
 */
final class SqliteInspector implements Inspector {
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final SqliteDialect dialect;
  private Connection connection;

  /** The one table read, or null for every table of the main schema. */
  private QualifiedName one;

  private final Map<String, TableRows> tables = new LinkedHashMap<>();

  /** What the queries say of one table, gathered before it becomes a {@link Table}. */
  private static final class TableRows {
    final SqliteTableSql parsed;
    final List<Column> columns = new ArrayList<>();
    final Map<Integer, String> primaryKey = new TreeMap<>();
    final Map<Integer, List<String[]>> foreignKeys = new LinkedHashMap<>();
    final Map<String, IndexRows> indexes = new TreeMap<>();

    TableRows(String createSql) {
      parsed = SqliteTableSql.parse(createSql);
    }
  }

  private record IndexRows(
      boolean unique, String sql, List<IndexPart> parts, boolean[] unreadable) {}

  SqliteInspector(SqliteDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public Schema inspect(Connection c, InspectOptions options) throws SQLException {
    SqliteInspector run = new SqliteInspector(dialect);
    run.connection = c;
    List<Table> out = new ArrayList<>();
    for (Table t : run.read()) {
      if (!options.excludeTables().contains(t.name().name())) {
        out.add(t);
      }
    }
    return SqliteObjects.addTo(new Schema(out), c, options.excludeTables());
  }

  /** One table, as the renderer's catalog asks for it; empty when there is none by that name. */
  static Optional<Table> table(Connection c, SqliteDialect dialect, QualifiedName name)
      throws SQLException {
    SqliteInspector run = new SqliteInspector(dialect);
    run.connection = c;
    run.one = name;
    return run.read().stream().findFirst();
  }

  private List<Table> read() throws SQLException {
    try (ResultSet rs = query(SqliteCatalogQueries.TABLES)) {
      while (rs.next()) {
        if (rs.getString(2) != null) {
          tables.put(rs.getString(1), new TableRows(rs.getString(2)));
        }
      }
    }
    if (tables.isEmpty()) {
      return List.of();
    }
    readColumns();
    readForeignKeys();
    readIndexes();
    List<Table> out = new ArrayList<>();
    for (Map.Entry<String, TableRows> e : tables.entrySet()) {
      out.add(table(e.getKey(), e.getValue()));
    }
    return out;
  }

  private void readColumns() throws SQLException {
    try (ResultSet rs = query(SqliteCatalogQueries.COLUMNS)) {
      while (rs.next()) {
        TableRows t = tables.get(rs.getString(1));
        if (t == null) {
          continue;
        }
        String column = rs.getString(2);
        ColumnType type = SqliteTypes.parse(rs.getString(3));
        int pkIndex = rs.getInt(6);
        if (pkIndex > 0) {
          t.primaryKey.put(pkIndex, column);
        }
        t.columns.add(
            new Column(
                    column,
                    type,
                    rs.getInt(4) == 0,
                    defaultValue(rs.getString(5)),
                    t.parsed.autoIncrementColumns().contains(column),
                    Optional.empty())
                .withCollation(Optional.ofNullable(t.parsed.collations().get(column))));
      }
    }
  }

  private void readForeignKeys() throws SQLException {
    try (ResultSet rs = query(SqliteCatalogQueries.FOREIGN_KEYS)) {
      while (rs.next()) {
        TableRows t = tables.get(rs.getString(1));
        if (t != null) {
          t.foreignKeys
              .computeIfAbsent(rs.getInt(2), k -> new ArrayList<>())
              .add(
                  new String[] {
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)
                  });
        }
      }
    }
  }

  /**
   * Indexes made by CREATE INDEX, with each key's order, and the text of an expression key from the
   * statement; those of UNIQUE and PRIMARY KEY are constraints, and one whose statement cannot be
   * read is a {@link SqliteCatalog.Dependent} of a rebuild. An ascending key reads back in the
   * default order, which is the same thing.
   */
  private void readIndexes() throws SQLException {
    try (ResultSet rs = query(SqliteCatalogQueries.INDEX_KEYS)) {
      while (rs.next()) {
        TableRows t = tables.get(rs.getString(1));
        if (t == null) {
          continue;
        }
        String sql = rs.getString(4);
        boolean unique = "1".equals(rs.getString(3));
        IndexRows index =
            t.indexes.computeIfAbsent(
                rs.getString(2),
                k -> new IndexRows(unique, sql, new ArrayList<>(), new boolean[1]));
        String column = rs.getString(5);
        List<String> keys = SqliteTableSql.indexKeys(sql);
        int k = index.parts().size();
        // an expression key has no column name; its text comes from the CREATE INDEX statement
        index.unreadable()[0] |= column == null && k >= keys.size();
        IndexPart part =
            column != null
                ? key(column, rs.getString(7), t.parsed.collations().get(column))
                : IndexPart.expression(k < keys.size() ? keys.get(k) : "?");
        index.parts().add(rs.getInt(6) == 1 ? part.desc() : part);
      }
    }
  }

  /**
   * A column key; one that sorts by another collation than its column's ({@code email COLLATE
   * NOCASE}) is the expression SQLite reads as that column with that collation, written one way
   * (collation names are case-insensitive), so that the index is made with it again.
   */
  private static IndexPart key(String column, String collation, String columnCollation) {
    String own = columnCollation == null ? "BINARY" : columnCollation;
    if (collation == null || collation.equalsIgnoreCase(own)) {
      return IndexPart.column(column);
    }
    String name = collation.toUpperCase(java.util.Locale.ROOT);
    return IndexPart.expression(
        SqliteDialect.quoteIdentifier(column)
            + " COLLATE "
            + (name.matches("[A-Z_][A-Z0-9_]*") ? name : SqliteDialect.quoteIdentifier(collation)));
  }

  private Table table(String tableName, TableRows t) {
    QualifiedName name = one != null ? one : QualifiedName.of(tableName);
    List<Column> columns = new ArrayList<>(t.columns);
    if (t.primaryKey.size() == 1) {
      // A single-column INTEGER PRIMARY KEY aliases the rowid and never holds NULL (a NULL insert
      // picks a new rowid), although table_info reports notnull 0 for it
      // (https://www.sqlite.org/lang_createtable.html#rowid).
      String key = t.primaryKey.values().iterator().next();
      columns.replaceAll(
          c ->
              c.name().equals(key) && c.type().kind() == ColumnType.Kind.INTEGER
                  ? c.withNullable(false)
                  : c);
    }
    Optional<PrimaryKey> primaryKey =
        t.primaryKey.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new PrimaryKey(t.parsed.primaryKeyName(), List.copyOf(t.primaryKey.values())));
    List<UniqueConstraint> uniques =
        t.parsed.uniques().stream()
            .map(
                u ->
                    new UniqueConstraint(
                        u.name().or(() -> Optional.of(defaultName(name, u.columns(), "key"))),
                        u.columns()))
            .toList();
    List<Index> indexes = new ArrayList<>();
    t.indexes.forEach(
        (indexName, ix) -> {
          if (!ix.unreadable()[0] && !ix.parts().isEmpty()) {
            indexes.add(
                new Index(
                    indexName,
                    name,
                    ix.parts(),
                    ix.unique(),
                    SqliteTableSql.indexWhere(ix.sql()),
                    Optional.empty(),
                    List.of()));
          }
        });
    return new Table(
        name,
        columns,
        primaryKey,
        foreignKeys(name, t),
        uniques,
        t.parsed.checks(),
        indexes,
        Optional.empty());
  }

  /**
   * Foreign keys in the order they are written; PRAGMA foreign_key_list numbers them the other way
   * round and gives no names, which come from the CREATE TABLE text.
   */
  private List<ForeignKey> foreignKeys(QualifiedName table, TableRows t) {
    List<ForeignKey> out = new ArrayList<>();
    for (List<String[]> rows : t.foreignKeys.values()) {
      String parent = rows.get(0)[0];
      List<String> from = rows.stream().map(r -> r[1]).toList();
      List<String> to = rows.stream().map(r -> r[2]).toList();
      if (to.contains(null)) {
        // "REFERENCES parent" without columns means the parent's primary key
        to = parentKey(table.withName(parent)).orElse(from);
      }
      Optional<SqliteTableSql.Named> written =
          t.parsed.foreignKeys().stream().filter(f -> sameColumns(f.columns(), from)).findFirst();
      out.add(
          new ForeignKey(
              written
                  .flatMap(SqliteTableSql.Named::name)
                  .or(() -> Optional.of(defaultName(table, from, "fkey"))),
              from,
              table.withName(parent),
              to,
              action(rows.get(0)[3]),
              action(rows.get(0)[4]),
              written.map(SqliteTableSql.Named::deferrable).orElse(false),
              written.map(SqliteTableSql.Named::initiallyDeferred).orElse(false)));
    }
    List<List<String>> order =
        t.parsed.foreignKeys().stream().map(SqliteTableSql.Named::columns).toList();
    out.sort(Comparator.comparingInt(fk -> positionIn(order, fk.columns())));
    return out;
  }

  /** The primary key columns of a parent table: read already, or read now. */
  private Optional<List<String>> parentKey(QualifiedName parent) {
    TableRows rows =
        tables.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(parent.name()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    if (rows != null) {
      return rows.primaryKey.isEmpty()
          ? Optional.empty()
          : Optional.of(List.copyOf(rows.primaryKey.values()));
    }
    try {
      return table(connection, dialect, parent).flatMap(Table::primaryKey).map(PrimaryKey::columns);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** The query for the schema of {@link #one} (main otherwise), narrowed to it when it is set. */
  private ResultSet query(String sql) throws SQLException {
    Optional<String> schema = one == null ? Optional.empty() : one.schema();
    PreparedStatement st =
        connection.prepareStatement(
            SqliteCatalogQueries.query(
                sql,
                schema.map(s -> dialect.quote(s) + ".").orElse("") + "sqlite_master",
                schema.map(s -> ", " + dialect.literal(s)).orElse(""),
                one != null));
    st.closeOnCompletion();
    if (one != null) {
      st.setString(1, one.name());
    }
    return st.executeQuery();
  }

  /**
   * A default as PRAGMA table_info gives it, which is its SQL text: a quoted string, a number or
   * TRUE/FALSE is a literal; NULL is no default; anything else is an expression.
   */
  static Optional<DefaultValue> defaultValue(String text) {
    if (text == null || text.equalsIgnoreCase("NULL")) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.length() >= 2
        && t.startsWith("'")
        && t.endsWith("'")
        && !t.substring(1, t.length() - 1).replace("''", "").contains("'")) {
      return Optional.of(
          new DefaultValue.Literal(t.substring(1, t.length() - 1).replace("''", "'")));
    }
    if (NUMBER.matcher(t).matches()) {
      return Optional.of(new DefaultValue.Literal(t));
    }
    if (t.equalsIgnoreCase("TRUE") || t.equalsIgnoreCase("FALSE")) {
      return Optional.of(new DefaultValue.Literal(t.toLowerCase(Locale.ROOT)));
    }
    return Optional.of(new DefaultValue.Expression(t));
  }

  private static ReferentialAction action(String text) {
    return ReferentialAction.valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
  }

  private static String defaultName(QualifiedName table, List<String> columns, String suffix) {
    return table.name() + "_" + String.join("_", columns) + "_" + suffix;
  }

  static boolean sameColumns(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsIgnoreCase(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static int positionIn(List<List<String>> order, List<String> columns) {
    for (int i = 0; i < order.size(); i++) {
      if (sameColumns(order.get(i), columns)) {
        return i;
      }
    }
    return order.size();
  }
}
