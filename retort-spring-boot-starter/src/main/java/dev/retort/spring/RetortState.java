package dev.retort.spring;

import dev.retort.DirtyMigration;
import dev.retort.Retort;
import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the database stands against the migrations, as the endpoint and the health indicator show
 * it.
 *
 * @param current the applied heads (the version table), sorted
 * @param heads the revisions nothing revises yet, sorted
 * @param pending what an upgrade to the heads would run, in order
 * @param dirty migrations a failure left half-applied
 * @param graph the migrations, to describe revisions by
 */
record RetortState(Set<String> current, Set<String> heads, List<Revision> pending,
    List<DirtyMigration> dirty, RevisionGraph graph) {

  static RetortState of(Retort retort) {
    RevisionGraph graph = retort.graph();
    Set<String> current = new TreeSet<>(retort.current());
    List<Revision> pending = graph.upgradePlan(current, "heads");
    return new RetortState(current, new TreeSet<>(graph.heads()), pending, retort.dirty(), graph);
  }

  /** At the heads, and nothing left dirty. */
  boolean upToDate() {
    return pending.isEmpty() && dirty.isEmpty();
  }
}
