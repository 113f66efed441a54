package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/**
 * A column type: one of the portable kinds, which every dialect maps to its own spelling, or a raw
 * type written for one database.
 *
 * <p>Migrations usually import the factories statically:
 *
 * <pre>{@code
 * import static dev.retort.schema.ColumnType.*;
 *
 * op.addColumn("users", "nickname", varchar(50));
 * }</pre>
 *
 * @param kind the portable kind, or {@link Kind#RAW}
 * @param length the length of {@code varchar}/{@code char}, the precision of {@code numeric}; 0
 *     when absent
 * @param scale the scale of {@code numeric}; 0 when absent
 * @param raw the type as written, for {@link Kind#RAW}; empty otherwise
 */
public record ColumnType(Kind kind, int length, int scale, String raw) {

  /** The portable kinds. */
  public enum Kind {
    SMALLINT,
    INTEGER,
    BIGINT,
    VARCHAR,
    CHAR,
    TEXT,
    BOOLEAN,
    NUMERIC,
    REAL,
    DOUBLE,
    DATE,
    TIME,
    TIMESTAMP,
    TIMESTAMPTZ,
    UUID,
    JSON,
    JSONB,
    BYTES,
    RAW
  }

  public ColumnType {
    requireNonNull(kind, "kind");
    requireNonNull(raw, "raw");
    if (length < 0 || scale < 0) {
      throw new IllegalArgumentException("length and scale cannot be negative");
    }
    if (kind == Kind.RAW && raw.isBlank()) {
      throw new IllegalArgumentException("a raw type needs its SQL text");
    }
  }

  // equals and hashCode written out for the differ's sake: bench/README.md, "Records' equals"
  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnType t
        && kind == t.kind
        && length == t.length
        && scale == t.scale
        && raw.equals(t.raw);
  }

  @Override
  public int hashCode() {
    return ((kind.ordinal() * 31 + length) * 31 + scale) * 31 + raw.hashCode();
  }

  private static ColumnType simple(Kind kind) {
    return new ColumnType(kind, 0, 0, "");
  }

  public static ColumnType smallint() {
    return simple(Kind.SMALLINT);
  }

  public static ColumnType integer() {
    return simple(Kind.INTEGER);
  }

  public static ColumnType bigint() {
    return simple(Kind.BIGINT);
  }

  /** {@code varchar(length)}. */
  public static ColumnType varchar(int length) {
    if (length <= 0) {
      throw new IllegalArgumentException("varchar needs a positive length, got " + length);
    }
    return new ColumnType(Kind.VARCHAR, length, 0, "");
  }

  /** Fixed-length {@code char(length)}. */
  public static ColumnType fixedChar(int length) {
    return new ColumnType(Kind.CHAR, length, 0, "");
  }

  public static ColumnType text() {
    return simple(Kind.TEXT);
  }

  /** A boolean ({@code boolean} is a Java keyword, hence the short name). */
  public static ColumnType bool() {
    return simple(Kind.BOOLEAN);
  }

  /** {@code numeric(precision, scale)}. */
  public static ColumnType numeric(int precision, int scale) {
    return new ColumnType(Kind.NUMERIC, precision, scale, "");
  }

  public static ColumnType real() {
    return simple(Kind.REAL);
  }

  public static ColumnType doublePrecision() {
    return simple(Kind.DOUBLE);
  }

  public static ColumnType date() {
    return simple(Kind.DATE);
  }

  public static ColumnType time() {
    return simple(Kind.TIME);
  }

  /** A timestamp without time zone. */
  public static ColumnType timestamp() {
    return simple(Kind.TIMESTAMP);
  }

  /** A timestamp with time zone. */
  public static ColumnType timestamptz() {
    return simple(Kind.TIMESTAMPTZ);
  }

  public static ColumnType uuid() {
    return simple(Kind.UUID);
  }

  public static ColumnType json() {
    return simple(Kind.JSON);
  }

  /** Binary JSON on PostgreSQL; JSON text elsewhere. */
  public static ColumnType jsonb() {
    return simple(Kind.JSONB);
  }

  /** A byte string ({@code bytea}, {@code blob}, {@code longblob}). */
  public static ColumnType bytes() {
    return simple(Kind.BYTES);
  }

  /** A type written for one database, passed through as is. */
  public static ColumnType raw(String sql) {
    return new ColumnType(Kind.RAW, 0, 0, sql);
  }

  /**
   * Whether every value of a column of type {@code from} is kept exactly when the column becomes
   * this type: a longer {@code varchar}, {@code text}, a wider integer or numeric, {@code double}
   * from {@code real}, a timestamp from a date. A narrowing or a cast that may round, truncate or
   * reinterpret values is not; nor is anything about a raw type but the same raw type.
   */
  public boolean holdsEveryValueOf(ColumnType from) {
    if (equals(from)) {
      return true;
    }
    if (kind == Kind.RAW || from.kind == Kind.RAW) {
      return false;
    }
    return switch (kind) {
      case TEXT -> from.kind != Kind.BYTES;
      case VARCHAR ->
          (from.kind == Kind.VARCHAR || from.kind == Kind.CHAR) && length >= from.length
              || from.kind == Kind.UUID && length >= 36
              || from.kind == Kind.BOOLEAN && length >= 5
              || integerDigits(from) > 0 && length >= integerDigits(from) + 1;
      case CHAR -> from.kind == Kind.CHAR && length >= from.length;
      case SMALLINT -> false;
      case INTEGER -> from.kind == Kind.SMALLINT;
      case BIGINT -> from.kind == Kind.SMALLINT || from.kind == Kind.INTEGER;
      case NUMERIC -> numericHolds(from);
      case REAL -> from.kind == Kind.SMALLINT;
      case DOUBLE ->
          from.kind == Kind.SMALLINT || from.kind == Kind.INTEGER || from.kind == Kind.REAL;
      case TIMESTAMP, TIMESTAMPTZ ->
          from.kind == Kind.DATE || kind == Kind.TIMESTAMPTZ && from.kind == Kind.TIMESTAMP;
      case JSON -> from.kind == Kind.JSONB;
      default -> false;
    };
  }

  /** Digits an integer kind may need, 0 for anything else. */
  private static int integerDigits(ColumnType t) {
    return switch (t.kind) {
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT -> 19;
      default -> 0;
    };
  }

  private boolean numericHolds(ColumnType from) {
    if (length == 0) {
      return from.kind == Kind.NUMERIC || integerDigits(from) > 0; // unbounded numeric
    }
    if (integerDigits(from) > 0) {
      return length - scale >= integerDigits(from);
    }
    return from.kind == Kind.NUMERIC
        && from.length > 0
        && scale >= from.scale
        && length - scale >= from.length - from.scale;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case RAW -> raw;
      case VARCHAR -> "varchar(" + length + ")";
      case CHAR -> "char(" + length + ")";
      case NUMERIC -> length == 0 ? "numeric" : "numeric(" + length + "," + scale + ")";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
