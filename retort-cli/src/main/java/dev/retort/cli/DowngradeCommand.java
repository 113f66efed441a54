package dev.retort.cli;

import dev.retort.Retort;
import dev.retort.RunResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "downgrade", mixinStandardHelpOptions = true,
    description = {"Revert migrations back to TARGET.",
        "TARGET: -N (N steps back), base (everything), a revision id or prefix (kept applied),",
        "REV-N, REV+N, BRANCH@-N, BRANCH@REV (that branch alone, down to REV), BRANCH@base.",
        "With --sql, FROM:TO (an offline run cannot ask the database)."})
final class DowngradeCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "Where to go back to.")
  String target;

  @Option(names = "--sql", description = "Print the SQL script instead of running it; no database is touched.")
  boolean sql;

  @Option(names = "--allow-changed", description = "Proceed although an applied migration file has changed.")
  boolean allowChanged;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Retort retort = top.retort(out, allowChanged);
    if (sql) {
      out.print(retort.downgradeSql(target));
      out.flush();
      return 0;
    }
    RunResult r = retort.downgrade(target);
    Report.result(out, r, "downgrade");
    return 0;
  }
}
