package dev.retort.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throw-away Retort project in a temp directory, with SQL migrations written by the test. */
final class Project {
  final Path dir;

  Project(Path dir, String url) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(dir.resolve("retort.properties"), "url=" + url + "\nlock-timeout=120\n");
  }

  /** Writes {@code migrations/<id>_m.sql} with the given parents and sections. */
  Path sql(String id, String revises, String upgrade, String downgrade) throws IOException {
    return sql(id, revises, upgrade, downgrade, "");
  }

  Path sql(String id, String revises, String upgrade, String downgrade, String extraHeader)
      throws IOException {
    String text =
        "-- retort:revision "
            + id
            + "\n"
            + (revises.isEmpty() ? "" : "-- retort:revises " + revises + "\n")
            + "-- retort:message migration "
            + id
            + "\n"
            + extraHeader
            + "-- retort:upgrade\n"
            + upgrade
            + "\n"
            + "-- retort:downgrade\n"
            + downgrade
            + "\n";
    Path file = dir.resolve("migrations").resolve(id + "_m.sql");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  Cli.Result run(String... args) {
    return Cli.run(dir, args);
  }
}
