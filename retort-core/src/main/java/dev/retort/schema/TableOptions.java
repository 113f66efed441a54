package dev.retort.schema;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The table options of MySQL and MariaDB, as {@link Table#options()} holds them: names in upper
 * case, values as the catalog spells them. {@link #ENGINE}, {@link #CHARSET} (the default character
 * set) and {@link #COLLATE} (the default collation) are what every table has, filled in by the
 * server when the definition leaves them out; any other option ({@code ROW_FORMAT}, {@code
 * STATS_PERSISTENT}, {@code PAGE_CHECKSUM}, ...) is there only when a definition stated it. The
 * comment is {@link Table#comment()}, not an option.
 *
 * <p>A definition that states no options (a schema written with the Java builders or read from JPA
 * entities) asks for none: the server's defaults are not a change. One that states any, as a table
 * read from a database does, is compared on the options it states and on every option of the other
 * side that only a definition can set ({@link #compared}).
 */
public final class TableOptions {
  public static final String ENGINE = "ENGINE";
  public static final String CHARSET = "CHARSET";
  public static final String COLLATE = "COLLATE";
  public static final String ROW_FORMAT = "ROW_FORMAT";

  /**
   * PostgreSQL: the tables a table inherits from, by name, separated by a comma and a space, in
   * order; the table's own {@link Table#columns()} leave out those it inherits.
   */
  public static final String INHERITS = "INHERITS";

  /** The tables {@code options} say a table inherits from, in order. */
  public static java.util.List<QualifiedName> inherits(Map<String, String> options) {
    String value = options.get(INHERITS);
    if (value == null || value.isBlank()) {
      return java.util.List.of();
    }
    return java.util.Arrays.stream(value.split(", ")).map(QualifiedName::parse).toList();
  }

  /** The options every table has whether or not its definition says them. */
  private static final Set<String> SERVER_FILLED = Set.of(ENGINE, CHARSET, COLLATE);

  /** Option names are written bare into DDL, so only plain words are accepted. */
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  private TableOptions() {}

  /**
   * {@code options} with upper-case names, sorted, unmodifiable.
   *
   * @throws IllegalArgumentException for a name that is not a plain word, or a null value
   */
  public static Map<String, String> copy(Map<String, String> options) {
    if (options.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new TreeMap<>();
    options.forEach(
        (k, v) -> {
          String name = k == null ? "" : k.strip().toUpperCase(Locale.ROOT);
          if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("table option " + k + " is not a plain name");
          }
          if (v == null) {
            throw new IllegalArgumentException("table option " + name + " has no value");
          }
          out.put(name, v);
        });
    return Collections.unmodifiableMap(out);
  }

  /**
   * The options to compare between a table as it is ({@code live}) and as it is wanted ({@code
   * desired}): none when the desired table states none; otherwise the ones it states, and those of
   * the live table that the server does not fill in by itself (an explicit {@code ROW_FORMAT} that
   * the desired table does not have is a difference).
   */
  public static Set<String> compared(Map<String, String> live, Map<String, String> desired) {
    Set<String> out = new LinkedHashSet<>();
    if (desired.isEmpty()) {
      return out;
    }
    out.addAll(desired.keySet());
    for (String k : live.keySet()) {
      if (!SERVER_FILLED.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }

  /** Whether {@code option} is one the server fills in when a definition leaves it out. */
  public static boolean serverFilled(String option) {
    return SERVER_FILLED.contains(option);
  }

  private static final Pattern CHARACTER_TYPE =
      Pattern.compile("(?i)\\s*((var)?char|(tiny|medium|long)?text|enum|set)\\b.*");

  /**
   * Whether a column of {@code type} has a collation in MySQL: character strings, ENUM and SET
   * (JSON is always {@code utf8mb4_bin} there, and is left out).
   */
  public static boolean collatable(ColumnType type) {
    return switch (type.kind()) {
      case VARCHAR, CHAR, TEXT, UUID -> true;
      case RAW -> CHARACTER_TYPE.matcher(type.raw()).matches();
      default -> false;
    };
  }
}
