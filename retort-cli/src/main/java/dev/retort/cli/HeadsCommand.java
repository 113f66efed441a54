package dev.retort.cli;

import dev.retort.RevisionInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "heads",
    mixinStandardHelpOptions = true,
    description = "Show the heads: revisions nothing revises yet. Needs no database.")
final class HeadsCommand implements Callable<Integer>, JsonShapes.Command {
  @ParentCommand RetortCommand top;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each head in full.")
  boolean verbose;

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @Override
  public String name() {
    return "heads";
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    PrintWriter out = top.out();
    boolean json = output.isJson();
    List<RevisionInfo> heads = top.retort(out, false).heads();
    if (json) {
      out.print(Json.write(Json.document("heads").put("heads", JsonShapes.revisions(heads))));
      out.flush();
      return 0;
    }
    for (RevisionInfo r : heads) {
      out.println(verbose ? Format.block(r) : Format.line(r, Set.of()));
    }
    out.flush();
    return 0;
  }
}
