package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/** A column's server default: a literal value, escaped by the dialect, or an SQL expression. */
public sealed interface DefaultValue permits DefaultValue.Literal, DefaultValue.Expression {

  /** A literal value, written as text and quoted by the dialect (numbers and booleans unquoted). */
  record Literal(String value) implements DefaultValue {
    public Literal {
      requireNonNull(value, "value");
    }

    // equals and hashCode written out for the differ's sake: bench/README.md, "Records' equals"
    @Override
    public boolean equals(Object o) {
      return o instanceof Literal l && value.equals(l.value);
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }
  }

  /**
   * An SQL expression passed through unchanged, such as {@code now()} or {@code CURRENT_TIMESTAMP}.
   */
  record Expression(String sql) implements DefaultValue {
    public Expression {
      requireNonNull(sql, "sql");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Expression e && sql.equals(e.sql);
    }

    @Override
    public int hashCode() {
      return 31 + sql.hashCode();
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
