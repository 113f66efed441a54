package dev.retort.cli;

import dev.retort.DirtyMigration;
import dev.retort.RepairResult;
import dev.retort.RevisionInfo;
import dev.retort.text.Inert;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "repair",
    mixinStandardHelpOptions = true,
    description = {
      "Accept the migrations as their files are now.",
      "Records the checksums of applied migrations whose file changed since they were applied "
          + "(what --allow-changed allows for one run), and clears the dirty state of migrations "
          + "whose file was fixed since: the next upgrade runs those from their first statement, "
          + "so undo by hand what they had applied first."
    })
final class RepairCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RepairResult r = top.retort(out, false).repair();
    for (RevisionInfo info : r.rerecorded()) {
      out.println(
          "Recorded "
              + info.id()
              + " as its file is now ("
              + Inert.text(info.file().map(Object::toString).orElse(""))
              + ")");
    }
    for (DirtyMigration d : r.cleared()) {
      out.println(
          "Cleared the dirty state of "
              + d.revision()
              + " (it had stopped at statement "
              + d.failedStatement()
              + "); the next upgrade runs it from its first statement");
    }
    for (DirtyMigration d : r.stillDirty()) {
      out.println(
          "Left "
              + d.revision()
              + " dirty: its file is as it was when it failed at "
              + "statement "
              + d.failedStatement()
              + "; fix it first, or stamp");
    }
    out.println(
        r.isEmpty()
            ? "Nothing to repair."
            : "Done: "
                + r.rerecorded().size()
                + " checksum(s) recorded, "
                + r.cleared().size()
                + " dirty state(s) cleared.");
    out.flush();
    return 0;
  }
}
