package dev.retort.dialect.mysql;

import dev.retort.schema.ColumnType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Portable column types in MySQL/MariaDB spelling, and back from {@code information_schema} (MySQL
 * 8.0 Reference Manual, chapter 13 "Data Types"; MariaDB Knowledge Base, "Data Types").
 *
 * <p>Choices where the two servers or the portable kinds leave room:
 *
 * <ul>
 *   <li>{@code text} is {@code TEXT} (65,535 bytes), not {@code LONGTEXT}: it is what a reader
 *       expects from the DDL, an over-long value fails loudly under the default strict sql_mode
 *       instead of being cut, and MariaDB's JSON is itself a {@code LONGTEXT}, so keeping text
 *       apart lets the catalog tell the two apart. Use {@code raw("longtext")} for more.
 *   <li>{@code boolean} is {@code tinyint(1)}, which is what {@code BOOLEAN} means to both servers
 *       and what they report back.
 *   <li>{@code numeric} without precision is {@code decimal(65,30)}, the widest there is: a bare
 *       {@code DECIMAL} means {@code decimal(10,0)} and would drop every fraction.
 *   <li>{@code time} and {@code timestamp} carry microseconds ({@code (6)}), as in PostgreSQL;
 *       without it MySQL rounds to whole seconds.
 *   <li>{@code timestamptz} is {@code datetime(6)} too, holding UTC by convention. MySQL's {@code
 *       TIMESTAMP} does convert through the session time zone, but it ends in 2038 and, with {@code
 *       explicit_defaults_for_timestamp} off (MariaDB's default before 10.10), a NOT NULL TIMESTAMP
 *       silently gains {@code DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP}.
 *   <li>{@code uuid} is {@code char(36)}: MySQL has no UUID type and MariaDB only from 10.7, so one
 *       spelling keeps the schema (and an offline script) the same on both servers.
 *   <li>{@code json} and {@code jsonb} are {@code json}: MySQL stores it in a binary form, MariaDB
 *       as {@code LONGTEXT} with a {@code json_valid} check; neither has a separate jsonb.
 *   <li>{@code bytes} is {@code longblob}, unbounded like {@code bytea}.
 * </ul>
 */
final class MySqlTypes {

  /** Where PostgreSQL has unconstrained numeric; MySQL's widest DECIMAL. */
  static final String WIDEST_DECIMAL = "decimal(65,30)";

  private static final Set<ColumnType.Kind> NUMERIC =
      EnumSet.of(
          ColumnType.Kind.SMALLINT,
          ColumnType.Kind.INTEGER,
          ColumnType.Kind.BIGINT,
          ColumnType.Kind.NUMERIC,
          ColumnType.Kind.REAL,
          ColumnType.Kind.DOUBLE);

  private static final Pattern SIZED = Pattern.compile("([a-z ]+)\\((\\d+)(?:,(\\d+))?\\)(.*)");

  private MySqlTypes() {}

  /** The type as MySQL writes it; a raw type passes through unchanged. */
  static String sql(ColumnType type) {
    return switch (type.kind()) {
      case SMALLINT -> "smallint";
      case INTEGER -> "int";
      case BIGINT -> "bigint";
      case VARCHAR -> "varchar(" + type.length() + ")";
      case CHAR -> "char(" + type.length() + ")";
      case TEXT -> "text";
      case BOOLEAN -> "tinyint(1)";
      case NUMERIC ->
          type.length() == 0
              ? WIDEST_DECIMAL
              : "decimal(" + type.length() + "," + type.scale() + ")";
      case REAL -> "float";
      case DOUBLE -> "double";
      case DATE -> "date";
      case TIME -> "time(6)";
      case TIMESTAMP, TIMESTAMPTZ -> "datetime(6)";
      case UUID -> "char(36)";
      case JSON, JSONB -> "json";
      case BYTES -> "longblob";
      case RAW -> type.raw();
    };
  }

  /**
   * The portable type for a column as {@code information_schema.COLUMNS.COLUMN_TYPE} reports it
   * ({@code int(11)}, {@code varchar(20)}, {@code decimal(65,30)}, {@code tinyint(1)}); {@code
   * json} says that MariaDB keeps a {@code json_valid} check on the (LONGTEXT) column. MySQL 8.0.19
   * stopped reporting integer display widths except for {@code tinyint(1)}, so both forms are read.
   * Anything else, unsigned and zerofill included, comes back raw.
   */
  static ColumnType parse(String columnType, boolean json) {
    String t = columnType.strip().toLowerCase(Locale.ROOT);
    if (json && (t.equals("longtext") || t.equals("json"))) {
      return ColumnType.json();
    }
    Matcher sized = SIZED.matcher(t);
    if (sized.matches() && sized.group(4).isEmpty()) {
      int length = Integer.parseInt(sized.group(2));
      int scale = sized.group(3) == null ? 0 : Integer.parseInt(sized.group(3));
      return switch (sized.group(1)) {
        case "tinyint" -> length == 1 ? ColumnType.bool() : ColumnType.raw(columnType);
        // a display width other than the one MariaDB gives the type stays as written
        case "smallint" -> length == 6 ? ColumnType.smallint() : ColumnType.raw(columnType);
        case "int" -> length == 11 ? ColumnType.integer() : ColumnType.raw(columnType);
        case "bigint" -> length == 20 ? ColumnType.bigint() : ColumnType.raw(columnType);
        case "varchar" -> ColumnType.varchar(length);
        case "char" -> ColumnType.fixedChar(length);
        case "decimal" ->
            t.equals(WIDEST_DECIMAL) ? ColumnType.numeric(0, 0) : ColumnType.numeric(length, scale);
        case "time" -> length == 6 ? ColumnType.time() : ColumnType.raw(columnType);
        case "datetime" -> length == 6 ? ColumnType.timestamp() : ColumnType.raw(columnType);
        case "timestamp" -> length == 6 ? ColumnType.timestamptz() : ColumnType.raw(columnType);
        default -> ColumnType.raw(columnType);
      };
    }
    return switch (t) {
      case "smallint" -> ColumnType.smallint();
      case "int" -> ColumnType.integer();
      case "bigint" -> ColumnType.bigint();
      case "text" -> ColumnType.text();
      case "float" -> ColumnType.real();
      case "double" -> ColumnType.doublePrecision();
      case "date" -> ColumnType.date();
      case "json" -> ColumnType.json();
      case "uuid" -> ColumnType.uuid();
      case "longblob" -> ColumnType.bytes();
      default -> ColumnType.raw(columnType);
    };
  }

  /** Whether a literal default of this type may be written as a bare number. */
  static boolean isNumeric(ColumnType type) {
    return NUMERIC.contains(type.kind());
  }

  static boolean isBoolean(ColumnType type) {
    return type.kind() == ColumnType.Kind.BOOLEAN;
  }

  private static final Pattern LONG_TYPE = Pattern.compile(".*(text|blob|json|geometry).*");

  /**
   * Whether a literal default must be written as an expression, {@code DEFAULT ('x')}: MySQL
   * refuses literal defaults on BLOB, TEXT, GEOMETRY and JSON columns and accepts expression
   * defaults from 8.0.13 ("Data Type Default Values"); MariaDB 10.2+ takes either form.
   */
  static boolean needsExpressionDefault(ColumnType type) {
    return switch (type.kind()) {
      case TEXT, JSON, JSONB, BYTES -> true;
      case RAW -> LONG_TYPE.matcher(type.raw().toLowerCase(Locale.ROOT)).matches();
      default -> false;
    };
  }
}
