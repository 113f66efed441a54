package dev.retort.jpa;

import dev.retort.schema.ColumnType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hibernate's rendered column types ({@code Column.getSqlType}) in the form Retort's inspector
 * reads the same column back from each database, so that a table Retort creates from the entities
 * compares equal to them. A type that needs no translation, or that Retort has no portable kind
 * for, stays raw and is written as Hibernate writes it (so the database ends up with the type
 * Hibernate's own schema creation gives).
 */
public final class TypeText {
  private static final Pattern SIZED =
      Pattern.compile("([a-z ]+?)\\s*\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)(.*)");

  private TypeText() {}

  /** The type for {@code dialect} ({@code postgresql}, {@code mysql}, {@code sqlite}). */
  public static ColumnType of(String dialect, String sqlType) {
    String t = sqlType.strip().replaceAll("\\s+", " ");
    return switch (dialect) {
      case "postgresql" -> postgres(t);
      case "mysql" -> mysql(t);
      default -> sqlite(t);
    };
  }

  static ColumnType postgres(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    if (t.endsWith(" array")) {
      return ColumnType.raw(pgSpelling(t.substring(0, t.length() - " array".length())) + "[]");
    }
    Matcher m = SIZED.matcher(t);
    if (m.matches()) {
      String base = m.group(1).strip();
      int n = Integer.parseInt(m.group(2));
      int scale = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      String rest = m.group(4).strip();
      if (rest.isEmpty()) {
        switch (base) {
          case "varchar", "character varying":
            return ColumnType.varchar(n);
          case "char", "character":
            return ColumnType.fixedChar(n);
          case "numeric", "decimal":
            return ColumnType.numeric(n, scale);
          case "float":
            // PostgreSQL reads float(1..24) as real and float(25..53) as double precision
            return n <= 24 ? ColumnType.real() : ColumnType.doublePrecision();
          default:
            break;
        }
      }
    }
    return switch (t) {
      case "smallint", "int2", "tinyint" -> ColumnType.smallint();
      case "integer", "int", "int4" -> ColumnType.integer();
      case "bigint", "int8" -> ColumnType.bigint();
      case "text" -> ColumnType.text();
      case "boolean", "bool" -> ColumnType.bool();
      case "real", "float4" -> ColumnType.real();
      case "double precision", "float8", "float" -> ColumnType.doublePrecision();
      case "date" -> ColumnType.date();
      case "time", "time without time zone" -> ColumnType.time();
      case "timestamp", "timestamp without time zone" -> ColumnType.timestamp();
      case "timestamptz", "timestamp with time zone" -> ColumnType.timestamptz();
      case "uuid" -> ColumnType.uuid();
      case "json" -> ColumnType.json();
      case "jsonb" -> ColumnType.jsonb();
      case "bytea" -> ColumnType.bytes();
      default -> ColumnType.raw(pgSpelling(t));
    };
  }

  private static final Pattern PG_TIME =
      Pattern.compile("(timestamp|time)\\((\\d+)\\)( with time zone| without time zone)?");

  /**
   * PostgreSQL's own spelling ({@code format_type}) of what it keeps raw: times with a precision.
   */
  private static String pgSpelling(String t) {
    Matcher m = PG_TIME.matcher(t);
    if (m.matches()) {
      return m.group(1)
          + "("
          + m.group(2)
          + ")"
          + (m.group(3) == null ? " without time zone" : m.group(3));
    }
    Matcher sized = SIZED.matcher(t);
    if (sized.matches() && sized.group(4).isBlank()) {
      String n = sized.group(2) + (sized.group(3) == null ? "" : "," + sized.group(3));
      switch (sized.group(1).strip()) {
        case "varchar":
          return "character varying(" + n + ")";
        case "char":
          return "character(" + n + ")";
        case "decimal":
          return "numeric(" + n + ")";
        default:
          return t;
      }
    }
    return switch (t) {
      case "int", "int4" -> "integer";
      case "int8" -> "bigint";
      case "int2", "tinyint" -> "smallint";
      case "float8", "float" -> "double precision";
      case "float4" -> "real";
      case "bool" -> "boolean";
      case "timestamp" -> "timestamp without time zone";
      case "timestamptz" -> "timestamp with time zone";
      case "time" -> "time without time zone";
      default -> t;
    };
  }

  static ColumnType mysql(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    if (t.startsWith("enum ") || t.startsWith("enum(")) {
      // information_schema writes enum('A','B') without the space Hibernate puts after enum
      return ColumnType.raw("enum" + type.strip().substring(4).strip());
    }
    Matcher m = SIZED.matcher(t);
    if (m.matches() && m.group(4).isEmpty()) {
      String base = m.group(1).strip();
      int n = Integer.parseInt(m.group(2));
      int scale = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      switch (base) {
        case "varchar":
          return ColumnType.varchar(n);
        case "char":
          return ColumnType.fixedChar(n);
        case "decimal", "numeric":
          return ColumnType.numeric(n, scale);
        case "datetime":
          return n == 6 ? ColumnType.timestamp() : ColumnType.raw(n == 0 ? base : t);
        case "time":
          // the catalog writes a precision of 0 as none: time(0) is time
          return n == 6 ? ColumnType.time() : ColumnType.raw(n == 0 ? base : t);
        case "float":
          return n <= 24 ? ColumnType.real() : ColumnType.doublePrecision();
        default:
          return ColumnType.raw(t);
      }
    }
    return switch (t) {
      case "smallint" -> ColumnType.smallint();
      case "integer", "int" -> ColumnType.integer();
      case "bigint" -> ColumnType.bigint();
      case "text" -> ColumnType.text();
      case "float", "real" -> ColumnType.real();
      case "double", "double precision" -> ColumnType.doublePrecision();
      case "date" -> ColumnType.date();
      case "json" -> ColumnType.json();
      case "longblob" -> ColumnType.bytes();
      case "bit" -> ColumnType.raw("bit(1)");
      default -> ColumnType.raw(t);
    };
  }

  private static final Pattern SQLITE_SIZED =
      Pattern.compile("([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

  /**
   * SQLite keeps a declared type as written; Retort's inspector reads the usual names back as
   * portable kinds (and renders those with the same affinity), the rest raw.
   */
  static ColumnType sqlite(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    Matcher m = SQLITE_SIZED.matcher(t);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(2));
      int scale = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      return switch (m.group(1).strip()) {
        case "varchar", "character varying", "nvarchar" ->
            n > 0 ? ColumnType.varchar(n) : ColumnType.raw(t);
        case "char", "character", "nchar" -> ColumnType.fixedChar(n);
        case "numeric", "decimal" -> ColumnType.numeric(n, scale);
        default -> ColumnType.raw(t);
      };
    }
    return switch (t) {
      case "smallint", "int2" -> ColumnType.smallint();
      case "integer", "int", "int4", "mediumint" -> ColumnType.integer();
      case "bigint", "int8" -> ColumnType.bigint();
      case "text", "clob" -> ColumnType.text();
      case "boolean", "bool" -> ColumnType.bool();
      case "numeric", "decimal" -> ColumnType.numeric(0, 0);
      case "real", "float" -> ColumnType.real();
      case "double", "double precision" -> ColumnType.doublePrecision();
      case "date" -> ColumnType.date();
      case "time" -> ColumnType.time();
      case "timestamp", "datetime" -> ColumnType.timestamp();
      case "timestamptz" -> ColumnType.timestamptz();
      case "uuid" -> ColumnType.uuid();
      case "json" -> ColumnType.json();
      case "jsonb" -> ColumnType.jsonb();
      case "blob" -> ColumnType.bytes();
      default -> ColumnType.raw(t);
    };
  }
}
