package dev.retort.dialect.sqlite;

import dev.retort.schema.ColumnType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Portable column types as SQLite declared types, and back.
 *
 * <p>SQLite stores any value in any column; the declared type only picks the column's affinity by
 * substring (https://www.sqlite.org/datatype3.html, section 3.1): INT → INTEGER, CHAR/CLOB/TEXT →
 * TEXT, BLOB or none → BLOB, REAL/FLOA/DOUB → REAL, anything else → NUMERIC. The names chosen here
 * keep the portable kind readable in the schema, so {@link #parse(String)} maps them back to the
 * same kind, and get a sensible affinity: dates, times, UUIDs and booleans get NUMERIC, which keeps
 * ISO text and UUID text as text; JSON is declared {@code JSON TEXT} so that TEXT affinity does not
 * turn a JSON document such as {@code 1.50} into the number 1.5.
 */
final class SqliteTypes {

  private static final Set<ColumnType.Kind> NUMERIC =
      EnumSet.of(
          ColumnType.Kind.SMALLINT,
          ColumnType.Kind.INTEGER,
          ColumnType.Kind.BIGINT,
          ColumnType.Kind.NUMERIC,
          ColumnType.Kind.REAL,
          ColumnType.Kind.DOUBLE);

  private static final Pattern SIZED =
      Pattern.compile("([A-Z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

  private SqliteTypes() {}

  /** The declared type for a portable type; a raw type passes through unchanged. */
  static String sql(ColumnType type) {
    return switch (type.kind()) {
      case SMALLINT -> "SMALLINT";
      case INTEGER -> "INTEGER";
      case BIGINT -> "BIGINT";
      case VARCHAR -> "VARCHAR(" + type.length() + ")";
      case CHAR -> "CHAR(" + type.length() + ")";
      case TEXT -> "TEXT";
      case BOOLEAN -> "BOOLEAN";
      case NUMERIC ->
          type.length() == 0 ? "NUMERIC" : "NUMERIC(" + type.length() + "," + type.scale() + ")";
      case REAL -> "REAL";
      case DOUBLE -> "DOUBLE";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> "TIMESTAMP";
      case TIMESTAMPTZ -> "TIMESTAMPTZ";
      case UUID -> "UUID";
      case JSON -> "JSON TEXT";
      case JSONB -> "JSONB TEXT";
      case BYTES -> "BLOB";
      case RAW -> type.raw();
    };
  }

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * The portable type for a declared type as PRAGMA table_info reports it; synonyms that other
   * tools write (INT, DATETIME, DECIMAL, DOUBLE PRECISION) map to their kind, the rest is raw. A
   * column without a declared type has BLOB affinity, so it comes back as {@code bytes}.
   */
  static ColumnType parse(String declared) {
    String text = declared == null ? "" : WHITESPACE.matcher(declared.strip()).replaceAll(" ");
    if (text.isEmpty()) {
      return ColumnType.bytes();
    }
    String upper = text.toUpperCase(Locale.ROOT);
    Matcher sized = SIZED.matcher(upper);
    if (sized.matches()) {
      int length = Integer.parseInt(sized.group(2));
      int scale = sized.group(3) == null ? 0 : Integer.parseInt(sized.group(3));
      Optional<ColumnType> type =
          switch (sized.group(1).strip()) {
            case "VARCHAR", "CHARACTER VARYING", "NVARCHAR" ->
                Optional.of(length > 0 ? ColumnType.varchar(length) : ColumnType.raw(text));
            case "CHAR", "CHARACTER", "NCHAR" -> Optional.of(ColumnType.fixedChar(length));
            case "NUMERIC", "DECIMAL" -> Optional.of(ColumnType.numeric(length, scale));
            default -> Optional.empty();
          };
      return type.orElseGet(() -> ColumnType.raw(text));
    }
    return switch (upper) {
      case "SMALLINT", "INT2" -> ColumnType.smallint();
      case "INTEGER", "INT", "INT4", "MEDIUMINT" -> ColumnType.integer();
      case "BIGINT", "INT8" -> ColumnType.bigint();
      case "TEXT", "CLOB" -> ColumnType.text();
      case "BOOLEAN", "BOOL" -> ColumnType.bool();
      case "NUMERIC", "DECIMAL" -> ColumnType.numeric(0, 0);
      case "REAL", "FLOAT" -> ColumnType.real();
      case "DOUBLE", "DOUBLE PRECISION" -> ColumnType.doublePrecision();
      case "DATE" -> ColumnType.date();
      case "TIME" -> ColumnType.time();
      case "TIMESTAMP", "DATETIME" -> ColumnType.timestamp();
      case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" -> ColumnType.timestamptz();
      case "UUID" -> ColumnType.uuid();
      case "JSON TEXT", "JSON" -> ColumnType.json();
      case "JSONB TEXT", "JSONB" -> ColumnType.jsonb();
      case "BLOB" -> ColumnType.bytes();
      default -> ColumnType.raw(text);
    };
  }

  /** Whether a literal default of this type may be written as a bare number. */
  static boolean isNumeric(ColumnType type) {
    return NUMERIC.contains(type.kind());
  }

  static boolean isBoolean(ColumnType type) {
    return type.kind() == ColumnType.Kind.BOOLEAN;
  }

  /** Whether the type is an integer kind, which SQLite's AUTOINCREMENT needs. */
  static boolean isInteger(ColumnType type) {
    return switch (type.kind()) {
      case SMALLINT, INTEGER, BIGINT -> true;
      case RAW -> type.raw().toUpperCase(Locale.ROOT).contains("INT");
      default -> false;
    };
  }
}
