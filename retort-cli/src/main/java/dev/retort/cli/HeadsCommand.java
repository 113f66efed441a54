package dev.retort.cli;

import dev.retort.script.RevisionGraph;
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
    RevisionGraph graph = top.retort(out, false).graph();
    for (String id : graph.heads()) {
      out.println(verbose ? Format.block(graph, graph.get(id)) : Format.line(graph, graph.get(id), Set.of()));
    }
    out.flush();
    return 0;
  }
}
