package dev.retort.ops;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Domain;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Describes a domain for {@link Operations#createDomain}; in a check, {@code VALUE} is the value.
 *
 * <pre>{@code
 * op.createDomain("email", text(), d -> d.notNull().check("email_has_at", "VALUE LIKE '%@%'"));
 * }</pre>
 */
public final class DomainBuilder {
  private final QualifiedName name;
  private final ColumnType baseType;
  private boolean nullable = true;
  private Optional<DefaultValue> defaultValue = Optional.empty();
  private final List<CheckConstraint> checks = new ArrayList<>();

  DomainBuilder(QualifiedName name, ColumnType baseType) {
    this.name = name;
    this.baseType = baseType;
  }

  /** Refuses NULL. */
  public DomainBuilder notNull() {
    nullable = false;
    return this;
  }

  /** A literal default; strings are quoted and escaped by the dialect. */
  public DomainBuilder defaultValue(Object value) {
    defaultValue = Optional.of(DefaultValue.literal(value));
    return this;
  }

  /** An SQL expression as default. */
  public DomainBuilder defaultExpr(String sql) {
    defaultValue = Optional.of(DefaultValue.expression(sql));
    return this;
  }

  /** A named check; {@code expression} is SQL in which {@code VALUE} is the checked value. */
  public DomainBuilder check(String checkName, String expression) {
    checks.add(new CheckConstraint(Optional.of(checkName), expression));
    return this;
  }

  Domain build() {
    return new Domain(name, baseType, nullable, defaultValue, checks);
  }
}
