package dev.retort.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The command lines simple enough to run without picocli: {@code upgrade}, {@code downgrade},
 * {@code current} and {@code heads}, with their own options and the global ones before the command
 * name, each written out whole ({@code --url URL}, not {@code --url=URL}), each at most once.
 * Building picocli's model (its start-up, then reflection over the annotations through proxies)
 * costs more CPU than the rest of a no-op {@code upgrade} before it connects, and these commands
 * run on every deployment. Anything else, or anything picocli would parse differently or refuse, is
 * declined and picocli parses it as before, so help, errors and suggestions come from picocli
 * alone; {@code DirectLineTest} checks that whatever this accepts, picocli reads to the same
 * values.
 */
final class DirectLine {
  private DirectLine() {}

  /** The global options that take a value; {@code --debug} is the one global flag. */
  private static final Set<String> TOP_VALUED = Set.of("-C", "--url", "--config");

  /** The output options every command here has. */
  private static final Set<String> OUTPUT_FLAGS = Set.of("--json");

  /**
   * The command named by {@code args}, with its options and {@code top}'s set from them, ready to
   * call; null when the line is not one of the simple ones (then nothing has been set).
   */
  static Callable<Integer> bind(String[] args, RetortCommand top) {
    Map<String, String> global = new HashMap<>();
    int i = 0;
    for (; i < args.length; i++) {
      String a = args[i];
      if (TOP_VALUED.contains(a)) {
        if (i + 1 >= args.length || !plain(args[i + 1]) || global.containsKey(a)) {
          return null;
        }
        global.put(a, args[++i]);
      } else if (a.equals("--debug")) {
        if (global.put(a, "") != null) {
          return null;
        }
      } else {
        break;
      }
    }
    if (i >= args.length) {
      return null;
    }
    String name = args[i];
    Args sub =
        switch (name) {
          case "upgrade", "downgrade" ->
              Args.parse(args, i + 1, Set.of("--sql", "--allow-changed"), Map.of());
          case "current", "heads" -> Args.parse(args, i + 1, Set.of("--verbose"), VERBOSE);
          default -> null;
        };
    if (sub == null || sub.positionals.size() > 1) {
      return null;
    }
    Path directory = null;
    Path config = null;
    try {
      if (global.containsKey("-C")) {
        directory = Path.of(global.get("-C"));
      }
      if (global.containsKey("--config")) {
        config = Path.of(global.get("--config"));
      }
    } catch (InvalidPathException e) {
      return null; // picocli reports it
    }
    Callable<Integer> command = command(name, sub, top);
    if (command == null) {
      return null;
    }
    top.directory = directory;
    top.config = config;
    top.url = global.get("--url");
    top.debug = global.containsKey("--debug");
    return command;
  }

  private static final Map<String, String> VERBOSE = Map.of("-v", "--verbose");

  private static Callable<Integer> command(String name, Args sub, RetortCommand top) {
    String positional = sub.positionals.isEmpty() ? null : sub.positionals.get(0);
    switch (name) {
      case "upgrade" -> {
        UpgradeCommand c = new UpgradeCommand();
        c.top = top;
        c.target = positional == null ? "heads" : positional;
        c.sql = sub.flags.contains("--sql");
        c.allowChanged = sub.flags.contains("--allow-changed");
        sub.output(c.output);
        return c;
      }
      case "downgrade" -> {
        if (positional == null) {
          return null; // TARGET is required: picocli says so
        }
        DowngradeCommand c = new DowngradeCommand();
        c.top = top;
        c.target = positional;
        c.sql = sub.flags.contains("--sql");
        c.allowChanged = sub.flags.contains("--allow-changed");
        sub.output(c.output);
        return c;
      }
      case "current" -> {
        if (positional != null) {
          return null;
        }
        CurrentCommand c = new CurrentCommand();
        c.top = top;
        c.verbose = sub.flags.contains("--verbose");
        sub.output(c.output);
        return c;
      }
      case "heads" -> {
        if (positional != null) {
          return null;
        }
        HeadsCommand c = new HeadsCommand();
        c.top = top;
        c.verbose = sub.flags.contains("--verbose");
        sub.output(c.output);
        return c;
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * An option's value picocli takes as it is: a {@link #positional} that is not a command name
   * (which picocli refuses as an option's value).
   */
  private static boolean plain(String value) {
    return positional(value) && !isCommandName(value);
  }

  /**
   * A positional picocli takes as it is: not empty, not an option ({@code -...}), not an {@code
   * @file} that picocli would expand.
   */
  private static boolean positional(String value) {
    return !value.isEmpty() && value.charAt(0) != '-' && value.charAt(0) != '@';
  }

  private static boolean isCommandName(String value) {
    for (Map.Entry<String, Class<?>> sub : RetortCommand.SUBCOMMANDS) {
      if (sub.getKey().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** A command's own arguments: its flags (by their long names), {@code --format}, positionals. */
  private static final class Args {
    final List<String> flags = new ArrayList<>();
    final List<String> positionals = new ArrayList<>();
    String format;

    /**
     * Null when an argument is not one of {@code flags}, {@code --json} or {@code --format FORMAT}
     * and not a plain positional, or when an option comes twice.
     */
    static Args parse(String[] args, int from, Set<String> flags, Map<String, String> aliases) {
      Args a = new Args();
      for (int i = from; i < args.length; i++) {
        String arg = aliases.getOrDefault(args[i], args[i]);
        if (arg.equals("--format")) {
          if (a.format != null || i + 1 >= args.length || !plain(args[i + 1])) {
            return null;
          }
          a.format = args[++i];
        } else if (flags.contains(arg) || OUTPUT_FLAGS.contains(arg)) {
          if (a.flags.contains(arg)) {
            return null;
          }
          a.flags.add(arg);
        } else if (positional(arg)) {
          a.positionals.add(arg);
        } else {
          return null;
        }
      }
      return a;
    }

    void output(OutputOptions output) {
      output.json = flags.contains("--json");
      output.format = format;
    }
  }
}
