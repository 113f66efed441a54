package dev.retort;

import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One revision as the migrations directory describes it, with its place in the graph.
 *
 * @param id the revision id
 * @param parents the revisions this one revises: none for a base, two or more for a merge
 * @param branchLabels labels naming the branch that starts here
 * @param dependsOn revisions that must be applied first without being parents
 * @param message the human description, possibly empty
 * @param transactional whether it runs inside one transaction
 * @param file the migration file, or empty for a revision built in memory
 * @param format how the file is written
 * @param head whether no other revision revises this one
 * @param children the revisions that name this one as a parent, sorted
 */
public record RevisionInfo(
    String id,
    List<String> parents,
    Set<String> branchLabels,
    List<String> dependsOn,
    String message,
    boolean transactional,
    Optional<Path> file,
    MigrationFormat format,
    boolean head,
    List<String> children) {
  public RevisionInfo {
    parents = List.copyOf(parents);
    branchLabels = Set.copyOf(branchLabels);
    dependsOn = List.copyOf(dependsOn);
    children = List.copyOf(children);
  }

  /** Whether this revision joins two or more parents. */
  public boolean isMerge() {
    return parents.size() > 1;
  }

  /** Whether two or more revisions revise this one. */
  public boolean isBranchPoint() {
    return children.size() > 1;
  }

  static RevisionInfo from(RevisionGraph graph, Revision r) {
    return new RevisionInfo(
        r.id(),
        r.parents(),
        r.branchLabels(),
        r.dependsOn(),
        r.message(),
        r.transactional(),
        r.file(),
        MigrationFormat.from(r.format()),
        graph.heads().contains(r.id()),
        List.copyOf(graph.children(r.id())));
  }
}
