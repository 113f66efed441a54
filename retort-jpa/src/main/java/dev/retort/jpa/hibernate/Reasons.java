package dev.retort.jpa.hibernate;

import java.util.LinkedHashSet;
import java.util.Set;

/** Hibernate's own words for a failure: each message down the cause chain, once. */
final class Reasons {
  private Reasons() {}

  static String of(Throwable e) {
    Set<String> parts = new LinkedHashSet<>();
    for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.isBlank() && parts.stream().noneMatch(p -> p.contains(m))) {
        parts.add(m.strip());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return parts.isEmpty() ? e.toString() : String.join(": ", parts);
  }

  /** The class a {@link NoClassDefFoundError} names, dotted. */
  static String missing(LinkageError e) {
    String m = e.getMessage();
    if (e instanceof NoClassDefFoundError && m != null) {
      return "class " + m.replace('/', '.');
    }
    return "a class";
  }
}
