package dev.retort.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON document as the command line prints it: objects keep the order their fields were put in,
 * and text is escaped so that no character of a name, message or error can break the document or
 * reach a terminal as a control sequence.
 */
final class Json {
  private Json() {}

  /** An object under construction; {@link #put} keeps the order. */
  static final class Obj {
    final Map<String, Object> fields = new LinkedHashMap<>();

    Obj put(String key, Object value) {
      fields.put(key, value);
      return this;
    }
  }

  static Obj object() {
    return new Obj();
  }

  /**
   * A command's document: its name and the version of its shape first, as every document of the
   * command line starts (README, "JSON output").
   */
  static Obj document(String command) {
    return object().put("command", command).put("version", 1);
  }

  /** {@code value} as indented JSON text, with a final line break. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, "");
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object value, String indent) {
    if (value instanceof Optional<?> o) {
      value = o.orElse(null);
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof Obj o) {
      write(out, o.fields, indent);
    } else if (value instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.append(indent).append("  ");
        string(out, String.valueOf(e.getKey()));
        out.append(": ");
        write(out, e.getValue(), indent + "  ");
        out.append(++i < m.size() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (value instanceof Iterable<?> it) {
      List<?> list =
          it instanceof List<?> l
              ? l
              : java.util.stream.StreamSupport.stream(it.spliterator(), false).toList();
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        out.append(indent).append("  ");
        write(out, list.get(i), indent + "  ");
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else {
      string(out, value.toString());
    }
  }

  /**
   * A JSON string: quotes and backslashes escaped, control characters (C0, DEL, C1) and the line
   * and paragraph separators as {@code \}{@code uXXXX}, so the document stays one value whatever it
   * quotes (RFC 8259, section 7).
   */
  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
