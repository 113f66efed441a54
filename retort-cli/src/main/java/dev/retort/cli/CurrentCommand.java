package dev.retort.cli;

import dev.retort.Retort;
import dev.retort.script.RevisionGraph;
import java.io.PrintWriter;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "current", mixinStandardHelpOptions = true,
    description = "Show the revision(s) the database is at.")
final class CurrentCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "Show each revision in full.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Retort retort = top.retort(out, false);
    Set<String> rows = retort.current();
    RevisionGraph graph = retort.graph();
    var dirty = retort.dirty();
    if (rows.isEmpty() && dirty.isEmpty()) {
      out.println("(base: no revision applied)");
    }
    for (String id : new TreeSet<>(rows)) {
      out.println(verbose ? Format.block(graph, graph.get(id))
          : id + (graph.heads().contains(id) ? " (head)" : "") + ", " + graph.get(id).message());
    }
    for (var d : dirty) {
      out.println(d.describe());
      out.println("  fix the migration and run again to resume there, or repair by hand and "
          + "'retort stamp <revision>'");
    }
    out.flush();
    return 0;
  }
}
