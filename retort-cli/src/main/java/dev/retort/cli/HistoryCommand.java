package dev.retort.cli;

import dev.retort.Retort;
import dev.retort.error.UsageException;
import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = {"List revisions, newest first.",
        "Needs no database, unless -r names 'current' or --indicate-current is given."})
final class HistoryCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Option(names = {"-r", "--rev-range"}, paramLabel = "A:B",
      description = "Only revisions from A to B (either side may be empty; base, head, current, ids).")
  String range;

  @Option(names = {"-v", "--verbose"}, description = "Show each revision in full.")
  boolean verbose;

  @Option(names = {"-i", "--indicate-current"}, description = "Mark the revisions the database is at.")
  boolean indicateCurrent;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Retort retort = top.retort(out, false);
    RevisionGraph graph = retort.graph();
    Optional<String> lower = Optional.empty();
    Optional<String> upper = Optional.empty();
    boolean needsCurrent = indicateCurrent;
    if (range != null) {
      int colon = range.indexOf(':');
      if (colon < 0) {
        throw new UsageException("-r takes a range A:B, for example -r base:head or -r 1a2b:");
      }
      lower = Optional.of(range.substring(0, colon)).filter(s -> !s.isEmpty());
      upper = Optional.of(range.substring(colon + 1)).filter(s -> !s.isEmpty());
      needsCurrent |= lower.filter("current"::equals).isPresent() || upper.filter("current"::equals).isPresent();
    }
    Set<String> current = needsCurrent ? retort.current() : Set.of();
    lower = lower.map(s -> resolveCurrent(s, current));
    upper = upper.map(s -> resolveCurrent(s, current));
    for (Revision r : graph.range(lower, upper)) {
      out.println(verbose ? Format.block(graph, r) : Format.line(graph, r, current));
    }
    out.flush();
    return 0;
  }

  private static String resolveCurrent(String side, Set<String> current) {
    if (!side.equals("current")) {
      return side;
    }
    if (current.size() > 1) {
      throw new UsageException("the database is at several heads (" + String.join(", ", current)
          + "); name one of them instead of 'current'");
    }
    return current.isEmpty() ? "base" : current.iterator().next();
  }
}
