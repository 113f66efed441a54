package dev.retort.source;

import static java.util.Objects.requireNonNull;

import dev.retort.error.UsageException;
import dev.retort.text.Inert;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the desired schema comes from: the {@code schema} setting, read.
 *
 * <pre>{@code
 * schema=schema/AppSchema.java          # a Java schema definition
 * schema=schema.sql                     # CREATE statements
 * schema=jpa:com.example.model          # the @Entity classes of a package and its sub-packages
 * schema=jpa:com.example.model,com.example.audit.AuditEntry
 * }</pre>
 */
public sealed interface SchemaSource permits SchemaSource.File, SchemaSource.Jpa {

  /** How the source is named in messages: the file's name, or the {@code jpa:} setting. */
  String describe();

  /**
   * A file: a Java schema definition ({@code .java}) or desired-state SQL ({@code .sql}).
   *
   * @param path the file, resolved against the project directory
   */
  record File(Path path) implements SchemaSource {
    public File {
      requireNonNull(path, "path");
    }

    @Override
    public String describe() {
      return path.getFileName().toString();
    }
  }

  /**
   * JPA entities, read through the application's own Hibernate from the schema class path.
   *
   * @param targets packages (whose {@code @Entity} classes count, sub-packages included) and fully
   *     qualified class names, in the order given
   */
  record Jpa(List<String> targets) implements SchemaSource {
    private static final Pattern NAME =
        Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    public Jpa {
      targets = List.copyOf(targets);
      if (targets.isEmpty()) {
        throw new UsageException(
            "schema=jpa: names no package or class; write "
                + "schema=jpa:com.example.model (packages and classes, comma-separated)");
      }
      for (String t : targets) {
        if (!NAME.matcher(t).matches()) {
          throw new UsageException(
              "schema=jpa: '"
                  + Inert.text(t)
                  + "' is not a Java package "
                  + "or class name; write schema=jpa:com.example.model,com.example.Other");
        }
      }
    }

    @Override
    public String describe() {
      return "jpa:" + String.join(",", targets);
    }
  }

  /**
   * Reads the {@code schema} setting: {@code jpa:} and a comma-separated list, or a file path
   * relative to {@code projectDir}.
   *
   * @throws UsageException for a {@code jpa:} list with nothing or something not a Java name in it
   */
  static SchemaSource parse(String value, Path projectDir) {
    String v = value.strip();
    if (v.regionMatches(true, 0, "jpa:", 0, 4)) {
      return new Jpa(
          Arrays.stream(v.substring(4).split(","))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .toList());
    }
    return new File(projectDir.resolve(v).normalize());
  }
}
