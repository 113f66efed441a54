package dev.retort.dialect.postgres;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Portable column types in PostgreSQL's spelling
 * (https://www.postgresql.org/docs/current/datatype.html).
 */
final class PostgresTypes {

  private static final Set<ColumnType.Kind> NUMERIC =
      EnumSet.of(
          ColumnType.Kind.SMALLINT,
          ColumnType.Kind.INTEGER,
          ColumnType.Kind.BIGINT,
          ColumnType.Kind.NUMERIC,
          ColumnType.Kind.REAL,
          ColumnType.Kind.DOUBLE);

  private PostgresTypes() {}

  /** The type as PostgreSQL writes it; a raw type passes through unchanged. */
  static String sql(ColumnType type) {
    return switch (type.kind()) {
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case VARCHAR -> "varchar(" + type.length() + ")";
      case CHAR -> "char(" + type.length() + ")";
      case TEXT -> "text";
      case BOOLEAN -> "boolean";
      case NUMERIC ->
          type.length() == 0 ? "numeric" : "numeric(" + type.length() + "," + type.scale() + ")";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMPTZ -> "timestamp with time zone";
      case UUID -> "uuid";
      case JSON -> "json";
      case JSONB -> "jsonb";
      case BYTES -> "bytea";
      case RAW -> type.raw();
    };
  }

  /** Whether a literal default of this type may be written as a bare number. */
  static boolean isNumeric(ColumnType type) {
    return NUMERIC.contains(type.kind());
  }

  static boolean isBoolean(ColumnType type) {
    return type.kind() == ColumnType.Kind.BOOLEAN;
  }

  /** serial, bigserial or smallserial: the integer type and its owned sequence in one word. */
  static String serial(Column column) {
    return switch (column.type().kind()) {
      case INTEGER -> "serial";
      case BIGINT -> "bigserial";
      case SMALLINT -> "smallserial";
      default ->
          throw new dev.retort.error.UsageException(
              "column "
                  + column.name()
                  + " is serial, "
                  + "which PostgreSQL only has for smallint, integer and bigint, not "
                  + column.type());
    };
  }
}
