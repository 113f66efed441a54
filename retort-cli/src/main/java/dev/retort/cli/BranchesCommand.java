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

@Command(
    name = "branches",
    mixinStandardHelpOptions = true,
    description = "Show branch points: revisions two or more revisions revise. Needs no database.")
final class BranchesCommand implements Callable<Integer>, JsonShapes.Command {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @Override
  public String name() {
    return "branches";
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = output.isJson();
    List<BranchPoint> points = top.retort(out, false).branchPoints();
    if (json) {
      out.print(
          Json.write(
              Json.document("branches")
                  .put(
                      "branchPoints",
                      points.stream()
                          .map(
                              p ->
                                  Json.object()
                                      .put("revision", JsonShapes.revision(p.revision()))
                                      .put("children", JsonShapes.revisions(p.children())))
                          .toList())));
      out.flush();
      return 0;
    }
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
