package dev.retort.cli;

import dev.retort.Retort;
import dev.retort.SchemaDiff;
import dev.retort.text.Inert;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Print the SQL autogenerate would write to bring the database to the desired schema; writes nothing.")
final class DiffCommand implements Callable<Integer>, JsonShapes.Command {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin TableFilterOptions tables = new TableFilterOptions();

  @Option(
      names = "--rename",
      paramLabel = "OLD=NEW",
      description =
          "Treat a dropped and an added table (old=new) or column (table.old=new) as a rename.")
  List<String> renames = new ArrayList<>();

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @Override
  public String name() {
    return "diff";
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
    SchemaDiff d = retort.diff(tables.apply(Renames.parse(renames)));
    if (json) {
      d.notes().forEach(n -> spec.commandLine().getErr().println("warning: " + n));
      d.leftOut().ifPresent(n -> spec.commandLine().getErr().println("warning: " + n));
      d.renameWarnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
      spec.commandLine().getErr().flush();
      out.print(
          Json.write(
              Json.document("diff")
                  .put("empty", d.isEmpty())
                  .put("upgrade", JsonShapes.steps(d.upgrade()))
                  .put("downgrade", JsonShapes.steps(d.downgrade()))
                  .put("renameWarnings", d.renameWarnings())
                  .put("irreversible", d.irreversible())
                  .put("leftOut", d.leftOut())
                  .put("notes", d.notes())));
      out.flush();
      return 0;
    }
    if (d.isEmpty()) {
      out.println("-- no changes: the database matches the desired schema");
    }
    d.notes()
        .forEach(
            n -> {
              out.println("-- NOTE: " + Inert.text(n));
              spec.commandLine().getErr().println("warning: " + n);
            });
    d.leftOut()
        .ifPresent(
            n -> {
              out.println("-- WARNING: " + Inert.text(n));
              spec.commandLine().getErr().println("warning: " + n);
            });
    d.renameWarnings()
        .forEach(
            w -> {
              out.println("-- WARNING: " + Inert.text(w));
              spec.commandLine().getErr().println("warning: " + w);
            });
    for (SchemaDiff.Step s : d.upgrade()) {
      out.println("-- " + Inert.text(s.description()));
      s.dataLoss().ifPresent(w -> out.println("-- DATA LOSS: " + Inert.text(w)));
      s.problem().ifPresent(p -> out.println("-- (no SQL ahead of time: " + Inert.text(p) + ")"));
      s.statements().forEach(sql -> out.println(sql + ";"));
    }
    out.flush();
    spec.commandLine().getErr().flush();
    return 0;
  }
}
