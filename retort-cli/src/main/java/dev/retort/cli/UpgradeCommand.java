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
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = {
      "Apply migrations forward to TARGET.",
      "TARGET: heads (default, every head), head (the single head), a revision id, unique prefix or",
      "branch label, +N, REV+N, REV-N, base+N, BRANCH@head, BRANCH@head-N, BRANCH@REV, BRANCH@+N.",
      "With --sql, [FROM:]TO, FROM defaulting to base."
    })
final class UpgradeCommand implements Callable<Integer>, JsonShapes.Command {
  @ParentCommand RetortCommand top;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "heads",
      paramLabel = "TARGET",
      description = "Where to go (default: ${DEFAULT-VALUE}).")
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
    return "upgrade";
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
      out.print(retort.upgradeSql(target));
      out.flush();
      return 0;
    }
    RunResult r = retort.upgrade(target);
    if (json) {
      out.print(Json.write(JsonShapes.run("upgrade", r)));
      out.flush();
      return 0;
    }
    Report.result(out, r, "upgrade");
    return 0;
  }
}
