package dev.retort.dialect.mysql;

import dev.retort.dialect.Catalog;
import dev.retort.error.DatabaseException;
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
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Reads one table of the current database (or the database named by the table's qualifier) from
 * {@code information_schema}, and which server it is talking to.
 *
 * <p>What MySQL keeps differently from the portable model: a primary key is always named {@code
 * PRIMARY}, so it comes back unnamed; every unique index is a UNIQUE constraint, so unique indexes
 * come back as {@link UniqueConstraint}s; the index InnoDB creates for a foreign key, named after
 * it, is part of the key and not listed as an index; MariaDB's JSON is LONGTEXT with a {@code
 * json_valid} column check, which comes back as the type {@code json} and not as a check.
 */
final class MySqlCatalog implements Catalog {

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final Connection connection;
  private MySqlServer server;

  MySqlCatalog(Connection connection) {
    this.connection = connection;
  }

  /** The server, read once from the driver's metadata and the session's sql_mode. */
  MySqlServer server() {
    if (server == null) {
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode")) {
        DatabaseMetaData meta = connection.getMetaData();
        server = MySqlServer.parse(meta.getDatabaseProductName(),
            meta.getDatabaseProductVersion(), rs.next() ? rs.getString(1) : "");
      } catch (SQLException e) {
        throw new DatabaseException("Cannot read the MySQL/MariaDB server version: "
            + e.getMessage(), e);
      }
    }
    return server;
  }

  @Override
  public Optional<Table> table(QualifiedName name) {
    try {
      return read(name);
    } catch (SQLException e) {
      throw new DatabaseException("Cannot read table " + name + " from information_schema: "
          + e.getMessage(), e);
    }
  }

  private Optional<Table> read(QualifiedName name) throws SQLException {
    Optional<String> comment = Optional.empty();
    try (ResultSet rs = query(MySqlCatalogQueries.TABLE, name)) {
      if (!rs.next()) {
        return Optional.empty();
      }
      comment = Optional.ofNullable(rs.getString(1)).filter(c -> !c.isEmpty());
    }
    Map<String, String> checks = new LinkedHashMap<>();
    Set<String> jsonColumns = new HashSet<>();
    readChecks(name, checks, jsonColumns);
    List<Column> columns = new ArrayList<>();
    try (ResultSet rs = query(MySqlCatalogQueries.COLUMNS, name)) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME");
        ColumnType type = MySqlTypes.parse(rs.getString("COLUMN_TYPE"), jsonColumns.contains(column));
        String extra = rs.getString("EXTRA").toLowerCase(Locale.ROOT);
        String columnComment = rs.getString("COLUMN_COMMENT");
        columns.add(new Column(column, type, "YES".equals(rs.getString("IS_NULLABLE")),
            defaultValue(rs.getString("COLUMN_DEFAULT"), extra, type, server().mariaDb()),
            extra.contains("auto_increment"),
            Optional.ofNullable(columnComment).filter(c -> !c.isEmpty())));
      }
    }
    Keys keys = keys(name);
    List<CheckConstraint> checkList = new ArrayList<>();
    checks.forEach((n, clause) -> checkList.add(new CheckConstraint(Optional.of(n), clause)));
    return Optional.of(new Table(name, columns, keys.primaryKey, keys.foreignKeys, keys.uniques,
        checkList, indexes(name, keys), comment));
  }

  /**
   * Table-level checks into {@code checks}; MariaDB's own {@code json_valid(`c`)} column checks
   * into {@code jsonColumns}. Other column-level checks are named after their column and are
   * dropped by that name, so they are listed with the table's.
   */
  private void readChecks(QualifiedName name, Map<String, String> checks, Set<String> jsonColumns)
      throws SQLException {
    String sql = server().mariaDb()
        ? MySqlCatalogQueries.CHECKS_MARIADB
        : MySqlCatalogQueries.CHECKS_MYSQL;
    try (ResultSet rs = query(sql, name)) {
      while (rs.next()) {
        String constraint = rs.getString(1);
        String clause = rs.getString(2);
        boolean columnLevel = "Column".equalsIgnoreCase(rs.getString(3));
        String quoted = "`" + constraint.replace("`", "``") + "`";
        if (columnLevel && clause.replace(" ", "").equalsIgnoreCase("json_valid(" + quoted + ")")) {
          jsonColumns.add(constraint);
        } else {
          checks.put(constraint, clause);
        }
      }
    }
  }

  /** The table's keys, and the names of the indexes that back them. */
  private record Keys(Optional<PrimaryKey> primaryKey, List<UniqueConstraint> uniques,
      List<ForeignKey> foreignKeys) {}

  private Keys keys(QualifiedName name) throws SQLException {
    Map<String, List<String>> pk = new LinkedHashMap<>();
    Map<String, List<String>> uniques = new LinkedHashMap<>();
    Map<String, List<String>> fkColumns = new LinkedHashMap<>();
    Map<String, List<String>> fkReferenced = new LinkedHashMap<>();
    Map<String, QualifiedName> fkTable = new HashMap<>();
    try (ResultSet rs = query(MySqlCatalogQueries.KEY_COLUMNS, name)) {
      while (rs.next()) {
        String constraint = rs.getString(1);
        String column = rs.getString(3);
        switch (rs.getString(2)) {
          case "PRIMARY KEY" -> pk.computeIfAbsent(constraint, k -> new ArrayList<>()).add(column);
          case "UNIQUE" -> uniques.computeIfAbsent(constraint, k -> new ArrayList<>()).add(column);
          default -> {
            fkColumns.computeIfAbsent(constraint, k -> new ArrayList<>()).add(column);
            fkReferenced.computeIfAbsent(constraint, k -> new ArrayList<>()).add(rs.getString(6));
            String schema = rs.getString(4);
            String table = rs.getString(5);
            // a reference into the same database stays unqualified, as it was written
            fkTable.put(constraint, schema == null || schema.equals(rs.getString(7))
                && name.schema().isEmpty() ? QualifiedName.of(table) : QualifiedName.of(schema, table));
          }
        }
      }
    }
    Map<String, ReferentialAction[]> actions = new HashMap<>();
    try (ResultSet rs = query(MySqlCatalogQueries.REFERENTIAL_ACTIONS, name)) {
      while (rs.next()) {
        actions.put(rs.getString(1),
            new ReferentialAction[] {action(rs.getString(2)), action(rs.getString(3))});
      }
    }
    List<ForeignKey> fks = new ArrayList<>();
    fkColumns.forEach((n, cols) -> {
      ReferentialAction[] a = actions.getOrDefault(n,
          new ReferentialAction[] {ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION});
      fks.add(new ForeignKey(Optional.of(n), cols, fkTable.get(n), fkReferenced.get(n), a[0], a[1]));
    });
    List<UniqueConstraint> uniqueList = new ArrayList<>();
    uniques.forEach((n, cols) -> uniqueList.add(new UniqueConstraint(Optional.of(n), cols)));
    Optional<PrimaryKey> primaryKey = pk.values().stream().findFirst()
        .map(cols -> new PrimaryKey(Optional.empty(), cols));
    return new Keys(primaryKey, uniqueList, fks);
  }

  /**
   * Plain indexes: not PRIMARY, not unique (those are UNIQUE constraints), not the index named
   * after a foreign key that InnoDB made for it, and not a functional index (no column name).
   */
  private List<Index> indexes(QualifiedName name, Keys keys) throws SQLException {
    Set<String> fkNames = new HashSet<>();
    keys.foreignKeys().forEach(fk -> fkNames.add(fk.name().orElseThrow()));
    Map<String, List<IndexPart>> parts = new LinkedHashMap<>();
    Map<String, String> kinds = new HashMap<>();
    Set<String> skip = new HashSet<>();
    try (ResultSet rs = query(MySqlCatalogQueries.INDEXES, name)) {
      while (rs.next()) {
        String index = rs.getString(1);
        String column = rs.getString(3);
        if (index.equals("PRIMARY") || rs.getInt(2) == 0 || fkNames.contains(index)
            || column == null) {
          skip.add(index);
          continue;
        }
        // COLLATION is 'A' for ascending, 'D' for descending (MariaDB 10.8+, MySQL 8); SUB_PART
        // the length of a prefix key, written name(n) as MySQL writes it
        String prefix = rs.getString(5);
        IndexPart part = prefix == null ? IndexPart.column(column)
            : IndexPart.expression(column + "(" + prefix + ")");
        parts.computeIfAbsent(index, k -> new ArrayList<>())
            .add("D".equals(rs.getString(4)) ? part.desc() : part);
        String type = rs.getString(6);
        if ("FULLTEXT".equals(type) || "SPATIAL".equals(type)) {
          kinds.put(index, type.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    List<Index> out = new ArrayList<>();
    parts.forEach((index, indexParts) -> {
      if (!skip.contains(index)) {
        out.add(new Index(index, name, indexParts, false, Optional.empty(),
            Optional.ofNullable(kinds.get(index)), List.of()));
      }
    });
    return out;
  }

  /**
   * Whether the table has an index of this name, including the one InnoDB made for a foreign key,
   * which {@link #table} leaves out.
   */
  boolean hasIndex(QualifiedName table, String index) {
    try (ResultSet rs = query(MySqlCatalogQueries.INDEXES, table)) {
      while (rs.next()) {
        if (rs.getString(1).equalsIgnoreCase(index)) {
          return true;
        }
      }
      return false;
    } catch (SQLException e) {
      throw new DatabaseException("Cannot read the indexes of " + table + " from "
          + "information_schema: " + e.getMessage(), e);
    }
  }

  private ResultSet query(String sql, QualifiedName name) throws SQLException {
    PreparedStatement st = connection.prepareStatement(sql);
    st.closeOnCompletion();
    st.setString(1, name.schema().orElse(null));
    st.setString(2, name.name());
    st.setString(3, name.name());
    return st.executeQuery();
  }

  /**
   * A default as COLUMN_DEFAULT reports it. MariaDB 10.2.7+ writes SQL: {@code NULL}, a number, a
   * quoted string with backslash escapes, or an expression such as {@code current_timestamp(6)}
   * ("Information Schema COLUMNS Table"). MySQL writes the bare value and marks expressions with
   * DEFAULT_GENERATED in EXTRA ("The INFORMATION_SCHEMA COLUMNS Table").
   */
  static Optional<DefaultValue> defaultValue(String text, String extra, ColumnType type,
      boolean mariaDb) {
    if (text == null || (mariaDb && text.equals("NULL"))) {
      return Optional.empty();
    }
    DefaultValue value;
    if (!mariaDb) {
      value = extra.contains("default_generated")
          ? new DefaultValue.Expression(text)
          : new DefaultValue.Literal(text);
    } else if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
      value = new DefaultValue.Literal(unescape(text.substring(1, text.length() - 1)));
    } else if (NUMBER.matcher(text).matches()) {
      value = new DefaultValue.Literal(text);
    } else {
      value = new DefaultValue.Expression(text);
    }
    if (MySqlTypes.isBoolean(type) && value instanceof DefaultValue.Literal l
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
        out.append(switch (next) {
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
