package dev.retort.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** How far apart two words are, for "did you mean" hints. */
public final class Spelling {
  private Spelling() {}

  /**
   * The (at most three) candidates closest to a mistyped {@code typed}, ignoring case and only
   * within a few edits (more for longer words); empty when none is close. A {@code prefixes}
   * candidate is compared at the length typed, so that a mistyped prefix finds its word; a {@code
   * wholes} candidate is compared whole.
   */
  public static List<String> closest(
      String typed, Collection<String> prefixes, Collection<String> wholes) {
    int allowed = typed.length() <= 4 ? 1 : typed.length() <= 12 ? 2 : 3;
    String lower = typed.toLowerCase(Locale.ROOT);
    TreeMap<Integer, Set<String>> byDistance = new TreeMap<>();
    List<String[]> candidates = new ArrayList<>();
    prefixes.forEach(
        c ->
            candidates.add(
                new String[] {
                  c, c.length() > typed.length() ? c.substring(0, typed.length()) : c
                }));
    wholes.forEach(c -> candidates.add(new String[] {c, c}));
    for (String[] c : candidates) {
      int d = distance(lower, c[1].toLowerCase(Locale.ROOT));
      if (d <= allowed) {
        byDistance.computeIfAbsent(d, k -> new TreeSet<>()).add(c[0]);
      }
    }
    return byDistance.isEmpty()
        ? List.of()
        : byDistance.firstEntry().getValue().stream().limit(3).toList();
  }

  /** The Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
