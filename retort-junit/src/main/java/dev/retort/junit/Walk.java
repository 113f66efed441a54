package dev.retort.junit;

import dev.retort.Retort;
import dev.retort.RevisionInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The order the checks walk the revision graph in, and what lies below a revision. */
final class Walk {
  private Walk() {}

  /**
   * Every revision after those it revises and depends on; among revisions free to go next, the one
   * {@code history} lists last (the oldest) first, so a linear history reads base to head.
   */
  static List<RevisionInfo> upgradeOrder(Retort retort) {
    List<RevisionInfo> newestFirst = retort.history(Optional.empty(), false).revisions();
    Map<String, RevisionInfo> byId = new LinkedHashMap<>();
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      byId.put(newestFirst.get(i).id(), newestFirst.get(i));
    }
    List<RevisionInfo> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    while (order.size() < byId.size()) {
      RevisionInfo next =
          byId.values().stream()
              .filter(r -> !done.contains(r.id()) && done.containsAll(below(r)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the revision graph has a cycle, which Retort refuses before this"));
      order.add(next);
      done.add(next.id());
    }
    return order;
  }

  /** The revisions {@code r} revises and depends on. */
  static List<String> below(RevisionInfo r) {
    List<String> ids = new ArrayList<>(r.parents());
    ids.addAll(r.dependsOn());
    return ids;
  }

  /** {@code id} and every revision below it, through parents and dependencies. */
  static Set<String> atOrBelow(List<RevisionInfo> revisions, String id) {
    Map<String, RevisionInfo> byId = new HashMap<>();
    revisions.forEach(r -> byId.put(r.id(), r));
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (seen.add(next) && byId.containsKey(next)) {
        todo.addAll(below(byId.get(next)));
      }
    }
    return seen;
  }
}
