package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/** A column's server default: a literal value, escaped by the dialect, or an SQL expression. */
public sealed interface DefaultValue permits DefaultValue.Literal, DefaultValue.Expression {

  /** A literal value, written as text and quoted by the dialect (numbers and booleans unquoted). */
  record Literal(String value) implements DefaultValue {
    public Literal {
      requireNonNull(value, "value");
    }
  }

  /** An SQL expression passed through unchanged, such as {@code now()} or {@code CURRENT_TIMESTAMP}. */
  record Expression(String sql) implements DefaultValue {
    public Expression {
      requireNonNull(sql, "sql");
    }
  }

  /** A literal default. */
  static DefaultValue literal(Object value) {
    return new Literal(String.valueOf(value));
  }

  /** An expression default. */
  static DefaultValue expression(String sql) {
    return new Expression(sql);
  }
}
