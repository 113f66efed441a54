package dev.retort.cli;

import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "branches", mixinStandardHelpOptions = true,
    description = "Show branch points: revisions two or more revisions revise. Needs no database.")
final class BranchesCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RevisionGraph graph = top.retort(out, false).graph();
    if (graph.branchPoints().isEmpty()) {
      out.println("(no branch points)");
    }
    for (String id : graph.branchPoints()) {
      out.println(Format.line(graph, graph.get(id), Set.of()));
      for (String child : graph.children(id)) {
        Revision c = graph.get(child);
        out.println("    -> " + c.id() + ", " + c.message());
      }
    }
    out.flush();
    return 0;
  }
}
