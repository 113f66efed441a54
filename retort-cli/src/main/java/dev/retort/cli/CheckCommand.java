package dev.retort.cli;

import dev.retort.Retort;
import dev.retort.codegen.SqlMigrationWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Compare the database with the desired schema (the 'schema' setting).",
        "Exit 0 when they match, 1 with a summary of the differences when they do not."})
final class CheckCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin TableFilterOptions tables = new TableFilterOptions();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Retort retort = top.retort(out, false);
    Retort.SchemaDiff d = retort.diff(dev.retort.diff.DiffOptions.defaults(), tables.filter());
    if (d.isEmpty()) {
      out.println("The database matches " + retort.config().schema().orElseThrow().getFileName() + ".");
      out.flush();
      return 0;
    }
    out.println("The database differs from " + retort.config().schema().orElseThrow().getFileName()
        + " (" + d.diff().ops().size() + " change" + (d.diff().ops().size() == 1 ? "" : "s") + " needed):");
    for (SqlMigrationWriter.Step s : d.upgrade()) {
      out.println("  " + s.op().describe());
    }
    d.diff().renameCandidates().forEach(c -> out.println("  note: " + c.warning()));
    out.println("Run 'retort revision --autogenerate -m \"...\"' to write the migration.");
    out.flush();
    return 1;
  }
}
