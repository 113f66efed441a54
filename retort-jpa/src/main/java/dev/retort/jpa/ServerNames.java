package dev.retort.jpa;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The name PostgreSQL gives a constraint that its DDL leaves unnamed, as Hibernate's schema
 * creation leaves inline {@code unique} and {@code check} clauses: {@code <table>_<columns>_key},
 * {@code <table>_<column>_check}, each part shortened until the whole fits in 63 bytes, and a
 * number after the label when the name is taken (PostgreSQL's {@code makeObjectName} and {@code
 * ChooseConstraintName}, src/backend/commands/indexcmds.c). Retort names these constraints so,
 * because its model matches constraints by name.
 */
public final class ServerNames {
  private static final int MAX = 63;

  private ServerNames() {}

  /**
   * The name for a constraint of {@code label} ({@code key}, {@code check}) not in {@code taken}.
   */
  public static String postgres(
      String table, List<String> columns, String label, Set<String> taken) {
    String joined = columns.isEmpty() ? null : joinColumns(columns);
    for (int pass = 0; ; pass++) {
      String name = makeObjectName(table, joined, pass == 0 ? label : label + pass);
      if (taken.add(name)) {
        return name;
      }
    }
  }

  /**
   * Column names joined by '_', stopping once the result reaches the limit
   * (ChooseIndexNameAddition).
   */
  private static String joinColumns(List<String> columns) {
    StringBuilder b = new StringBuilder();
    for (String c : columns) {
      if (b.length() > 0) {
        b.append('_');
      }
      b.append(c);
      if (bytes(b.toString()) >= MAX) {
        break;
      }
    }
    return b.toString();
  }

  private static String makeObjectName(String name1, String name2, String label) {
    int name1chars = bytes(name1);
    int name2chars = name2 == null ? 0 : bytes(name2);
    int overhead = bytes(label) + 1 + (name2 == null ? 0 : 1);
    int avail = MAX - overhead;
    while (name1chars + name2chars > avail) {
      if (name1chars > name2chars) {
        name1chars--;
      } else {
        name2chars--;
      }
    }
    StringBuilder b = new StringBuilder(truncate(name1, name1chars));
    if (name2 != null) {
      b.append('_').append(truncate(name2, name2chars));
    }
    return b.append('_').append(label).toString();
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The longest prefix of {@code s} within {@code max} UTF-8 bytes, not cutting a character. */
  private static String truncate(String s, int max) {
    int used = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + len > max) {
        break;
      }
      used += len;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}
