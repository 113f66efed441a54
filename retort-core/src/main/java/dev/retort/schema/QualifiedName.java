package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The name of a table or other schema object, optionally qualified by its schema (namespace). Names
 * are kept exactly as written; dialects decide how to quote them.
 *
 * @param schema the namespace, empty for the connection's default
 * @param name the object's own name
 */
public record QualifiedName(Optional<String> schema, String name) {
  public QualifiedName {
    requireNonNull(schema, "schema");
    requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a name cannot be empty");
    }
  }

  // equals and hashCode written out for the differ's sake: bench/README.md, "Records' equals"
  @Override
  public boolean equals(Object o) {
    return o instanceof QualifiedName q && name.equals(q.name) && schema.equals(q.schema);
  }

  @Override
  public int hashCode() {
    return 31 * schema.hashCode() + name.hashCode();
  }

  /** An unqualified name. */
  public static QualifiedName of(String name) {
    return new QualifiedName(Optional.empty(), name);
  }

  /** A name in the given schema. */
  public static QualifiedName of(String schema, String name) {
    return new QualifiedName(Optional.of(schema), name);
  }

  /**
   * Reads {@code name} or {@code schema.name}. A name that itself contains a dot cannot be written
   * this way; use {@link #of(String, String)}.
   */
  public static QualifiedName parse(String text) {
    int dot = text.indexOf('.');
    return dot < 0 ? of(text) : of(text.substring(0, dot), text.substring(dot + 1));
  }

  /** The same schema with another object name. */
  public QualifiedName withName(String newName) {
    return new QualifiedName(schema, newName);
  }

  @Override
  public String toString() {
    return schema.map(s -> s + "." + name).orElse(name);
  }
}
