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

@Command(name = "upgrade", mixinStandardHelpOptions = true,
    description = {"Apply migrations forward to TARGET.",
        "TARGET: heads (default, every head), head (the single head), a revision id, unique prefix or",
        "branch label, +N, REV+N, REV-N, base+N, BRANCH@head, BRANCH@head-N, BRANCH@REV, BRANCH@+N.",
        "With --sql, [FROM:]TO, FROM defaulting to base."})
final class UpgradeCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", defaultValue = "heads", paramLabel = "TARGET",
      description = "Where to go (default: ${DEFAULT-VALUE}).")
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
      out.print(retort.upgradeSql(target));
      out.flush();
      return 0;
    }
    RunResult r = retort.upgrade(target);
    Report.result(out, r, "upgrade");
    return 0;
  }
}
