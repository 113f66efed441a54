package dev.retort.dialect.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which keys of a table were created with an explicit {@code USING BTREE}. InnoDB builds a B-tree
 * either way and {@code information_schema.STATISTICS} says {@code BTREE} for both, but the table
 * keeps the clause and {@code SHOW CREATE TABLE} (so {@code mysqldump}) prints it; it is the only
 * place that says so, one statement per table. Read only for tables that have such keys at all.
 */
final class MySqlExplicitBtree {
  private MySqlExplicitBtree() {}

  /** The names of the keys of {@code table} (in {@code schema}, or the current database). */
  static Set<String> read(Connection c, Optional<String> schema, String table) throws SQLException {
    String name = schema.map(s -> quote(s) + ".").orElse("") + quote(table);
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + name)) {
      return rs.next() ? parse(rs.getString(2)) : Set.of();
    }
  }

  /**
   * The keys whose line in a CREATE TABLE statement, after the name and the parenthesised parts,
   * goes on with {@code USING BTREE}: quotes are followed, so a name or a comment that says so is
   * not taken for it.
   */
  static Set<String> parse(String createTable) {
    Set<String> out = new HashSet<>();
    for (String line : createTable.split("\n")) {
      String s = line.strip();
      int key = s.indexOf("KEY `");
      if (key < 0 || !isKeyStart(s.substring(0, key))) {
        continue;
      }
      int i = key + "KEY ".length();
      StringBuilder keyName = new StringBuilder();
      i = quoted(s, i, keyName);
      if (i < 0) {
        continue;
      }
      i = skipParts(s, i);
      if (i >= 0 && s.startsWith(" USING BTREE", i)) {
        out.add(keyName.toString());
      }
    }
    return out;
  }

  /** What may come before KEY on a key's line: nothing, UNIQUE, FULLTEXT or SPATIAL. */
  private static boolean isKeyStart(String before) {
    return before.isEmpty()
        || before.equals("UNIQUE ")
        || before.equals("FULLTEXT ")
        || before.equals("SPATIAL ");
  }

  /** Reads the backquoted name at {@code i} into {@code name}; the index after it, or -1. */
  private static int quoted(String s, int i, StringBuilder name) {
    if (i >= s.length() || s.charAt(i) != '`') {
      return -1;
    }
    for (int j = i + 1; j < s.length(); j++) {
      if (s.charAt(j) == '`') {
        if (j + 1 < s.length() && s.charAt(j + 1) == '`') {
          name.append('`');
          j++;
        } else {
          return j + 1;
        }
      } else {
        name.append(s.charAt(j));
      }
    }
    return -1;
  }

  /** Skips {@code " (...)"}, the key's parts, following quotes; the index after it, or -1. */
  private static int skipParts(String s, int i) {
    if (!s.startsWith(" (", i)) {
      return -1;
    }
    int depth = 0;
    char quote = 0;
    for (int j = i + 1; j < s.length(); j++) {
      char ch = s.charAt(j);
      if (quote != 0) {
        if (ch == quote) {
          if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
            j++; // a doubled quote stays inside the quotes
          } else {
            quote = 0;
          }
        } else if (ch == '\\' && quote == '\'') {
          j++;
        }
      } else if (ch == '`' || ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')' && --depth == 0) {
        return j + 1;
      }
    }
    return -1;
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
