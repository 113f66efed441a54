package dev.retort.dialect.sqlite;

import dev.retort.dialect.Catalog;
import dev.retort.error.DatabaseException;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
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
 * Reads one table from a live SQLite database: columns, keys and indexes from the PRAGMA table
 * functions (https://www.sqlite.org/pragma.html), and what they leave out (constraint names,
 * CHECKs, AUTOINCREMENT) from the table's {@code CREATE TABLE} text.
 *
 * <p>Unnamed foreign keys and unique constraints are given PostgreSQL's default names ({@code
 * <table>_<columns>_fkey}, {@code <table>_<columns>_key}) so that they can be dropped by name; a
 * rebuild then writes those names into the table.
 */
final class SqliteCatalog implements Catalog {

  /** A trigger, view or index that the table model cannot hold, recreated from its SQL. */
  record Dependent(String type, String name, String sql) {}

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final Connection connection;
  private final SqliteDialect dialect;

  SqliteCatalog(Connection connection, SqliteDialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  @Override
  public Optional<Table> table(QualifiedName name) {
    try {
      return read(name);
    } catch (SQLException e) {
      throw new DatabaseException("Cannot read table " + name + " from the SQLite database: "
          + e.getMessage(), e);
    }
  }

  /**
   * The triggers on the table, the views that mention it, and the indexes on expressions whose
   * statement {@link #indexes} cannot read into the table: what a rebuild must drop or recreate
   * besides the table, per step 3 of
   * https://www.sqlite.org/lang_altertable.html#otheralter.
   */
  List<Dependent> dependents(QualifiedName table) {
    String sql = "SELECT type, name, sql FROM " + master(table) + " WHERE sql IS NOT NULL AND ("
        + "(type = 'trigger' AND tbl_name = ? COLLATE NOCASE)"
        + " OR (type = 'view' AND instr(lower(sql), lower(?)) > 0)"
        + " OR (type = 'index' AND tbl_name = ? COLLATE NOCASE)) ORDER BY type, name";
    List<Dependent> out = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setString(1, table.name());
      st.setString(2, table.name());
      st.setString(3, table.name());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Dependent d = new Dependent(rs.getString(1), rs.getString(2), rs.getString(3));
          if (!d.type().equals("index") || hasExpression(table, d.name()) && !readable(table, d)) {
            out.add(d);
          }
        }
      }
    } catch (SQLException e) {
      throw new DatabaseException("Cannot read the triggers and views of " + table + ": "
          + e.getMessage(), e);
    }
    return out;
  }

  private Optional<Table> read(QualifiedName name) throws SQLException {
    Optional<String> createSql = createSql(name);
    if (createSql.isEmpty()) {
      return Optional.empty();
    }
    SqliteTableSql parsed = SqliteTableSql.parse(createSql.get());
    List<Column> columns = new ArrayList<>();
    Map<Integer, String> pk = new TreeMap<>();
    try (ResultSet rs = pragma("table_info", name.name(), name)) {
      while (rs.next()) {
        String column = rs.getString("name");
        ColumnType type = SqliteTypes.parse(rs.getString("type"));
        int pkIndex = rs.getInt("pk");
        if (pkIndex > 0) {
          pk.put(pkIndex, column);
        }
        columns.add(new Column(column, type, rs.getInt("notnull") == 0,
            defaultValue(rs.getString("dflt_value")),
            parsed.autoIncrementColumns().contains(column), Optional.empty())
            .withCollation(Optional.ofNullable(parsed.collations().get(column))));
      }
    }
    if (pk.size() == 1) {
      // A single-column INTEGER PRIMARY KEY aliases the rowid and never holds NULL (a NULL insert
      // picks a new rowid), although table_info reports notnull 0 for it
      // (https://www.sqlite.org/lang_createtable.html#rowid).
      String key = pk.values().iterator().next();
      columns.replaceAll(c -> c.name().equals(key) && c.type().kind() == ColumnType.Kind.INTEGER
          ? c.withNullable(false) : c);
    }
    Optional<PrimaryKey> primaryKey = pk.isEmpty()
        ? Optional.empty()
        : Optional.of(new PrimaryKey(parsed.primaryKeyName(), List.copyOf(pk.values())));
    List<UniqueConstraint> uniques = parsed.uniques().stream()
        .map(u -> new UniqueConstraint(
            u.name().or(() -> Optional.of(defaultName(name, u.columns(), "key"))), u.columns()))
        .toList();
    return Optional.of(new Table(name, columns, primaryKey, foreignKeys(name, parsed), uniques,
        parsed.checks(), indexes(name), Optional.empty()));
  }

  private Optional<String> createSql(QualifiedName name) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("SELECT sql FROM " + master(name)
        + " WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
      st.setString(1, name.name());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * Foreign keys in the order they are written; PRAGMA foreign_key_list numbers them the other
   * way round and gives no names, which come from the CREATE TABLE text.
   */
  private List<ForeignKey> foreignKeys(QualifiedName table, SqliteTableSql parsed)
      throws SQLException {
    Map<Integer, List<String[]>> byId = new LinkedHashMap<>();
    try (ResultSet rs = pragma("foreign_key_list", table.name(), table)) {
      while (rs.next()) {
        byId.computeIfAbsent(rs.getInt("id"), k -> new ArrayList<>()).add(new String[] {
            rs.getString("table"), rs.getString("from"), rs.getString("to"),
            rs.getString("on_delete"), rs.getString("on_update")});
      }
    }
    List<ForeignKey> out = new ArrayList<>();
    for (List<String[]> rows : byId.values()) {
      String parent = rows.get(0)[0];
      List<String> from = rows.stream().map(r -> r[1]).toList();
      List<String> to = rows.stream().map(r -> r[2]).toList();
      if (to.contains(null)) {
        // "REFERENCES parent" without columns means the parent's primary key
        to = table(table.withName(parent)).flatMap(Table::primaryKey)
            .map(PrimaryKey::columns).orElse(from);
      }
      Optional<SqliteTableSql.Named> written = parsed.foreignKeys().stream()
          .filter(f -> sameColumns(f.columns(), from)).findFirst();
      out.add(new ForeignKey(
          written.flatMap(SqliteTableSql.Named::name)
              .or(() -> Optional.of(defaultName(table, from, "fkey"))),
          from, table.withName(parent), to, action(rows.get(0)[3]), action(rows.get(0)[4]),
          written.map(SqliteTableSql.Named::deferrable).orElse(false),
          written.map(SqliteTableSql.Named::initiallyDeferred).orElse(false)));
    }
    List<List<String>> order = parsed.foreignKeys().stream().map(SqliteTableSql.Named::columns)
        .toList();
    out.sort(Comparator.comparingInt(fk -> positionIn(order, fk.columns())));
    return out;
  }

  /**
   * Indexes made by CREATE INDEX, with each key's order from PRAGMA index_xinfo and the text of an
   * expression key from the statement; those of UNIQUE and PRIMARY KEY are constraints, and one
   * whose statement cannot be read is a {@link Dependent}. An ascending key reads back in the default order, which is the same thing.
   */
  private List<Index> indexes(QualifiedName table) throws SQLException {
    List<Index> out = new ArrayList<>();
    List<String[]> listed = new ArrayList<>();
    try (ResultSet rs = pragma("index_list", table.name(), table)) {
      while (rs.next()) {
        if ("c".equals(rs.getString("origin"))) {
          listed.add(new String[] {rs.getString("name"), rs.getString("unique")});
        }
      }
    }
    for (String[] index : listed) {
      String sql = indexSql(table, index[0]);
      List<String> keys = SqliteTableSql.indexKeys(sql);
      List<IndexPart> parts = new ArrayList<>();
      boolean unreadable = false;
      try (ResultSet rs = pragma("index_xinfo", index[0], table)) {
        while (rs.next()) {
          if (rs.getInt("key") == 0) {
            continue;
          }
          String column = rs.getString("name");
          int k = parts.size();
          // an expression key has no column name; its text comes from the CREATE INDEX statement
          unreadable |= column == null && k >= keys.size();
          IndexPart part = column != null ? IndexPart.column(column)
              : IndexPart.expression(k < keys.size() ? keys.get(k) : "?");
          parts.add(rs.getInt("desc") == 1 ? part.desc() : part);
        }
      }
      if (!unreadable && !parts.isEmpty()) {
        out.add(new Index(index[0], table, parts, "1".equals(index[1]),
            SqliteTableSql.indexWhere(sql), Optional.empty(), List.of()));
      }
    }
    out.sort(Comparator.comparing(Index::name));
    return out;
  }

  /** Whether {@link #indexes} reads this expression index into the table (then it is no dependent). */
  private boolean readable(QualifiedName table, Dependent index) throws SQLException {
    int keys = 0;
    try (ResultSet rs = pragma("index_info", index.name(), table)) {
      while (rs.next()) {
        keys++;
      }
    }
    return keys > 0 && SqliteTableSql.indexKeys(index.sql()).size() == keys;
  }

  private boolean hasExpression(QualifiedName table, String index) throws SQLException {
    try (ResultSet rs = pragma("index_info", index, table)) {
      while (rs.next()) {
        if (rs.getString("name") == null) {
          return true;
        }
      }
    }
    return false;
  }

  private String indexSql(QualifiedName table, String index) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT sql FROM " + master(table) + " WHERE type = 'index' AND name = ?")) {
      st.setString(1, index);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /**
   * A PRAGMA as a table-valued function, so that names are bound as parameters rather than
   * quoted into the text (https://www.sqlite.org/pragma.html#pragfunc). The result set closes
   * its statement.
   */
  private ResultSet pragma(String pragma, String argument, QualifiedName scope) throws SQLException {
    PreparedStatement st = connection.prepareStatement(
        "SELECT * FROM pragma_" + pragma + "(?" + (scope.schema().isPresent() ? ", ?" : "") + ")");
    st.closeOnCompletion();
    st.setString(1, argument);
    if (scope.schema().isPresent()) {
      st.setString(2, scope.schema().get());
    }
    return st.executeQuery();
  }

  private String master(QualifiedName scope) {
    return scope.schema().map(s -> dialect.quote(s) + ".").orElse("") + "sqlite_master";
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
    if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")
        && !t.substring(1, t.length() - 1).replace("''", "").contains("'")) {
      return Optional.of(new DefaultValue.Literal(t.substring(1, t.length() - 1).replace("''", "'")));
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

  private static boolean sameColumns(List<String> a, List<String> b) {
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
