package dev.retort.cli;

import dev.retort.Retort;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = "Write a revision that joins two or more heads into one.")
final class MergeCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "REV",
      description = "The revisions to join, or 'heads' for all heads.")
  List<String> revisions;

  @Option(
      names = {"-m", "--message"},
      required = true,
      paramLabel = "MSG",
      description = "Why the branches join.")
  String message;

  @Option(
      names = "--rev-id",
      paramLabel = "ID",
      description = "Use this id instead of 12 random hex digits.")
  String revId;

  @Option(
      names = "--format",
      paramLabel = "java|sql",
      description =
          "Write the merge in Java or SQL (default: SQL when the revisions it joins are "
              + "all SQL files, else Java).")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Retort retort = top.retort(out, false);
    Path file =
        retort.merge(
            revisions,
            message,
            Optional.ofNullable(revId),
            Optional.ofNullable(format).map(RevisionCommand::parseFormat));
    out.println("Generated " + RevisionCommand.relative(retort, file));
    out.flush();
    return 0;
  }
}
