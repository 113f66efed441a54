package dev.retort.cli;

import dev.retort.RunResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "stamp",
    mixinStandardHelpOptions = true,
    description = {
      "Set the version table to TARGET without running any migration.",
      "For a database whose schema is already there (created by hand or by another tool)."
    })
final class StampCommand implements Callable<Integer>, JsonShapes.Command {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "head, heads, base, or a revision.")
  String target;

  @Option(
      names = "--purge",
      description = "Empty the version table first, even if it names unknown revisions.")
  boolean purge;

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @Override
  public String name() {
    return "stamp";
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = output.isJson();
    RunResult r = top.retort(out, false).stamp(target, purge);
    if (json) {
      out.print(
          Json.write(
              Json.document("stamp")
                  .put("before", JsonShapes.sorted(r.before()))
                  .put("after", JsonShapes.sorted(r.after()))));
      out.flush();
      return 0;
    }
    out.println(
        "Stamped: the database is at "
            + Report.rows(r.after())
            + " (was "
            + Report.rows(r.before())
            + ").");
    out.flush();
    return 0;
  }
}
