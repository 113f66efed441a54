package dev.retort.dialect.mysql;

import dev.retort.inspect.InspectOptions;
import dev.retort.inspect.Inspector;
import dev.retort.schema.CheckConstraint;
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
import dev.retort.schema.TableOptions;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the tables of the current MySQL/MariaDB database (or one table, for {@link MySqlCatalog})
 * from {@code information_schema}: six queries however many tables there are ({@link
 * MySqlCatalogQueries}), each row filed under its table.
 *
 * <p>What MySQL keeps differently from the portable model: a primary key is always named {@code
 * PRIMARY}, so it comes back unnamed; every unique index is a UNIQUE constraint, so unique indexes
 * come back as {@link UniqueConstraint}s; the index InnoDB creates for a foreign key, named after
 * it, is part of the key and not listed as an index; MariaDB's JSON is LONGTEXT with a {@code
 * json_valid} column check, which comes back as the type {@code json} and not as a check.
 */
final class MySqlInspector implements Inspector {
  /** How EXTRA says a column is set when its row is updated, before the expression. */
  private static final String ON_UPDATE = "on update ";

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final Connection connection;
  private final MySqlServer server;

  /** The one table read, or null for every table of the database. */
  private final QualifiedName one;

  private final Map<String, TableRows> tables = new LinkedHashMap<>();

  /** What the queries say of one table, gathered before it becomes a {@link Table}. */
  private static final class TableRows {
    Optional<String> comment = Optional.empty();
    final Map<String, String> options = new LinkedHashMap<>();

    /** The table's default collation: a column with the same one says none. */
    String collation;

    final List<Column> columns = new ArrayList<>();
    final Map<String, String> checks = new LinkedHashMap<>();
    final Set<String> jsonColumns = new HashSet<>();
    final Map<String, List<String>> primaryKey = new LinkedHashMap<>();
    final Map<String, List<String>> uniques = new LinkedHashMap<>();
    final Map<String, List<String>> fkColumns = new LinkedHashMap<>();
    final Map<String, List<String>> fkReferenced = new LinkedHashMap<>();
    final Map<String, QualifiedName> fkTable = new HashMap<>();
    final Map<String, ReferentialAction[]> actions = new HashMap<>();
    final Map<String, List<IndexPart>> indexParts = new LinkedHashMap<>();
    final Map<String, String> indexKinds = new HashMap<>();

    /** Unique keys that are indexes, not constraints: on a prefix of a column, or USING HASH. */
    final Set<String> uniqueIndexes = new HashSet<>();

    final Set<String> uniqueKeys = new HashSet<>();

    /** Every key's name, in the order the server lists them. */
    final List<String> keyOrder = new ArrayList<>();

    final Set<String> skipIndexes = new HashSet<>();
  }

  /** For the dialect: the inspector of whole databases. */
  MySqlInspector() {
    this(null, null, null);
  }

  private MySqlInspector(Connection connection, MySqlServer server, QualifiedName one) {
    this.connection = connection;
    this.server = server;
    this.one = one;
  }

  @Override
  public Schema inspect(Connection c, InspectOptions options) throws SQLException {
    MySqlInspector run = new MySqlInspector(c, MySqlServer.read(c), null);
    List<Table> out = new ArrayList<>();
    for (Table t : run.read()) {
      if (!options.excludeTables().contains(t.name().name())) {
        out.add(t);
      }
    }
    List<dev.retort.schema.Sequence> sequences =
        run.server.mariaDb() ? MySqlSequences.read(c, options.excludeTables()) : List.of();
    return MySqlObjects.addTo(
        new Schema(out, List.of(), List.of(), sequences, List.of()),
        c,
        run.server,
        options.excludeTables());
  }

  /** One table, as the renderer's catalog asks for it; empty when there is none by that name. */
  static Optional<Table> table(Connection c, MySqlServer server, QualifiedName name)
      throws SQLException {
    return new MySqlInspector(c, server, name).read().stream().findFirst();
  }

  private List<Table> read() throws SQLException {
    try (ResultSet rs = query(MySqlCatalogQueries.TABLES, "t.TABLE_NAME")) {
      while (rs.next()) {
        TableRows t = new TableRows();
        t.comment = Optional.ofNullable(rs.getString(2)).filter(c -> !c.isEmpty());
        options(t, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
        tables.put(rs.getString(1), t);
      }
    }
    if (tables.isEmpty()) {
      return List.of();
    }
    readChecks();
    readColumns();
    readKeys();
    readIndexes();
    List<Table> out = new ArrayList<>();
    tables.forEach((name, rows) -> out.add(table(name, rows)));
    return out;
  }

  /**
   * The engine, the default character set and collation, and each {@code name=value} of
   * CREATE_OPTIONS but {@code partitioned} (which says how the table is stored, not an option).
   */
  private static void options(
      TableRows t, String engine, String collation, String charset, String createOptions) {
    if (engine != null) {
      t.options.put(TableOptions.ENGINE, engine);
    }
    if (charset != null) {
      t.options.put(TableOptions.CHARSET, charset);
    }
    if (collation != null) {
      t.options.put(TableOptions.COLLATE, collation);
      t.collation = collation;
    }
    for (String option : createOptions == null ? new String[0] : createOptions.split("\\s+")) {
      int eq = option.indexOf('=');
      if (eq > 0) {
        t.options.put(
            option.substring(0, eq).toUpperCase(Locale.ROOT), option.substring(eq + 1).strip());
      }
    }
  }

  private Table table(String tableName, TableRows t) {
    QualifiedName name = one != null ? one : QualifiedName.of(tableName);
    List<ForeignKey> fks = new ArrayList<>();
    t.fkColumns.forEach(
        (n, cols) -> {
          ReferentialAction[] a =
              t.actions.getOrDefault(
                  n,
                  new ReferentialAction[] {
                    ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION
                  });
          fks.add(
              new ForeignKey(
                  Optional.of(n), cols, t.fkTable.get(n), t.fkReferenced.get(n), a[0], a[1]));
        });
    // a foreign key that no index serves has one InnoDB made, named after it, among the plain
    // keys: the keys are put in that order, which a new table repeats by adding them in it
    fks.sort(
        java.util.Comparator.comparingInt(
            fk -> {
              int at = t.keyOrder.indexOf(fk.name().orElseThrow());
              return at < 0 ? Integer.MAX_VALUE : at;
            }));
    List<UniqueConstraint> uniques = new ArrayList<>();
    t.uniques.forEach(
        (n, cols) -> {
          if (!t.uniqueIndexes.contains(n)) {
            uniques.add(new UniqueConstraint(Optional.of(n), cols));
          }
        });
    // in the order the server lists them, which a new table repeats by creating them in it
    uniques.sort(
        java.util.Comparator.comparingInt(u -> t.keyOrder.indexOf(u.name().orElseThrow())));
    Optional<PrimaryKey> primaryKey =
        t.primaryKey.values().stream()
            .findFirst()
            .map(cols -> new PrimaryKey(Optional.empty(), cols));
    List<CheckConstraint> checks = new ArrayList<>();
    t.checks.forEach((n, clause) -> checks.add(new CheckConstraint(Optional.of(n), clause)));
    Set<String> fkNames = new HashSet<>(t.fkColumns.keySet());
    List<Index> indexes = new ArrayList<>();
    t.indexParts.forEach(
        (index, parts) -> {
          if (!t.skipIndexes.contains(index) && !fkNames.contains(index)) {
            indexes.add(
                new Index(
                    index,
                    name,
                    parts,
                    t.uniqueIndexes.contains(index),
                    Optional.empty(),
                    Optional.ofNullable(t.indexKinds.get(index)),
                    List.of()));
          }
        });
    return new Table(
        name, t.columns, primaryKey, fks, uniques, checks, indexes, t.comment, t.options);
  }

  /**
   * Table-level checks; MariaDB's own {@code json_valid(`c`)} column checks mark JSON columns.
   * Other column-level checks are named after their column and are dropped by that name, so they
   * are listed with the table's.
   */
  private void readChecks() throws SQLException {
    boolean maria = server.mariaDb();
    try (ResultSet rs =
        query(
            maria ? MySqlCatalogQueries.CHECKS_MARIADB : MySqlCatalogQueries.CHECKS_MYSQL,
            maria ? "TABLE_NAME" : "tc.TABLE_NAME")) {
      while (rs.next()) {
        TableRows t = tables.get(rs.getString(1));
        if (t == null) {
          continue;
        }
        String constraint = rs.getString(2);
        String clause = rs.getString(3);
        boolean columnLevel = "Column".equalsIgnoreCase(rs.getString(4));
        String quoted = "`" + constraint.replace("`", "``") + "`";
        if (columnLevel && clause.replace(" ", "").equalsIgnoreCase("json_valid(" + quoted + ")")) {
          t.jsonColumns.add(constraint);
        } else {
          t.checks.put(constraint, clause);
        }
      }
    }
  }

  private void readColumns() throws SQLException {
    try (ResultSet rs = query(MySqlCatalogQueries.COLUMNS, "TABLE_NAME")) {
      while (rs.next()) {
        TableRows t = tables.get(rs.getString("TABLE_NAME"));
        if (t == null) {
          continue; // a view's columns
        }
        String column = rs.getString("COLUMN_NAME");
        ColumnType type =
            MySqlTypes.parse(rs.getString("COLUMN_TYPE"), t.jsonColumns.contains(column));
        String extraAsRead = rs.getString("EXTRA");
        String extra = extraAsRead.toLowerCase(Locale.ROOT);
        String comment = rs.getString("COLUMN_COMMENT");
        // a collation is the column's own only where it is not the table's; MariaDB's JSON is
        // always utf8mb4_bin, which the type says
        Optional<String> collation =
            Optional.ofNullable(rs.getString("COLLATION_NAME"))
                .filter(c -> !c.equals(t.collation) && type.kind() != ColumnType.Kind.JSON);
        int onUpdate = extra.indexOf(ON_UPDATE);
        t.columns.add(
            new Column(
                    column,
                    type,
                    "YES".equals(rs.getString("IS_NULLABLE")),
                    defaultValue(rs.getString("COLUMN_DEFAULT"), extra, type, server.mariaDb()),
                    extra.contains("auto_increment"),
                    Optional.ofNullable(comment).filter(c -> !c.isEmpty()))
                .withCollation(collation)
                .withOnUpdate(
                    onUpdate < 0
                        ? Optional.empty()
                        : Optional.of(
                            extraAsRead.substring(onUpdate + ON_UPDATE.length()).strip())));
      }
    }
  }

  private void readKeys() throws SQLException {
    try (ResultSet rs = query(MySqlCatalogQueries.KEY_COLUMNS, "tc.TABLE_NAME")) {
      while (rs.next()) {
        TableRows t = tables.get(rs.getString(1));
        if (t == null) {
          continue;
        }
        String constraint = rs.getString(2);
        String column = rs.getString(4);
        switch (rs.getString(3)) {
          case "PRIMARY KEY" ->
              t.primaryKey.computeIfAbsent(constraint, k -> new ArrayList<>()).add(column);
          case "UNIQUE" ->
              t.uniques.computeIfAbsent(constraint, k -> new ArrayList<>()).add(column);
          default -> {
            t.fkColumns.computeIfAbsent(constraint, k -> new ArrayList<>()).add(column);
            t.fkReferenced.computeIfAbsent(constraint, k -> new ArrayList<>()).add(rs.getString(7));
            String schema = rs.getString(5);
            String table = rs.getString(6);
            // a reference into the same database stays unqualified, as it was written
            t.fkTable.put(
                constraint,
                schema == null
                        || schema.equals(rs.getString(8)) && (one == null || one.schema().isEmpty())
                    ? QualifiedName.of(table)
                    : QualifiedName.of(schema, table));
          }
        }
      }
    }
    try (ResultSet rs = query(MySqlCatalogQueries.REFERENTIAL_ACTIONS, "TABLE_NAME")) {
      while (rs.next()) {
        TableRows t = tables.get(rs.getString(1));
        if (t != null) {
          t.actions.put(
              rs.getString(2),
              new ReferentialAction[] {action(rs.getString(3)), action(rs.getString(4))});
        }
      }
    }
  }

  /**
   * Plain indexes, and unique ones that are not just columns (a prefix of a column, or MariaDB's
   * {@code USING HASH}, which it also picks by itself for a key too long for a B-tree): not
   * PRIMARY, not the other unique ones (those are UNIQUE constraints), not the index named after a
   * foreign key that InnoDB made for it (left out when the table is put together), and not a
   * functional index (no column name). The order of the keys is kept too.
   */
  private void readIndexes() throws SQLException {
    try (ResultSet rs = query(MySqlCatalogQueries.INDEXES, "TABLE_NAME")) {
      while (rs.next()) {
        TableRows t = tables.get(rs.getString(1));
        if (t == null) {
          continue;
        }
        String index = rs.getString(2);
        String column = rs.getString(4);
        if (rs.getInt(8) == 1) {
          t.keyOrder.add(index);
        }
        if (index.equals("PRIMARY") || column == null) {
          t.skipIndexes.add(index);
          continue;
        }
        // COLLATION is 'A' for ascending, 'D' for descending (MariaDB 10.8+, MySQL 8); SUB_PART
        // the length of a prefix key, written name(n) as MySQL writes it
        String prefix = rs.getString(6);
        String type = rs.getString(7);
        boolean desc = "D".equals(rs.getString(5));
        IndexPart part =
            prefix == null
                ? IndexPart.column(column)
                : IndexPart.expression(column + "(" + prefix + ")");
        t.indexParts.computeIfAbsent(index, k -> new ArrayList<>()).add(desc ? part.desc() : part);
        if (rs.getInt(3) == 0) {
          t.uniqueKeys.add(index);
          if (prefix != null || desc || "HASH".equals(type)) {
            t.uniqueIndexes.add(index);
          }
        }
        if ("FULLTEXT".equals(type) || "SPATIAL".equals(type) || "HASH".equals(type)) {
          t.indexKinds.put(index, type.toLowerCase(Locale.ROOT));
        }
      }
    }
    for (Map.Entry<String, TableRows> e : tables.entrySet()) {
      TableRows t = e.getValue();
      for (String unique : t.uniqueKeys) {
        if (!t.uniqueIndexes.contains(unique)) {
          t.skipIndexes.add(unique); // a UNIQUE constraint, read with the keys
        }
      }
      if (t.indexParts.keySet().stream().anyMatch(i -> isBtreeIndex(t, i))) {
        Optional<String> schema = one == null ? Optional.empty() : one.schema();
        for (String index : MySqlExplicitBtree.read(connection, schema, e.getKey())) {
          if (isBtreeIndex(t, index)) {
            t.indexKinds.put(index, "btree");
          }
        }
      }
    }
  }

  /** An index read as an {@link Index} with no other method, which may say USING BTREE. */
  private static boolean isBtreeIndex(TableRows t, String index) {
    return t.indexParts.containsKey(index)
        && !t.skipIndexes.contains(index)
        && !t.fkColumns.containsKey(index)
        && !t.indexKinds.containsKey(index);
  }

  /**
   * The query for the database, narrowed to {@link #one} when it is set; the statement closes with
   * it.
   */
  private ResultSet query(String sql, String tableColumn) throws SQLException {
    PreparedStatement st =
        connection.prepareStatement(MySqlCatalogQueries.oneTable(sql, one != null, tableColumn));
    st.closeOnCompletion();
    st.setString(1, one == null ? null : one.schema().orElse(null));
    if (one != null) {
      st.setString(2, one.name());
      st.setString(3, one.name());
    }
    return st.executeQuery();
  }

  /**
   * A default as COLUMN_DEFAULT reports it. MariaDB 10.2.7+ writes SQL: {@code NULL}, a number, a
   * quoted string with backslash escapes, or an expression such as {@code current_timestamp(6)}
   * ("Information Schema COLUMNS Table"). MySQL writes the bare value and marks expressions with
   * DEFAULT_GENERATED in EXTRA ("The INFORMATION_SCHEMA COLUMNS Table").
   */
  static Optional<DefaultValue> defaultValue(
      String text, String extra, ColumnType type, boolean mariaDb) {
    if (text == null || (mariaDb && text.equals("NULL"))) {
      return Optional.empty();
    }
    DefaultValue value;
    if (!mariaDb) {
      value =
          extra.contains("default_generated")
              ? new DefaultValue.Expression(text)
              : new DefaultValue.Literal(text);
    } else if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
      value = new DefaultValue.Literal(unescape(text.substring(1, text.length() - 1)));
    } else if (NUMBER.matcher(text).matches()) {
      value = new DefaultValue.Literal(text);
    } else {
      value = new DefaultValue.Expression(text);
    }
    if (MySqlTypes.isBoolean(type)
        && value instanceof DefaultValue.Literal l
        && (l.value().equals("1") || l.value().equals("0"))) {
      return Optional.of(new DefaultValue.Literal(l.value().equals("1") ? "true" : "false"));
    }
    return Optional.of(value);
  }

  /** MariaDB's string escapes ("String Literals"), and a doubled quote. */
  static String unescape(String quoted) {
    StringBuilder out = new StringBuilder(quoted.length());
    for (int i = 0; i < quoted.length(); i++) {
      char ch = quoted.charAt(i);
      if (ch == '\'' && i + 1 < quoted.length() && quoted.charAt(i + 1) == '\'') {
        out.append('\'');
        i++;
      } else if (ch == '\\' && i + 1 < quoted.length()) {
        char next = quoted.charAt(++i);
        out.append(
            switch (next) {
              case '0' -> '\0';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 't' -> '\t';
              case 'b' -> '\b';
              case 'Z' -> (char) 26;
              default -> next;
            });
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  /**
   * RESTRICT reads as NO ACTION: InnoDB checks both at once and treats them alike ("FOREIGN KEY
   * Constraints", "Referential Actions"), and MariaDB reports an omitted action as RESTRICT, so
   * this is what a key written without actions, the portable default, comes back as.
   */
  private static ReferentialAction action(String rule) {
    ReferentialAction action =
        ReferentialAction.valueOf(rule.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
    return action == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : action;
  }
}
