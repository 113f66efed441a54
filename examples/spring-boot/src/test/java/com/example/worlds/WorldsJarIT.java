package com.example.worlds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar, run with {@code java -jar} as in production: the migrations are compiled
 * classes and the entities classes inside a jar inside the jar (Spring Boot's nested jars), and
 * start-up must read both from there. SQLite in a directory of its own.
 */
class WorldsJarIT {
  private static final Path JAR = Path.of("target/worlds-spring-boot.jar").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void theJarMigratesChecksItsEntitiesAndStarts() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("worlds.db");
    Process app = start("--spring.datasource.url=" + url);
    try {
      List<String> lines = readUntil(app, "Started WorldsApplication");
      String log = String.join("\n", lines);
      assertThat(log)
          .contains("Running upgrade -> 6736bbfd3b2d, initial schema")
          .contains("Retort: 2 steps; the database is at 0654ca852072")
          .contains("Retort: the database matches jpa:com.example.worlds");
      try (Connection c = DriverManager.getConnection(url);
          ResultSet rs =
              c.createStatement().executeQuery("SELECT version_num FROM retort_version")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("0654ca852072");
      }
    } finally {
      app.destroy();
      app.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aMissingMigrationsLocationStopsTheJarWithOneMessage() throws Exception {
    Process app =
        start(
            "--spring.datasource.url=jdbc:sqlite:" + dir.resolve("worlds.db"),
            "--retort.migrations=classpath:db/nowhere");
    List<String> lines = readUntil(app, null);
    assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(app.exitValue()).isEqualTo(1);
    String log = String.join("\n", lines);
    assertThat(log)
        .contains("APPLICATION FAILED TO START")
        .contains(
            "Retort could not prepare "
                + "the database: migrations location classpath:db/nowhere is not on the class path");
    assertThat(dir.resolve("worlds.db"))
        .satisfiesAnyOf(f -> assertThat(f).doesNotExist(), f -> assertThat(Files.size(f)).isZero());
  }

  private Process start(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "--server.port=0"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
  }

  /** The output up to the line containing {@code marker}, or to the end when it is null. */
  private static List<String> readUntil(Process app, String marker) throws IOException {
    List<String> lines = new ArrayList<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      lines.add(line);
      if (marker != null && line.contains(marker)) {
        return lines;
      }
    }
    assertThat(marker)
        .as("the app ended before printing it; its output:\n%s", String.join("\n", lines))
        .isNull();
    return lines;
  }
}
