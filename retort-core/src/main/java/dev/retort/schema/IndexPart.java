package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One key of an index: a column or an SQL expression, with its sort order, the place of NULLs and,
 * on PostgreSQL, an operator class.
 *
 * <pre>{@code
 * IndexPart.column("created_at").desc().nullsLast();
 * IndexPart.expression("lower(email)");
 * IndexPart.column("doc").opclass("jsonb_path_ops");
 * }</pre>
 *
 * @param text the column name, or the expression as SQL (without surrounding parentheses)
 * @param expression whether {@code text} is an expression rather than a column name
 * @param order the sort order; {@link Order#DEFAULT} says nothing (ascending everywhere)
 * @param nulls where NULLs sort; {@link Nulls#DEFAULT} says nothing (PostgreSQL: last when
 *     ascending, first when descending)
 * @param opclass the operator class ("Operator Classes and Operator Families" in the PostgreSQL
 *     manual), e.g. {@code jsonb_path_ops}; a plain or schema-qualified name
 */
public record IndexPart(
    String text, boolean expression, Order order, Nulls nulls, Optional<String> opclass) {

  /** How the key sorts. */
  public enum Order {
    DEFAULT,
    ASC,
    DESC
  }

  /** Where NULLs sort. */
  public enum Nulls {
    DEFAULT,
    FIRST,
    LAST
  }

  /**
   * Operator class names are rendered as written, so they are restricted to what needs no quoting:
   * a name, optionally qualified by its schema.
   */
  static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

  public IndexPart {
    requireNonNull(text, "text");
    requireNonNull(order, "order");
    requireNonNull(nulls, "nulls");
    requireNonNull(opclass, "opclass");
    if (text.isBlank()) {
      throw new IllegalArgumentException("an index part needs a column name or an expression");
    }
    opclass.ifPresent(
        o -> {
          if (!NAME.matcher(o).matches()) {
            throw new IllegalArgumentException("operator class " + o + " is not a plain name");
          }
        });
  }

  // equals and hashCode written out for the differ's sake: bench/README.md, "Records' equals"
  @Override
  public boolean equals(Object o) {
    return o instanceof IndexPart p
        && expression == p.expression
        && text.equals(p.text)
        && order == p.order
        && nulls == p.nulls
        && opclass.equals(p.opclass);
  }

  @Override
  public int hashCode() {
    return (((text.hashCode() * 31 + (expression ? 1 : 0)) * 31 + order.ordinal()) * 31
                + nulls.ordinal())
            * 31
        + opclass.hashCode();
  }

  /** A column key in the default order. */
  public static IndexPart column(String name) {
    return new IndexPart(name, false, Order.DEFAULT, Nulls.DEFAULT, Optional.empty());
  }

  /** An expression key in the default order; {@code sql} is written inside parentheses. */
  public static IndexPart expression(String sql) {
    return new IndexPart(sql, true, Order.DEFAULT, Nulls.DEFAULT, Optional.empty());
  }

  /** The column name, when this part is a column. */
  public Optional<String> columnName() {
    return expression ? Optional.empty() : Optional.of(text);
  }

  public IndexPart asc() {
    return new IndexPart(text, expression, Order.ASC, nulls, opclass);
  }

  public IndexPart desc() {
    return new IndexPart(text, expression, Order.DESC, nulls, opclass);
  }

  public IndexPart nullsFirst() {
    return new IndexPart(text, expression, order, Nulls.FIRST, opclass);
  }

  public IndexPart nullsLast() {
    return new IndexPart(text, expression, order, Nulls.LAST, opclass);
  }

  public IndexPart opclass(String name) {
    return new IndexPart(text, expression, order, nulls, Optional.of(name));
  }

  /** The same part with its text replaced (a renamed column, a rewritten expression). */
  public IndexPart withText(String t) {
    return new IndexPart(t, expression, order, nulls, opclass);
  }
}
