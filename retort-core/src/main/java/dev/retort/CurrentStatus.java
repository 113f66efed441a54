package dev.retort;

import java.util.List;

/**
 * Where the database is.
 *
 * @param revisions the applied heads (the version rows), sorted by id; empty at base
 * @param dirty migrations left half-applied by a failure outside a transaction
 */
public record CurrentStatus(List<RevisionInfo> revisions, List<DirtyMigration> dirty) {
  public CurrentStatus {
    revisions = List.copyOf(revisions);
    dirty = List.copyOf(dirty);
  }
}
