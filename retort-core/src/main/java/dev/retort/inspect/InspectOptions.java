package dev.retort.inspect;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * What to read from a database.
 *
 * @param schemas the namespaces to read (PostgreSQL schemas); empty reads the connection's default
 * @param excludeTables table names to leave out, such as Retort's own version and history tables
 */
public record InspectOptions(List<String> schemas, Set<String> excludeTables) {
  public InspectOptions {
    schemas = List.copyOf(requireNonNull(schemas, "schemas"));
    excludeTables = Set.copyOf(requireNonNull(excludeTables, "excludeTables"));
  }

  /** The default namespace, leaving out the given tables. */
  public static InspectOptions excluding(String... tables) {
    return new InspectOptions(List.of(), Set.of(tables));
  }
}
