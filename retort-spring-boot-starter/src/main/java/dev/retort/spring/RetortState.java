package dev.retort.spring;

import dev.retort.DirtyMigration;
import dev.retort.Retort;
import dev.retort.RevisionInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where the database stands against the migrations, as the endpoint and the health indicator show
 * it.
 *
 * @param current the applied heads (the version table), sorted
 * @param heads the revisions nothing revises yet, sorted
 * @param pending what an upgrade to the heads would run, in order
 * @param dirty migrations a failure left half-applied
 * @param messages every revision's message by its id, to describe revisions by
 */
record RetortState(
    Set<String> current,
    Set<String> heads,
    List<RevisionInfo> pending,
    List<DirtyMigration> dirty,
    Map<String, String> messages) {

  static RetortState of(Retort retort) {
    Set<String> current = new TreeSet<>(retort.current());
    Set<String> heads =
        retort.heads().stream()
            .map(RevisionInfo::id)
            .collect(Collectors.toCollection(TreeSet::new));
    Map<String, String> messages =
        retort.history(Optional.empty(), false).revisions().stream()
            .collect(Collectors.toMap(RevisionInfo::id, RevisionInfo::message));
    return new RetortState(current, heads, retort.upgradePlan("heads"), retort.dirty(), messages);
  }

  /** At the heads, and nothing left dirty. */
  boolean upToDate() {
    return pending.isEmpty() && dirty.isEmpty();
  }
}
