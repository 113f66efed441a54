package dev.retort.maven;

import dev.retort.RunResult;
import java.util.Set;
import org.apache.maven.plugin.logging.Log;

/** How a run is reported in the build log; each step was logged as it started. */
final class Steps {
  private Steps() {}

  static void log(Log log, RunResult r, String verb) {
    if (r.steps().isEmpty()) {
      log.info("Nothing to " + verb + ": the database is at " + at(r.after()) + ".");
      return;
    }
    int n = r.steps().size();
    log.info(n + " step" + (n == 1 ? "" : "s") + "; the database is at " + at(r.after()) + ".");
  }

  static String at(Set<String> revisions) {
    return revisions.isEmpty() ? "base" : String.join(", ", new java.util.TreeSet<>(revisions));
  }
}
