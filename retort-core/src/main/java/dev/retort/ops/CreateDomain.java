package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Domain;
import java.util.Optional;

/** Creates a domain: a base type with a nullability, a default and named checks. */
public record CreateDomain(Domain domain) implements Op {
  public CreateDomain {
    requireNonNull(domain, "domain");
  }

  @Override
  public DropDomain reverse() {
    return new DropDomain(domain.name(), Optional.of(domain));
  }

  @Override
  public String describe() {
    return "create domain " + domain.name();
  }
}
