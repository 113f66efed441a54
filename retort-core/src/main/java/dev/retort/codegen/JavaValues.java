package dev.retort.codegen;

import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.QualifiedName;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Java expressions that evaluate to given values: the fallback that writes any op, or any part of
 * one, as constructor calls, so that nothing an op carries is lost in the generated source.
 */
final class JavaValues {
  private static final String COLUMN_TYPES = "dev.retort.schema.ColumnType.*";

  private final Imports imports;

  JavaValues(Imports imports) {
    this.imports = imports;
  }

  /**
   * An expression equal to {@code value}: literals, {@code Optional}, {@code List}, enums, the
   * schema's value types and any record (through its canonical constructor).
   *
   * @throws IllegalArgumentException for a value no Java expression here can reproduce
   */
  String of(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Boolean || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Long l) {
      return l + "L";
    }
    if (value instanceof Short || value instanceof Byte) {
      return "(" + (value instanceof Short ? "short" : "byte") + ") " + value;
    }
    if (value instanceof Double d) {
      return d.isNaN()
          ? "Double.NaN"
          : d.isInfinite()
              ? (d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY")
              : d + "d";
    }
    if (value instanceof Float f) {
      return f.isNaN()
          ? "Float.NaN"
          : f.isInfinite()
              ? (f > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY")
              : f + "f";
    }
    if (value instanceof Character c) {
      return c == '\'' ? "'\\''" : c == '"' ? "'\"'" : "'" + escape(String.valueOf(c)) + "'";
    }
    if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof UUID) {
      String how = value instanceof UUID ? ".fromString(" : "(";
      return (value instanceof UUID ? "" : "new ")
          + imports.type(value.getClass())
          + how
          + string(value.toString())
          + ")";
    }
    if (value instanceof LocalDate
        || value instanceof LocalTime
        || value instanceof LocalDateTime
        || value instanceof OffsetDateTime
        || value instanceof Instant) {
      return imports.type(value.getClass()) + ".parse(" + string(value.toString()) + ")";
    }
    if (value instanceof Enum<?> e) {
      return imports.type(e.getDeclaringClass()) + "." + e.name();
    }
    if (value instanceof Optional<?> o) {
      return o.isEmpty()
          ? imports.type(Optional.class) + ".empty()"
          : imports.type(Optional.class) + ".of(" + of(o.get()) + ")";
    }
    if (value instanceof List<?> list) {
      return list(list);
    }
    if (value instanceof java.util.Map<?, ?> map) {
      // Map.of takes ten pairs at most; Map.ofEntries any number
      boolean pairs = map.size() <= 10;
      String type = imports.type(java.util.Map.class);
      List<String> items = new ArrayList<>();
      map.forEach(
          (k, v) ->
              items.add(
                  pairs ? of(k) + ", " + of(v) : type + ".entry(" + of(k) + ", " + of(v) + ")"));
      return type + (pairs ? ".of(" : ".ofEntries(") + String.join(", ", items) + ")";
    }
    if (value instanceof java.util.Set<?> set) {
      List<String> items = new ArrayList<>();
      set.forEach(o -> items.add(of(o)));
      return imports.type(java.util.Set.class) + ".of(" + String.join(", ", items) + ")";
    }
    if (value instanceof QualifiedName q) {
      return qualifiedName(q);
    }
    if (value instanceof ColumnType t) {
      return columnType(t);
    }
    if (value instanceof DefaultValue.Literal l) {
      return imports.type(DefaultValue.class) + ".literal(" + string(l.value()) + ")";
    }
    if (value instanceof DefaultValue.Expression e) {
      return imports.type(DefaultValue.class) + ".expression(" + string(e.sql()) + ")";
    }
    if (value instanceof Record r) {
      return record(r);
    }
    throw new IllegalArgumentException(
        "cannot write a " + value.getClass().getName() + " value as Java source: " + value);
  }

  /**
   * A list expression; {@code Arrays.asList} when it holds a null, which {@code List.of} refuses.
   */
  String list(List<?> list) {
    List<String> items = new ArrayList<>();
    for (Object o : list) {
      items.add(of(o));
    }
    String factory =
        list.stream().anyMatch(java.util.Objects::isNull)
            ? imports.type(Arrays.class) + ".asList("
            : imports.type(List.class) + ".of(";
    return factory + String.join(", ", items) + ")";
  }

  String qualifiedName(QualifiedName q) {
    return imports.type(QualifiedName.class)
        + ".of("
        + q.schema().map(s -> string(s) + ", ").orElse("")
        + string(q.name())
        + ")";
  }

  /** {@code varchar(255)}, {@code raw("citext")}: the factory whenever it gives an equal type. */
  String columnType(ColumnType t) {
    String factory =
        switch (t.kind()) {
          case SMALLINT -> "smallint()";
          case INTEGER -> "integer()";
          case BIGINT -> "bigint()";
          case TEXT -> "text()";
          case BOOLEAN -> "bool()";
          case REAL -> "real()";
          case DOUBLE -> "doublePrecision()";
          case DATE -> "date()";
          case TIME -> "time()";
          case TIMESTAMP -> "timestamp()";
          case TIMESTAMPTZ -> "timestamptz()";
          case UUID -> "uuid()";
          case JSON -> "json()";
          case JSONB -> "jsonb()";
          case BYTES -> "bytes()";
          case VARCHAR -> t.length() > 0 && t.scale() == 0 ? "varchar(" + t.length() + ")" : null;
          case CHAR -> t.scale() == 0 ? "fixedChar(" + t.length() + ")" : null;
          case NUMERIC -> "numeric(" + t.length() + ", " + t.scale() + ")";
          case RAW -> "raw(" + string(t.raw()) + ")";
        };
    boolean plain =
        t.kind() == ColumnType.Kind.RAW
            ? t.length() == 0 && t.scale() == 0
            : (t.raw().isEmpty()
                && (t.kind() == ColumnType.Kind.VARCHAR
                    || t.kind() == ColumnType.Kind.CHAR
                    || t.kind() == ColumnType.Kind.NUMERIC
                    || (t.length() == 0 && t.scale() == 0)));
    if (factory != null && plain) {
      imports.staticMember(COLUMN_TYPES);
      return factory;
    }
    String type = imports.type(ColumnType.class);
    return "new "
        + type
        + "("
        + type
        + ".Kind."
        + t.kind().name()
        + ", "
        + t.length()
        + ", "
        + t.scale()
        + ", "
        + string(t.raw())
        + ")";
  }

  private String record(Record r) {
    List<String> args = new ArrayList<>();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      try {
        args.add(of(c.getAccessor().invoke(r)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalArgumentException("cannot read " + c.getName() + " of " + r, e);
      }
    }
    return "new " + imports.type(r.getClass()) + "(" + String.join(", ", args) + ")";
  }

  /** An enum constant by its bare name, {@code CASCADE}, imported statically. */
  String staticConstant(Enum<?> constant) {
    imports.staticMember(constant.getDeclaringClass().getCanonicalName() + "." + constant.name());
    return constant.name();
  }

  /** A Java string literal. */
  static String string(String s) {
    return "\"" + escape(s) + "\"";
  }

  /**
   * A string as a text block when it spans lines (SQL from a catalog reads as SQL), otherwise as a
   * literal. The value is exact: each content line is indented by {@code indent}, as is the closing
   * delimiter, so that exactly that is stripped; a backslash is doubled (no unicode escape can
   * form), a run of three quotes is broken with {@code \"}, whitespace that ends a line would be
   * stripped and is escaped, and a value without a final newline ends with a line continuation.
   */
  static String block(String s, String indent) {
    if (s.indexOf('\n') < 0) {
      return string(s);
    }
    StringBuilder b = new StringBuilder("\"\"\"\n");
    String[] lines = s.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      boolean last = i == lines.length - 1;
      if (last && lines[i].isEmpty()) {
        break; // the value ends with a newline: the closing delimiter's line gives it
      }
      b.append(indent).append(blockLine(lines[i])).append(last ? "\\\n" : "\n");
    }
    return b.append(indent).append("\"\"\"").toString();
  }

  private static String blockLine(String line) {
    StringBuilder b = new StringBuilder(line.length() + 8);
    int quotes = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quotes++;
        b.append(quotes == 3 ? "\\\"" : "\"");
        quotes %= 3;
        continue;
      }
      quotes = 0;
      if (c == ' ' || c == '\t') {
        // whitespace that ends the line would be stripped from the value: escape it
        boolean trailing = line.substring(i).isBlank();
        b.append(trailing ? (c == ' ' ? "\\s" : "\\t") : String.valueOf(c));
      } else {
        b.append(
            escape(String.valueOf(c)).equals(String.valueOf(c))
                ? String.valueOf(c)
                : blockEscape(line, i));
      }
    }
    return b.toString();
  }

  private static String blockEscape(String line, int i) {
    char c = line.charAt(i);
    if (Character.isSurrogate(c) && pairedAt(line, i)) {
      return String.valueOf(c);
    }
    return escape(String.valueOf(c));
  }

  /** String literals separated by commas: the varargs of a call. */
  static String strings(List<String> list) {
    return String.join(", ", list.stream().map(JavaValues::string).toList());
  }

  /**
   * Escapes for inside a string or char literal. Printable characters, non-ASCII included, stay as
   * they are (sources are UTF-8); a backslash is doubled, so no unicode escape can form.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (Character.isISOControl(c)
              || Character.isSurrogate(c) && !pairedAt(s, i)
              || Character.getType(c) == Character.LINE_SEPARATOR
              || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
              || Character.getType(c) == Character.FORMAT) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static boolean pairedAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
