package dev.retort.cli;

import dev.retort.CurrentStatus;
import dev.retort.DirtyMigration;
import dev.retort.Retort;
import dev.retort.RevisionInfo;
import dev.retort.text.Inert;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "current",
    mixinStandardHelpOptions = true,
    description = "Show the revision(s) the database is at.")
final class CurrentCommand implements Callable<Integer>, JsonShapes.Command {
  @ParentCommand RetortCommand top;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each revision in full, and which database and where its URL came from.")
  boolean verbose;

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @Override
  public String name() {
    return "current";
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    PrintWriter out = top.out();
    boolean json = output.isJson();
    Retort retort = top.retort(out, false);
    if (json) {
      CurrentStatus status = retort.status();
      out.print(
          Json.write(
              Json.document("current")
                  .put("revisions", JsonShapes.revisions(status.revisions()))
                  .put("dirty", status.dirty().stream().map(JsonShapes::dirty).toList())));
      out.flush();
      return 0;
    }
    if (verbose) {
      out.println(
          "Database: "
              + retort.config().secrets().scrub(retort.config().url().orElse("(none)"))
              + " (from "
              + RetortCommand.urlSource(retort.config(), top.urlFromOption())
              + ")");
    }
    CurrentStatus status = retort.status();
    if (status.revisions().isEmpty() && status.dirty().isEmpty()) {
      out.println("(base: no revision applied)");
    }
    for (RevisionInfo r : status.revisions()) {
      out.println(
          verbose
              ? Format.block(r)
              : r.id()
                  + (r.head() ? " (head)" : "")
                  + (r.message().isEmpty() ? "" : ", " + Inert.text(r.message())));
    }
    for (DirtyMigration d : status.dirty()) {
      out.println(Inert.text(d.describe()));
      out.println(
          "  fix the migration and run again to resume there, or repair by hand and "
              + "'retort stamp <revision>'");
    }
    out.flush();
    return 0;
  }
}
