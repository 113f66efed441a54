package dev.retort.cli;

import dev.retort.error.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code --json} and {@code --format text|json}, for the commands that print a result: the JSON
 * document is the whole of standard output (progress and warnings go to standard error).
 */
final class OutputOptions {
  @Option(
      names = "--json",
      description =
          "Print the result as one JSON document (see the README"
              + " for each command's shape); the same as --format json.")
  boolean json;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  String format;

  /** Whether JSON was asked for, by either option. */
  boolean isJson() {
    if (format == null) {
      return json;
    }
    return switch (format) {
      case "json" -> true;
      case "text" -> {
        if (json) {
          throw new UsageException("--json and --format text contradict each other; give one");
        }
        yield false;
      }
      default ->
          throw new UsageException(
              "--format takes text or json, not '" + dev.retort.text.Inert.text(format) + "'");
    };
  }
}
