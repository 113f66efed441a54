package dev.retort.cli;

import dev.retort.History;
import dev.retort.RevisionInfo;
import java.io.PrintWriter;
import java.util.Optional;
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
      description = "Only revisions from A to B, A an ancestor of B (either side may be empty;"
          + " base, heads, current, ids, labels, BRANCH@..., -N below, +N above).")
  String range;

  @Option(names = {"-v", "--verbose"}, description = "Show each revision in full.")
  boolean verbose;

  @Option(names = {"-i", "--indicate-current"}, description = "Mark the revisions the database is at.")
  boolean indicateCurrent;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    History h = top.retort(out, false).history(Optional.ofNullable(range), indicateCurrent);
    for (RevisionInfo r : h.revisions()) {
      out.println(verbose ? Format.block(r) : Format.line(r, h.current()));
    }
    out.flush();
    return 0;
  }
}
