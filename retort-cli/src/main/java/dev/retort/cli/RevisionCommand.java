package dev.retort.cli;

import dev.retort.MigrationFormat;
import dev.retort.NewRevision;
import dev.retort.Retort;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "revision", mixinStandardHelpOptions = true,
    description = "Write a new, empty migration on top of the current head.")
final class RevisionCommand implements Callable<Integer> {
  @ParentCommand RetortCommand top;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin TableFilterOptions tables = new TableFilterOptions();

  @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", description = "What the migration does.")
  String message;

  @Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of 12 random hex digits.")
  String revId;

  @Option(names = "--head", paramLabel = "REV", split = ",",
      description = "The parent(s): a revision, 'head', or 'base' for a new root (default: the single head).")
  List<String> heads = new ArrayList<>();

  @Option(names = "--branch-label", paramLabel = "LABEL", split = ",", description = "Name the branch that starts here.")
  List<String> branchLabels = new ArrayList<>();

  @Option(names = "--depends-on", paramLabel = "REV", split = ",",
      description = "Revisions that must be applied first without being parents.")
  List<String> dependsOn = new ArrayList<>();

  @Option(names = "--format", paramLabel = "java|sql", defaultValue = "java",
      description = "Write the migration in Java (portable, default) or SQL (for one database).")
  String format;

  @Option(names = "--dialects", paramLabel = "NAME", split = ",",
      description = "With --format sql: write one '-- retort:dialect' section per database "
          + "(postgresql, sqlite, mysql), each the same change in that database's SQL "
          + "(default: the 'dialects' setting, else one unsectioned file for this database).")
  List<String> dialects;

  @Option(names = "--autogenerate", description = "Fill the migration with what brings the database "
      + "(at head) to the desired schema, and the downgrade that brings it back.")
  boolean autogenerate;

  @Option(names = "--rename", paramLabel = "OLD=NEW",
      description = "With --autogenerate: a dropped and an added table (old=new) or column (table.old=new) are a rename.")
  List<String> renames = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Retort retort = top.retort(out, false);
    NewRevision request = new NewRevision(message, Optional.ofNullable(revId), heads,
        branchLabels, dependsOn, parseFormat(format), dialects(retort, parseFormat(format)));
    if (autogenerate) {
      Path file = retort.autogenerate(request, tables.apply(Renames.parse(renames)));
      String text = readQuietly(file);
      text.lines().filter(l -> l.startsWith("-- WARNING: "))
          .forEach(l -> spec.commandLine().getErr().println("warning: " + l.substring("-- WARNING: ".length())));
      spec.commandLine().getErr().flush();
      out.println("Generated " + relative(retort, file));
      out.flush();
      return 0;
    }
    if (!renames.isEmpty()) {
      throw new dev.retort.error.UsageException("--rename only means something with --autogenerate");
    }
    Path file = retort.revision(request);
    out.println("Generated " + relative(retort, file));
    out.flush();
    return 0;
  }

  /**
   * The sections to write: {@code --dialects}, else for an SQL migration the project's {@code
   * dialects} setting (a Java migration needs none, so the setting does not apply to it).
   */
  private List<String> dialects(Retort retort, MigrationFormat f) {
    List<String> names = dialects;
    if (names == null) {
      names = f == MigrationFormat.SQL
          ? retort.config().setting("dialects").map(v -> List.of(v.split(","))).orElse(List.of())
          : List.of();
    }
    return names.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
        .toList();
  }

  private static String readQuietly(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  static MigrationFormat parseFormat(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "java" -> MigrationFormat.JAVA;
      case "sql" -> MigrationFormat.SQL;
      default -> throw new dev.retort.error.UsageException("--format must be java or sql, got '" + text + "'");
    };
  }

  static Path relative(Retort retort, Path file) {
    Path base = retort.config().projectDir();
    return file.startsWith(base) ? base.relativize(file) : file;
  }
}
