package dev.retort.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Not a command: the training run whose class list the {@code ./retort} launcher gives {@code
 * -Xshare:dump} to write its AppCDS archive. Runs the common commands against a throwaway SQLite
 * project in a temporary directory, and a PostgreSQL connection attempt to a closed port, so the
 * archive holds the classes a real run loads; touches no real project or database, prints nothing.
 */
final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("retort-cds");
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    Map<String, String> env = Map.of();
    try {
      Files.writeString(
          dir.resolve("retort.properties"),
          "url=jdbc:sqlite:" + dir.resolve("training.db") + "\nmigrations=migrations\n");
      Files.createDirectories(dir.resolve("migrations"));
      Files.writeString(
          dir.resolve("migrations").resolve("000000000001_training.sql"),
          "-- retort:revision 000000000001\n-- retort:message training\n-- retort:upgrade\n"
              + "CREATE TABLE training (id bigint PRIMARY KEY, name varchar(100));\n"
              + "-- retort:downgrade\nDROP TABLE training;\n");
      Files.writeString(
          dir.resolve("migrations").resolve("000000000002_more.sql"),
          "-- retort:revision 000000000002\n-- retort:revises 000000000001\n"
              + "-- retort:message more\n-- retort:upgrade\n"
              + "CREATE INDEX training_name ON training (name);\n"
              + "-- retort:downgrade\nDROP INDEX training_name;\n");
      String d = dir.toString();
      Main.run(new String[] {"-C", d, "upgrade", "head"}, quiet, quiet, env);
      Main.run(new String[] {"-C", d, "upgrade", "head"}, quiet, quiet, env);
      Main.run(new String[] {"-C", d, "current"}, quiet, quiet, env);
      Main.run(new String[] {"-C", d, "history"}, quiet, quiet, env);
      Main.run(
          new String[] {
            "-C",
            d,
            "--url",
            "jdbc:postgresql://127.0.0.1:1/training?user=training&connectTimeout=1",
            "current"
          },
          quiet,
          quiet,
          env);
      // the no-op upgrade's path on a server database: connecting ahead while reading the files
      Main.run(
          new String[] {
            "-C",
            d,
            "--url",
            "jdbc:postgresql://127.0.0.1:1/training?user=training&connectTimeout=1",
            "upgrade",
            "head"
          },
          quiet,
          quiet,
          env);
      loadAll("org/postgresql/", "dev/retort/");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.exit(0);
  }

  /**
   * Loads (without initialising) every class of the jar under the given packages: the training
   * cannot reach a PostgreSQL server, so the driver's protocol classes would be missing otherwise.
   */
  private static void loadAll(String... prefixes) {
    ClassLoader loader = CdsTraining.class.getClassLoader();
    try {
      Path jar =
          Path.of(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
        for (java.util.jar.JarEntry e : java.util.Collections.list(file.entries())) {
          String name = e.getName();
          if (!name.endsWith(".class") || name.contains("-") || name.startsWith("META-INF/")) {
            continue;
          }
          for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
              try {
                Class.forName(
                    name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
              } catch (Throwable ignored) {
                // a class that needs an optional dependency: it stays out of the archive
              }
            }
          }
        }
      }
    } catch (Exception ignored) {
      // not from a jar (tests): the archive just holds less
    }
  }
}
