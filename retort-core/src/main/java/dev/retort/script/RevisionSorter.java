package dev.retort.script;

import dev.retort.error.RevisionGraphException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Validates a set of revisions as a graph and puts them in topological order. Every check runs
 * before anything is applied, so a broken migrations directory fails with one sentence instead of
 * half an upgrade.
 */
final class RevisionSorter {
  private RevisionSorter() {}

  /** Parents and depends-on targets before their dependents; ties broken by id. */
  static List<Revision> sort(Collection<Revision> revisions) {
    List<Revision> list = new ArrayList<>(revisions);
    Map<String, Integer> index = new HashMap<>(list.size() * 2);
    for (int i = 0; i < list.size(); i++) {
      Revision r = list.get(i);
      Integer other = index.putIfAbsent(r.id(), i);
      if (other != null) {
        throw new RevisionGraphException(
            "duplicate revision id '"
                + r.id()
                + "': "
                + list.get(other).origin()
                + " and "
                + r.origin()
                + "; give one of them a new id");
      }
    }
    Map<String, String> labelled = checkLabels(list, index);
    list.replaceAll(r -> labelsToIds(r, labelled));
    int[][] preds = new int[list.size()][];
    for (int i = 0; i < list.size(); i++) {
      preds[i] = predecessors(list.get(i), index);
    }
    return kahn(list, preds);
  }

  /** A depends-on may name a branch label, as in Alembic; the graph works with the revision id. */
  private static Revision labelsToIds(Revision r, Map<String, String> labelled) {
    if (labelled.isEmpty() || !anyIn(r.dependsOn(), labelled)) {
      return r;
    }
    return r.withDependsOn(r.dependsOn().stream().map(d -> labelled.getOrDefault(d, d)).toList());
  }

  static String describe(Revision r) {
    return r.file().map(f -> "revision " + r.id() + " (" + f + ")").orElse("revision " + r.id());
  }

  private static boolean anyIn(List<String> ids, Map<String, String> labelled) {
    for (String id : ids) {
      if (labelled.containsKey(id)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Loops and arrays, not streams and sets: this runs for every revision on every command, mostly
   * as cold code, which a stream pipeline per revision made several times slower.
   */
  private static int[] predecessors(Revision r, Map<String, Integer> index) {
    int[] preds = new int[r.parents().size() + r.dependsOn().size()];
    int n = 0;
    for (String p : r.parents()) {
      n = addOnce(preds, n, known(r, p, index, "revises"));
    }
    for (String d : r.dependsOn()) {
      n = addOnce(preds, n, known(r, d, index, "depends on"));
    }
    return n == preds.length ? preds : Arrays.copyOf(preds, n);
  }

  /** The indexes of known {@code ids}, each once, in order. */
  static int[] indices(List<String> ids, Map<String, Integer> index) {
    int[] out = new int[ids.size()];
    int n = 0;
    for (String id : ids) {
      n = addOnce(out, n, index.get(id));
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Appends {@code value} to the first {@code n} of {@code to} unless there; the new count. */
  private static int addOnce(int[] to, int n, int value) {
    for (int k = 0; k < n; k++) {
      if (to[k] == value) {
        return n;
      }
    }
    to[n] = value;
    return n + 1;
  }

  private static int known(Revision r, String id, Map<String, Integer> index, String relation) {
    Integer i = index.get(id);
    if (i == null) {
      throw new RevisionGraphException(
          describe(r)
              + " "
              + relation
              + " '"
              + id
              + "', which is not a known revision"
              + (relation.equals("depends on") ? " or branch label" : ""));
    }
    return i;
  }

  /** Checks the branch labels and returns each label's revision id. */
  private static Map<String, String> checkLabels(List<Revision> list, Map<String, Integer> index) {
    Map<String, Revision> owners = new HashMap<>();
    Map<String, String> labelled = new HashMap<>();
    for (Revision r : list) {
      for (String label : r.branchLabels()) {
        if (label.equals("head") || label.equals("heads") || label.equals("base")) {
          throw new RevisionGraphException(
              describe(r) + " uses the reserved word '" + label + "' as a branch label");
        }
        if (index.containsKey(label)) {
          throw new RevisionGraphException(
              describe(r) + " uses branch label '" + label + "', which is also a revision id");
        }
        Revision other = owners.putIfAbsent(label, r);
        if (other != null) {
          throw new RevisionGraphException(
              "branch label '"
                  + label
                  + "' is used by both "
                  + describe(other)
                  + " and "
                  + describe(r));
        }
        labelled.put(label, r.id());
      }
    }
    return labelled;
  }

  private static List<Revision> kahn(List<Revision> list, int[][] preds) {
    int n = list.size();
    int[] waiting = new int[n];
    int[][] succs = invert(preds, n);
    PriorityQueue<Integer> ready =
        new PriorityQueue<>((a, b) -> list.get(a).id().compareTo(list.get(b).id()));
    for (int i = 0; i < n; i++) {
      waiting[i] = preds[i].length;
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    List<Revision> sorted = new ArrayList<>(n);
    while (!ready.isEmpty()) {
      int i = ready.poll();
      sorted.add(list.get(i));
      for (int s : succs[i]) {
        if (--waiting[s] == 0) {
          ready.add(s);
        }
      }
    }
    if (sorted.size() < n) {
      throw cycle(list, preds, waiting);
    }
    return sorted;
  }

  static int[][] invert(int[][] edges, int n) {
    int[] counts = new int[n];
    for (int[] e : edges) {
      for (int t : e) {
        counts[t]++;
      }
    }
    int[][] inverse = new int[n][];
    for (int i = 0; i < n; i++) {
      inverse[i] = new int[counts[i]];
      counts[i] = 0;
    }
    for (int i = 0; i < n; i++) {
      for (int t : edges[i]) {
        inverse[t][counts[t]++] = i;
      }
    }
    return inverse;
  }

  /**
   * Every revision Kahn's algorithm left behind still waits on another left-behind one, so walking
   * waiting predecessors from any of them must come back round: that loop is the cycle.
   */
  private static RevisionGraphException cycle(List<Revision> list, int[][] preds, int[] waiting) {
    int start = 0;
    while (waiting[start] == 0) {
      start++;
    }
    Map<Integer, Integer> position = new HashMap<>();
    ArrayDeque<Integer> path = new ArrayDeque<>();
    int cur = start;
    while (!position.containsKey(cur)) {
      position.put(cur, path.size());
      path.addLast(cur);
      int next = -1;
      for (int p : preds[cur]) {
        if (waiting[p] > 0) {
          next = p;
          break;
        }
      }
      cur = next;
    }
    List<String> ids = new ArrayList<>();
    List<Integer> walked = new ArrayList<>(path);
    for (int i = position.get(cur); i < walked.size(); i++) {
      ids.add(list.get(walked.get(i)).id());
    }
    ids.add(list.get(cur).id());
    return new RevisionGraphException(
        "the revisions form a cycle: "
            + String.join(" -> ", ids)
            + " (each revises or depends on the next); break it by fixing one of their headers");
  }
}
