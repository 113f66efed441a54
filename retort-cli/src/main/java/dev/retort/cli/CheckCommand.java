package dev.retort.cli;

import dev.retort.CompareOptions;
import dev.retort.Retort;
import dev.retort.SchemaDiff;
import dev.retort.text.Inert;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the database with the desired schema (the 'schema' setting).",
      "Exit 0 when they match, 1 with a summary of the differences when they do not."
    })
final class CheckCommand implements Callable<Integer>, JsonShapes.Command {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin TableFilterOptions tables = new TableFilterOptions();

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @Override
  public String name() {
    return "check";
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = output.isJson();
    Retort retort = top.retort(out, false);
    SchemaDiff d = retort.diff(tables.apply(CompareOptions.defaults()));
    d.notes().forEach(n -> spec.commandLine().getErr().println("warning: " + n));
    if (json) {
      d.leftOut().ifPresent(n -> spec.commandLine().getErr().println("warning: " + n));
      spec.commandLine().getErr().flush();
      out.print(
          Json.write(
              Json.document("check")
                  .put("matches", d.isEmpty())
                  .put("schema", retort.config().schema().map(s -> s.describe()))
                  .put("changes", JsonShapes.steps(d.upgrade()))
                  .put("renameWarnings", d.renameWarnings())
                  .put("leftOut", d.leftOut())
                  .put("notes", d.notes())));
      out.flush();
      return d.isEmpty() ? 0 : 1;
    }
    d.leftOut()
        .ifPresent(
            n -> {
              spec.commandLine().getErr().println("warning: " + n);
              spec.commandLine().getErr().flush();
            });
    if (d.isEmpty()) {
      out.println(
          "The database matches " + retort.config().schema().orElseThrow().describe() + ".");
      out.flush();
      return 0;
    }
    out.println(
        "The database differs from "
            + retort.config().schema().orElseThrow().describe()
            + " ("
            + d.upgrade().size()
            + " change"
            + (d.upgrade().size() == 1 ? "" : "s")
            + " needed):");
    for (SchemaDiff.Step s : d.upgrade()) {
      out.println("  " + Inert.text(s.description()));
    }
    d.renameWarnings().forEach(w -> out.println("  note: " + Inert.text(w)));
    out.println("Run 'retort revision --autogenerate -m \"...\"' to write the migration.");
    out.flush();
    return 1;
  }
}
