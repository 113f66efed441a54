package dev.retort.cli;

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
    out.print(Format.block(top.retort(out, false).show(revision)));
    out.flush();
    return 0;
  }
}
