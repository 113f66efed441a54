package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A domain: a base type with constraints, usable wherever a type is (PostgreSQL "CREATE DOMAIN").
 * In a check, {@code VALUE} stands for the value being checked.
 *
 * @param name the domain
 * @param baseType the type it restricts
 * @param nullable whether it accepts NULL
 * @param defaultValue the default of columns of this domain that have none of their own
 * @param checks named checks, so that a dropped domain is recreated with the same names
 */
public record Domain(
    QualifiedName name,
    ColumnType baseType,
    boolean nullable,
    Optional<DefaultValue> defaultValue,
    List<CheckConstraint> checks) {

  public Domain {
    requireNonNull(name, "name");
    requireNonNull(baseType, "baseType");
    requireNonNull(defaultValue, "defaultValue");
    checks = List.copyOf(checks);
    Set<String> seen = new HashSet<>();
    for (CheckConstraint check : checks) {
      String checkName =
          check
              .name()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "domain "
                              + name
                              + ": every check needs a name (the check on "
                              + check.expression()
                              + " has none)"));
      if (!seen.add(checkName)) {
        throw new IllegalArgumentException("domain " + name + " has two checks named " + checkName);
      }
    }
  }
}
