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

@Command(name = "stamp", mixinStandardHelpOptions = true,
    description = {"Set the version table to TARGET without running any migration.",
        "For a database whose schema is already there (created by hand or by another tool)."})
final class StampCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "head, heads, base, or a revision.")
  String target;

  @Option(names = "--purge", description = "Empty the version table first, even if it names unknown revisions.")
  boolean purge;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RunResult r = top.retort(out, false).stamp(target, purge);
    out.println("Stamped: the database is at " + Report.rows(r.after())
        + " (was " + Report.rows(r.before()) + ").");
    out.flush();
    return 0;
  }
}
