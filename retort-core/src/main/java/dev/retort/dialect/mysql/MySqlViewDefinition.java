package dev.retort.dialect.mysql;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.SchemaObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A view's definition as MariaDB and MySQL print it in {@code information_schema.VIEWS}: every name
 * in backticks, a table as {@code `db`.`t`}, a column as {@code `db`.`t`.`c`} (or {@code `v`.`c`}
 * for a column of a view), a stored function as {@code `f`(...)} or {@code `db`.`f`(...)}. Read
 * here into the text without the database's own name, so that it runs in another database (and a
 * scratch copy prints the same text as the live one), and the keys of what it names.
 *
 * @param text the definition without {@code `db`.} before the names of its own database
 * @param dependsOn the tables, columns, views and functions of its own database it names
 */
record MySqlViewDefinition(String text, Set<String> dependsOn) {

  /**
   * Reads {@code definition}, printed in {@code database}, which holds {@code tables}, and the
   * views and stored functions whose keys are {@code views} and {@code functions}. A name of none
   * of them (an alias, a table of another database) is no dependency.
   */
  static MySqlViewDefinition parse(
      String definition,
      String database,
      Set<String> tables,
      Set<String> views,
      Set<String> functions) {
    StringBuilder out = new StringBuilder();
    Set<String> needs = new LinkedHashSet<>();
    int n = definition.length();
    int i = 0;
    while (i < n) {
      char c = definition.charAt(i);
      if (c == '\'' || c == '"') {
        int end = skipString(definition, i);
        out.append(definition, i, end);
        i = end;
      } else if (c == '`') {
        List<String> chain = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int p = i;
        while (true) {
          starts.add(p);
          int end = skipIdentifier(definition, p);
          chain.add(definition.substring(p + 1, Math.max(p + 1, end - 1)).replace("``", "`"));
          p = end;
          if (p + 1 < n && definition.charAt(p) == '.' && definition.charAt(p + 1) == '`') {
            p++;
          } else {
            break;
          }
        }
        boolean call = p < n && definition.charAt(p) == '(';
        List<String> names = chain;
        int from = i;
        if (chain.size() >= 2 && chain.get(0).equals(database)) {
          names = chain.subList(1, chain.size());
          from = starts.get(1);
        } else if (chain.size() == 3) {
          names = List.of();
        }
        needs.addAll(keys(names, call, tables, views, functions));
        out.append(definition, from, p);
        i = p;
      } else {
        out.append(c);
        i++;
      }
    }
    return new MySqlViewDefinition(out.toString(), needs);
  }

  /** The keys of a chain of names, the database's own taken off. */
  private static Set<String> keys(
      List<String> names,
      boolean call,
      Set<String> tables,
      Set<String> views,
      Set<String> functions) {
    Set<String> keys = new LinkedHashSet<>();
    if (names.isEmpty() || names.size() > 2) {
      return keys;
    }
    String first = names.get(0);
    if (call) {
      if (names.size() == 1 && functions.contains(MySqlObjects.functionKey(first))) {
        keys.add(MySqlObjects.functionKey(first));
      }
    } else if (views.contains(MySqlObjects.viewKey(first))) {
      keys.add(MySqlObjects.viewKey(first));
    } else if (tables.contains(first)) {
      QualifiedName table = QualifiedName.of(first);
      keys.add(SchemaObject.tableKey(table));
      if (names.size() == 2) {
        keys.add(SchemaObject.columnKey(table, names.get(1)));
      }
    }
    return keys;
  }

  /** The index after a quoted string starting at {@code at}: doubled quotes and \ escapes. */
  private static int skipString(String s, int at) {
    char quote = s.charAt(at);
    int i = at + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  /** The index after the backtick identifier starting at {@code at}, with {@code ``} escapes. */
  private static int skipIdentifier(String s, int at) {
    int i = at + 1;
    while (i < s.length()) {
      if (s.charAt(i) == '`') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '`') {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }
}
