package dev.retort.schema;

import java.util.Optional;

/** A named table constraint: the kinds a migration can add and drop by name. */
public sealed interface Constraint
    permits PrimaryKey, ForeignKey, UniqueConstraint, CheckConstraint {
  /** The constraint name; empty lets the database choose one. */
  Optional<String> name();
}
