package dev.retort.maven;

import dev.retort.RevisionInfo;

/** A revision on one log line: {@code parents -> id, message}. */
final class Describe {
  private Describe() {}

  static String revision(RevisionInfo r) {
    return (r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents()))
        + " -> "
        + r.id()
        + ", "
        + r.message();
  }
}
