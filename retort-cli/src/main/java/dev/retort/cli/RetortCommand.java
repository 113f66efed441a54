package dev.retort.cli;

import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.error.Secrets;
import dev.retort.error.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    description = "Schema migrations with a revision graph: upgrade, downgrade, branches and merges.",
    footer = {"", "Exit codes: 0 success, 1 a check failed, 2 bad usage or input, 3 the database refused."})
final class RetortCommand implements Runnable {
  /**
   * The subcommands, in the order help lists them. Not in {@code @Command(subcommands = ...)}:
   * {@link Main} registers only the one the command line names (building picocli's model of every
   * subcommand costs more than the rest of a no-op run), and all of them for help and errors.
   */
  static final java.util.List<Map.Entry<String, Class<?>>> SUBCOMMANDS = java.util.List.of(
      Map.entry("init", InitCommand.class), Map.entry("revision", RevisionCommand.class),
      Map.entry("upgrade", UpgradeCommand.class), Map.entry("downgrade", DowngradeCommand.class),
      Map.entry("current", CurrentCommand.class), Map.entry("heads", HeadsCommand.class),
      Map.entry("branches", BranchesCommand.class), Map.entry("history", HistoryCommand.class),
      Map.entry("show", ShowCommand.class), Map.entry("stamp", StampCommand.class),
      Map.entry("merge", MergeCommand.class), Map.entry("check", CheckCommand.class),
      Map.entry("diff", DiffCommand.class));

  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(names = "-C", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Run as if started in DIR.")
  Path directory;

  @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "Database URL (JDBC, postgresql://user@host/db or sqlite:///file); overrides the configuration.")
  String url;

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Configuration file (default: retort.properties).")
  Path config;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean debug;

  RetortCommand(Map<String, String> env) {
    this.env = env;
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

  /** The facade, configured from files, environment and options. */
  Retort retort(PrintWriter out, boolean allowChanged) {
    Path dir = projectDir();
    ConfigLoader c = ConfigLoader.load(dir, Optional.ofNullable(config), env);
    RetortConfig.Builder b = Retort.configure().projectDir(dir);
    Optional.ofNullable(url).or(() -> c.get("url")).ifPresent(b::url);
    c.get("user").ifPresent(b::user);
    c.get("password").ifPresent(b::password);
    c.get("migrations").ifPresent(b::migrations);
    c.get("version-table").ifPresent(b::versionTable);
    c.get("history-table").ifPresent(b::historyTable);
    c.get("lock-timeout").ifPresent(t -> b.lockTimeout(seconds(t)));
    c.get("schema").ifPresent(b::schema);
    b.allowChanged(allowChanged);
    b.progress(line -> {
      out.println(line);
      out.flush();
    });
    return b.load();
  }

  /**
   * The passwords this command line was given, in {@code args} (URLs), the environment, {@code
   * .env} and the configuration file, to keep out of everything it prints. Reading a broken
   * configuration again here must not fail the error report: what can be read is used.
   */
  Secrets secrets(String[] args) {
    List<String> urls = new ArrayList<>(java.util.Arrays.asList(args));
    List<String> passwords = new ArrayList<>();
    urls.add(url);
    for (String key : List.of("url", "password")) {
      String value = env.get(ConfigLoader.envName(key));
      (key.equals("url") ? urls : passwords).add(value);
    }
    urls.add(env.get("DATABASE_URL"));
    try {
      ConfigLoader c = ConfigLoader.load(directory == null ? Path.of("") : directory,
          Optional.ofNullable(config), env);
      c.get("url").ifPresent(urls::add);
      c.get("password").ifPresent(passwords::add);
    } catch (RuntimeException e) {
      // the configuration's own error is being reported; its secrets were not read
    }
    return Secrets.of(urls, passwords);
  }

  /**
   * A setting only the command line uses (not part of the library's configuration), from the
   * same files and environment as the others.
   */
  Optional<String> setting(String key) {
    return ConfigLoader.load(projectDir(), Optional.ofNullable(config), env).get(key);
  }

  private static Duration seconds(String text) {
    try {
      return Duration.ofSeconds(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      throw new UsageException("lock-timeout must be a number of seconds, got '" + text + "'");
    }
  }
}
