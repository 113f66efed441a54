package dev.retort.cli;

import dev.retort.AppliedStep;
import dev.retort.History;
import dev.retort.Retort;
import dev.retort.RevisionInfo;
import dev.retort.error.UsageException;
import dev.retort.text.Inert;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "List revisions, newest first.",
      "Needs no database, unless -r names 'current' or --indicate-current is given.",
      "--applied lists instead the steps the database's history table recorded,",
      "newest first: when, direction, revision, outcome, duration, who, checksum.",
      "--json prints both (the audit rows when a database is configured)."
    })
final class HistoryCommand implements Callable<Integer>, JsonShapes.Command {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Option(
      names = {"-r", "--rev-range"},
      paramLabel = "A:B",
      description =
          "Only revisions from A to B, A an ancestor of B (either side may be empty;"
              + " base, heads, current, ids, labels, BRANCH@..., -N below, +N above).")
  String range;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each revision in full.")
  boolean verbose;

  @Option(
      names = {"-i", "--indicate-current"},
      description = "Mark the revisions the database is at.")
  boolean indicateCurrent;

  @Option(
      names = "--applied",
      description =
          "List the steps the database recorded (its audit"
              + " history), newest first, instead of the revisions.")
  boolean applied;

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @Override
  public String name() {
    return "history";
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = output.isJson();
    if (applied && (range != null || verbose || indicateCurrent)) {
      throw new UsageException(
          "--applied lists the database's history table; -r, -v and -i"
              + " apply to the revisions: give one or the other");
    }
    Retort retort = top.retort(out, false);
    if (json) {
      History h = retort.history(Optional.ofNullable(range), indicateCurrent);
      Optional<List<AppliedStep>> steps =
          retort.config().url().isPresent() ? Optional.of(retort.applied()) : Optional.empty();
      if (steps.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println("note: no database configured, so no audit rows" + " (\"applied\": null)");
        spec.commandLine().getErr().flush();
      }
      out.print(
          Json.write(
              Json.document("history")
                  .put("revisions", JsonShapes.revisions(h.revisions()))
                  .put(
                      "current",
                      indicateCurrent || !h.current().isEmpty()
                          ? JsonShapes.sorted(h.current())
                          : null)
                  .put("applied", steps.map(s -> s.stream().map(JsonShapes::applied).toList()))));
      out.flush();
      return 0;
    }
    if (applied) {
      List<AppliedStep> steps = retort.applied();
      if (steps.isEmpty()) {
        out.println("(no step recorded: the database was never migrated)");
      }
      for (int i = steps.size() - 1; i >= 0; i--) {
        out.println(line(steps.get(i)));
      }
      out.flush();
      return 0;
    }
    History h = retort.history(Optional.ofNullable(range), indicateCurrent);
    for (RevisionInfo r : h.revisions()) {
      out.println(verbose ? Format.block(r) : Format.line(r, h.current()));
    }
    out.flush();
    return 0;
  }

  /**
   * One audit row: {@code 2026-12-06 10:00:01Z up c0172d603ec7 ok 35 ms alice@host 2a6229ae1f3b},
   * and the error of a failure on the next line.
   */
  static String line(AppliedStep s) {
    String when = s.startedAt().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    String outcome =
        s.success()
            ? "ok"
            : s.failedStatement().map(n -> "FAILED at statement " + n).orElse("FAILED");
    String line =
        String.format(
            "%-4s %s  %-5s  %-12s  %-8s %7d ms  %s  %s",
            "#" + s.id(),
            when,
            s.direction(),
            s.revision(),
            outcome,
            s.durationMs(),
            s.who(),
            s.checksum().isEmpty()
                ? "-"
                : s.checksum().substring(0, Math.min(12, s.checksum().length())));
    String message =
        s.message().isEmpty() || s.message().equals(s.direction())
            ? ""
            : "\n    " + (s.success() ? "" : "error: ") + s.message().replace("\n", "\n    ");
    return Inert.terminal(line + message);
  }
}
