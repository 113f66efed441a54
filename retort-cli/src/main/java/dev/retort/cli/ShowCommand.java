package dev.retort.cli;

import dev.retort.RevisionInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show one revision in full (an id, a unique prefix, head, or a branch label).")
final class ShowCommand implements Callable<Integer>, JsonShapes.Command {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REV", description = "The revision.")
  String revision;

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @Override
  public String name() {
    return "show";
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = output.isJson();
    RevisionInfo r = top.retort(out, false).show(revision);
    out.print(
        json
            ? Json.write(Json.document("show").put("revision", JsonShapes.revision(r)))
            : Format.block(r));
    out.flush();
    return 0;
  }
}
