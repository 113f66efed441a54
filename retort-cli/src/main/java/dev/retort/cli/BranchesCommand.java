package dev.retort.cli;

import dev.retort.BranchPoint;
import dev.retort.RevisionInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "branches", mixinStandardHelpOptions = true,
    description = "Show branch points: revisions two or more revisions revise. Needs no database.")
final class BranchesCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<BranchPoint> points = top.retort(out, false).branchPoints();
    if (points.isEmpty()) {
      out.println("(no branch points)");
    }
    for (BranchPoint p : points) {
      out.println(Format.line(p.revision(), Set.of()));
      for (RevisionInfo c : p.children()) {
        out.println("    -> " + c.id() + ", " + c.message());
      }
    }
    out.flush();
    return 0;
  }
}
