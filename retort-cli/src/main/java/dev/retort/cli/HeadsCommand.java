package dev.retort.cli;

import dev.retort.RevisionInfo;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "heads", mixinStandardHelpOptions = true,
    description = "Show the heads: revisions nothing revises yet. Needs no database.")
final class HeadsCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "Show each head in full.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (RevisionInfo r : top.retort(out, false).heads()) {
      out.println(verbose ? Format.block(r) : Format.line(r, Set.of()));
    }
    out.flush();
    return 0;
  }
}
