package dev.retort;

import java.util.List;
import java.util.Set;

/**
 * Revisions newest first, as {@link Retort#history} lists them.
 *
 * @param revisions the revisions in the range, newest first
 * @param current the version rows of the database when they were asked for, else empty
 */
public record History(List<RevisionInfo> revisions, Set<String> current) {
  public History {
    revisions = List.copyOf(revisions);
    current = Set.copyOf(current);
  }
}
