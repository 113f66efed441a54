package dev.retort.cli;

import dev.retort.CompareOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --include-table} and {@code --exclude-table}, for the commands that compare schemas. */
final class TableFilterOptions {
  @Option(
      names = "--include-table",
      paramLabel = "PATTERN",
      split = ",",
      description =
          "Only compare tables matching PATTERN (a name, or schema.name; * is a wildcard).")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude-table",
      paramLabel = "PATTERN",
      split = ",",
      description = "Leave tables matching PATTERN out of the comparison.")
  List<String> exclude = new ArrayList<>();

  /** {@code options}, comparing only the tables these options select. */
  CompareOptions apply(CompareOptions options) {
    return options.withTables(include, exclude);
  }
}
