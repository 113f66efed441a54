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
    String body = line.substring(2).stripLeading();
    if (!body.startsWith("retort:")) {
      return null;
    }
    int end = 7;
    while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
      end++;
    }
    String key = body.substring(7, end);
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
    String body = line.substring(2).stripLeading();
    return body.substring(7 + key.length()).strip();
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
    Set<String> items = new LinkedHashSet<>();
    if (value.isBlank()) {
      return List.of();
    }
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
