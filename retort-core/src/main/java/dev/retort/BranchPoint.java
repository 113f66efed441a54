package dev.retort;

import java.util.List;

/**
 * A revision that two or more revisions revise, and those revisions.
 *
 * @param revision the revision the branches start from
 * @param children the revisions that revise it, by id
 */
public record BranchPoint(RevisionInfo revision, List<RevisionInfo> children) {
  public BranchPoint {
    children = List.copyOf(children);
  }
}
