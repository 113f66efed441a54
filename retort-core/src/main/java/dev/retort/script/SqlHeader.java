package dev.retort.script;

import dev.retort.error.MigrationFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code -- retort:key value} lines of a SQL migration: which keys exist, their checks, and the
 * {@link Revision} they make. {@link SqlFileReader} decides where each line stands.
 */
final class SqlHeader {
  private static final List<String> KEYS =
      List.of(
          "revision",
          "revises",
          "branch-labels",
          "depends-on",
          "message",
          "transactional",
          "dialect",
          "upgrade",
          "downgrade",
          "todo");

  private final Path file;
  private final Map<String, Integer> seen = new HashMap<>();
  private final Map<String, String> values = new HashMap<>();

  SqlHeader(Path file) {
    this.file = file;
  }

  /** The key of a {@code -- retort:key value} line, or null for an ordinary comment. */
  String directive(String line, int lineNo) {
    int from = afterDashes(line);
    if (!line.startsWith("retort:", from)) {
      return null;
    }
    from += 7;
    int end = from;
    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    String key = line.substring(from, end);
    if (!KEYS.contains(key)) {
      throw new MigrationFileException(
          file,
          lineNo,
          "unknown header key 'retort:" + key + "'; known keys: " + String.join(", ", KEYS));
    }
    if ((key.equals("upgrade") || key.equals("downgrade")) && !argument(line, key).isEmpty()) {
      throw new MigrationFileException(
          file, lineNo, "unexpected text after '-- retort:" + key + "'; put SQL on the next line");
    }
    return key;
  }

  /** The text after {@code -- retort:key} on a line {@link #directive} accepted. */
  static String argument(String line, String key) {
    return line.substring(afterDashes(line) + 7 + key.length()).strip();
  }

  /**
   * Where a {@code --} line's text starts: after the dashes and the whitespace after them (as
   * {@code substring(2).stripLeading()} would, without the copies: this runs for every header line
   * of every file on every command).
   */
  private static int afterDashes(String line) {
    int i = 2;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  /** A header starts with its revision: {@code key} (upgrade or dialect) may not come first. */
  void requireRevisionBefore(String key, int lineNo) {
    if (!seen.containsKey("revision")) {
      throw new MigrationFileException(
          file, lineNo, "missing '-- retort:revision <id>' before '-- retort:" + key + "'");
    }
  }

  /** Records a header key's value, once per key. */
  void put(String key, String line, int lineNo) {
    Integer first = seen.putIfAbsent(key, lineNo);
    if (first != null) {
      throw new MigrationFileException(
          file, lineNo, "duplicate key 'retort:" + key + "' (first at line " + first + ")");
    }
    values.put(key, argument(line, key));
    check(key, values.get(key), lineNo);
  }

  private void check(String key, String value, int lineNo) {
    switch (key) {
      case "revision" -> {
        if (value.isEmpty()) {
          throw new MigrationFileException(file, lineNo, "'-- retort:revision' needs an id");
        }
        HeaderParser.checkId(file, lineNo, "revision", value);
      }
      case "message" -> HeaderParser.checkMessage(file, lineNo, value);
      case "revises", "depends-on" ->
          list(value, lineNo, key).forEach(id -> HeaderParser.checkId(file, lineNo, key, id));
      case "branch-labels" ->
          list(value, lineNo, key).forEach(l -> HeaderParser.checkLabel(file, lineNo, l));
      case "transactional" -> {
        if (!value.equals("true") && !value.equals("false")) {
          throw new MigrationFileException(
              file, lineNo, "'retort:transactional' must be true or false, not '" + value + "'");
        }
      }
      default -> {}
    }
  }

  /** The comma-separated items of {@code key}'s value: none empty, none twice. */
  List<String> list(String value, int lineNo, String key) {
    if (value.isBlank()) {
      return List.of();
    }
    if (value.indexOf(',') < 0) { // one item, the usual case: nothing empty, nothing twice
      List<String> one = new ArrayList<>(1);
      one.add(value.strip());
      return one;
    }
    Set<String> items = new LinkedHashSet<>();
    for (String part : value.split(",", -1)) {
      String item = part.strip();
      if (item.isEmpty()) {
        throw new MigrationFileException(
            file, lineNo, "empty item in 'retort:" + key + "'; separate items with one comma");
      }
      if (!items.add(item)) {
        throw new MigrationFileException(
            file, lineNo, "'retort:" + key + "' lists '" + item + "' twice");
      }
    }
    return new ArrayList<>(items);
  }

  Revision revision(String checksum) {
    return new Revision(
        values.get("revision"),
        list(values.getOrDefault("revises", ""), 0, "revises"),
        Set.copyOf(list(values.getOrDefault("branch-labels", ""), 0, "branch-labels")),
        list(values.getOrDefault("depends-on", ""), 0, "depends-on"),
        values.getOrDefault("message", ""),
        !"false".equals(values.get("transactional")),
        Optional.of(file),
        Revision.Format.SQL,
        checksum);
  }
}
