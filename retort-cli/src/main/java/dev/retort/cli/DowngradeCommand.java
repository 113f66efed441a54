package dev.retort.cli;

import dev.retort.Retort;
import dev.retort.RunResult;
import dev.retort.error.UsageException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "downgrade",
    mixinStandardHelpOptions = true,
    description = {
      "Revert migrations back to TARGET.",
      "TARGET: -N (N steps back), base (everything), a revision id or prefix (kept applied),",
      "REV-N, REV+N, BRANCH@-N, BRANCH@REV (that branch alone, down to REV), BRANCH@base.",
      "With --sql, FROM:TO (an offline run cannot ask the database)."
    })
final class DowngradeCommand implements Callable<Integer>, JsonShapes.Command {
  @ParentCommand RetortCommand top;

  @Parameters(index = "0", paramLabel = "TARGET", description = "Where to go back to.")
  String target;

  @Option(
      names = "--sql",
      description = "Print the SQL script instead of running it; no database is touched.")
  boolean sql;

  @Option(
      names = "--allow-changed",
      description = "Proceed although an applied migration file has changed.")
  boolean allowChanged;

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @Override
  public String name() {
    return "downgrade";
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    PrintWriter out = top.out();
    boolean json = output.isJson();
    if (json && sql) {
      throw new UsageException(
          "--sql prints an SQL script, which has no JSON form; leave out --json");
    }
    // with --json the document is the whole of standard output: progress goes to standard error
    Retort retort = top.retort(json ? top.err() : out, allowChanged);
    if (sql) {
      out.print(retort.downgradeSql(target));
      out.flush();
      return 0;
    }
    RunResult r = retort.downgrade(target);
    if (json) {
      out.print(Json.write(JsonShapes.run("downgrade", r)));
      out.flush();
      return 0;
    }
    Report.result(out, r, "downgrade");
    return 0;
  }
}
