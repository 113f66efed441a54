package dev.retort.cli;

import dev.retort.script.RevisionGraph;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show one revision in full (an id, a unique prefix, head, or a branch label).")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REV", description = "The revision.")
  String revision;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RevisionGraph graph = top.retort(out, false).graph();
    String id;
    if (revision.equals("head") || revision.equals("heads")) {
      if (graph.heads().size() != 1) {
        throw new dev.retort.error.RevisionGraphException("there are " + graph.heads().size()
            + " heads: " + String.join(", ", graph.heads()) + "; name one");
      }
      id = graph.heads().iterator().next();
    } else {
      id = graph.resolveId(revision);
    }
    out.print(Format.block(graph, graph.get(id)));
    out.flush();
    return 0;
  }
}
