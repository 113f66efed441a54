package dev.retort.cli;

import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.error.Secrets;
import dev.retort.error.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code retort}: the global options, and the subcommands. */
@Command(
    name = "retort",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Schema migrations with a revision graph: upgrade, downgrade, branches and merges.",
    footer = {
      "",
      "Exit codes: 0 success, 1 a check failed, 2 bad usage or input, 3 the database refused."
    })
final class RetortCommand implements Runnable {
  /**
   * The subcommands, in the order help lists them. Not in {@code @Command(subcommands = ...)}:
   * {@link Main} registers only the one the command line names (building picocli's model of every
   * subcommand costs more than the rest of a no-op run), and all of them for help and errors.
   */
  static final java.util.List<Map.Entry<String, Class<?>>> SUBCOMMANDS =
      java.util.List.of(
          Map.entry("init", InitCommand.class),
          Map.entry("revision", RevisionCommand.class),
          Map.entry("upgrade", UpgradeCommand.class),
          Map.entry("downgrade", DowngradeCommand.class),
          Map.entry("current", CurrentCommand.class),
          Map.entry("heads", HeadsCommand.class),
          Map.entry("branches", BranchesCommand.class),
          Map.entry("history", HistoryCommand.class),
          Map.entry("show", ShowCommand.class),
          Map.entry("stamp", StampCommand.class),
          Map.entry("merge", MergeCommand.class),
          Map.entry("repair", RepairCommand.class),
          Map.entry("check", CheckCommand.class),
          Map.entry("diff", DiffCommand.class));

  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(
      names = "-C",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "Run as if started in DIR.")
  Path directory;

  @Option(
      names = "--url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description =
          "Database URL (JDBC, postgresql://user@host/db or sqlite:///file); overrides the configuration.")
  String url;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "Configuration file (default: retort.properties).")
  Path config;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean debug;

  /** Standard output and error, as {@link Main} set them up (picocli's own are the same). */
  private PrintWriter out;

  private PrintWriter err;

  RetortCommand(Map<String, String> env) {
    this.env = env;
  }

  void streams(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  Path projectDir() {
    Path dir = directory == null ? Path.of("") : directory;
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new UsageException("-C " + dir + ": no such directory");
    }
    return abs;
  }

  /**
   * The facade, configured from files, environment and options; what reading the settings warns of
   * goes to standard error.
   */
  Retort retort(PrintWriter out, boolean allowChanged) {
    RetortConfig c =
        builder()
            .allowChanged(allowChanged)
            .progress(
                line -> {
                  out.println(line);
                  out.flush();
                })
            .build();
    PrintWriter err = err();
    c.warnings().forEach(w -> err.println("warning: " + w));
    err.flush();
    return Retort.of(c);
  }

  private RetortConfig.Builder builder() {
    RetortConfig.Builder b = Retort.configure().projectDir(projectDir()).environment(env);
    if (config != null) {
      b.configFile(config);
    }
    if (url != null) {
      b.url(url);
    }
    return b;
  }

  /** Where the URL came from, in words: {@code --url}, or what the configuration says. */
  static String urlSource(RetortConfig c, boolean fromOption) {
    return fromOption ? "--url" : c.urlSource().orElse("nowhere");
  }

  /** Whether the URL was given with {@code --url}. */
  boolean urlFromOption() {
    return url != null;
  }

  /**
   * The passwords this command line was given, in {@code args} (URLs), the environment, {@code
   * .env} and the configuration file, to keep out of everything it prints. Reading a broken
   * configuration again here must not fail the error report: what can be read is used.
   */
  Secrets secrets(String[] args) {
    List<String> urls = new ArrayList<>(java.util.Arrays.asList(args));
    urls.addAll(java.util.Arrays.asList(url, env.get("RETORT_URL"), env.get("DATABASE_URL")));
    Secrets given =
        Secrets.of(urls, java.util.Collections.singletonList(env.get("RETORT_PASSWORD")));
    try {
      return given.and(builder().build().secrets());
    } catch (RuntimeException e) {
      return given; // the configuration's own error is being reported; its secrets were not read
    }
  }
}
