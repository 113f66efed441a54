package dev.retort.jpa;

import dev.retort.error.UsageException;
import dev.retort.text.Inert;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code schema-classpath} setting read into files: directories of classes and jars, separated
 * by the platform's path separator ({@code :}, {@code ;} on Windows), with {@code dir/*} for every
 * jar in {@code dir} (as {@code java -cp} reads it).
 */
final class SchemaClasspath {
  private SchemaClasspath() {}

  /**
   * The entries, in order, each resolved against {@code projectDir}.
   *
   * @throws UsageException for an entry that does not exist, naming it
   */
  static List<Path> resolve(String setting, Path projectDir) {
    List<Path> out = new ArrayList<>();
    for (String raw : setting.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.equals("*") || entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
        Path dir = projectDir.resolve(entry.substring(0, entry.length() - 1)).normalize();
        if (!Files.isDirectory(dir)) {
          throw new UsageException(
              "schema-classpath: " + Inert.text(entry) + ": " + dir + " is not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
          files
              .filter(
                  f ->
                      f.getFileName()
                          .toString()
                          .toLowerCase(java.util.Locale.ROOT)
                          .endsWith(".jar"))
              .sorted()
              .forEach(out::add);
        } catch (IOException e) {
          throw new UsageException(
              "schema-classpath: cannot list " + dir + ": " + e.getMessage(), e);
        }
        continue;
      }
      Path p = projectDir.resolve(entry).normalize();
      if (!Files.exists(p)) {
        throw new UsageException(
            "schema-classpath: "
                + Inert.text(entry)
                + " does not exist ("
                + p
                + "); build the application first (mvn compile) or fix the path");
      }
      out.add(p);
    }
    return out;
  }
}
