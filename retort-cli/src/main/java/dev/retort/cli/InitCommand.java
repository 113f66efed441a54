package dev.retort.cli;

import dev.retort.Retort;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Create retort.properties, migrations/ and a schema definition stub (in DIR, default: here).")
final class InitCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The project directory.")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path base = top.projectDir();
    Path target = dir == null ? base : base.resolve(dir);
    for (Path p : Retort.init(target)) {
      out.println("Created " + p);
    }
    out.println(
        "Next: set url in retort.properties (SQLite by default), then "
            + "'retort revision -m \"first migration\"'.");
    out.flush();
    return 0;
  }
}
