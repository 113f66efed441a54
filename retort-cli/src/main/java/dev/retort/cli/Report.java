package dev.retort.cli;

import dev.retort.RunResult;
import java.io.PrintWriter;
import java.util.Set;
import java.util.TreeSet;

/** The closing lines of commands that change the database. */
final class Report {
  private Report() {}

  static void result(PrintWriter out, RunResult r, String verb) {
    if (r.steps().isEmpty()) {
      out.println("Nothing to " + verb + "; the database is at " + rows(r.after()) + ".");
    } else {
      int n = r.steps().size();
      out.println(
          "Done: "
              + n
              + " migration"
              + (n == 1 ? "" : "s")
              + " ("
              + verb
              + "); the database is at "
              + rows(r.after())
              + ".");
    }
    out.flush();
  }

  static String rows(Set<String> rows) {
    return rows.isEmpty() ? "base (no revision applied)" : String.join(", ", new TreeSet<>(rows));
  }
}
