package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random tests through the command line on SQLite.
 *
 * <ul>
 *   <li>Mutated migration files (header lines, markers, comments, line order) give exit 0 or 2,
 *       never a stack trace, and on exit 2 the database is exactly as before.
 *   <li>Names and messages holding control characters, quotes and comment marks come back as they
 *       were: messages from {@code revision} (or are refused with exit 2 and no file), table names
 *       through {@code revision --autogenerate}, {@code upgrade} and {@code downgrade}.
 * </ul>
 *
 * A run does {@code retort.fuzz.runs} mutations (default 120) from seed {@code retort.fuzz.seed}
 * (default: random, printed); the README gives the long run.
 */
class FuzzIT {
  private static final int RUNS = Integer.getInteger("retort.fuzz.runs", 120);
  private static final long SEED = Long.getLong("retort.fuzz.seed", new Random().nextLong());

  @TempDir Path dir;

  private static final String[] PIECES = {
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\u0000",
    "\u001b[31m",
    "\u2028",
    "\u202e",
    "*/",
    "/*",
    "--",
    ";",
    "'",
    "\"",
    "`",
    "$$",
    "\\",
    "\\u000a",
    "retort:",
    "RETORT:",
    "re tort:",
    ":",
    "é",
    "𝄞",
    " ",
    "DROP TABLE t1;",
    "-- retort:downgrade",
    "-- retort:upgrade",
    "-- retort:revises a1"
  };

  private static String randomText(Random random, int pieces) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      if (random.nextInt(3) == 0) {
        b.append(PIECES[random.nextInt(PIECES.length)]);
      } else {
        b.append((char) ('a' + random.nextInt(26)));
      }
    }
    return b.toString();
  }

  private static String migration(String id, String parent, int n) {
    return "-- retort:revision "
        + id
        + "\n"
        + (parent.isEmpty() ? "" : "-- retort:revises " + parent + "\n")
        + "-- retort:message make table "
        + n
        + "\n"
        + "-- a comment about table "
        + n
        + "\n"
        + "-- retort:upgrade\n"
        + "CREATE TABLE IF NOT EXISTS t"
        + n
        + " (id integer);\n"
        + "/* a block comment */\n"
        + "SELECT 1;\n"
        + "-- retort:downgrade\n"
        + "DROP TABLE IF EXISTS t"
        + n
        + ";\n";
  }

  /**
   * Mutations move, drop, copy and garble lines, but every SQL line stays one the database takes
   * anywhere (CREATE/DROP ... IF [NOT] EXISTS, SELECT 1), and text put into a comment holds no line
   * break: what may change is what Retort reads, never what the database is asked.
   */
  private static List<String> mutate(Random random, String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int i = random.nextInt(lines.size());
    switch (random.nextInt(8)) {
      case 0 -> lines.remove(i);
      case 1 -> lines.add(i, lines.get(random.nextInt(lines.size())));
      case 2 -> {
        int j = random.nextInt(lines.size());
        String l = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, l);
      }
      case 3 -> lines.set(i, nearMiss(random, lines.get(i)));
      case 4 -> lines.add(i, "-- " + oneLine(randomText(random, 1 + random.nextInt(6))));
      case 5 -> {
        String l = lines.get(i);
        if (l.startsWith("--")) {
          int at = 2 + random.nextInt(l.length() - 1);
          lines.set(
              i,
              l.substring(0, at)
                  + oneLine(randomText(random, 1 + random.nextInt(4)))
                  + l.substring(at));
        }
      }
      case 6 ->
          lines.add(
              i,
              "-- retort:" + oneLine(randomText(random, 3)) + " " + oneLine(randomText(random, 3)));
      default -> {
        while (lines.size() > i) {
          lines.remove(lines.size() - 1);
        }
      }
    }
    return lines;
  }

  private static String oneLine(String text) {
    return text.replace("\r", "").replace("\n", "");
  }

  /** A directive written as users get it wrong: case, spaces, dashes, block comments. */
  private static String nearMiss(Random random, String line) {
    if (!line.startsWith("-- retort:")) {
      return line;
    }
    String rest = line.substring("-- retort:".length());
    return switch (random.nextInt(6)) {
      case 0 -> "-- RETORT:" + rest;
      case 1 -> "-- retort :" + rest;
      case 2 -> "/* retort:" + rest + " */";
      case 3 -> "--- retort:" + rest;
      case 4 -> "-- re\ttort:" + rest;
      default -> "--retort:" + rest.toUpperCase(java.util.Locale.ROOT);
    };
  }

  @Test
  void mutatedMigrationsExitZeroOrTwoAndTwoChangesNothing() throws Exception {
    System.out.println(
        "FuzzIT seed " + SEED + ", " + RUNS + " runs (-Dretort.fuzz.seed=" + SEED + ")");
    Random random = new Random(SEED);
    Path project = dir.resolve("p");
    Path migrations = project.resolve("migrations");
    List<String> originals =
        List.of(migration("a1", "", 1), migration("a2", "a1", 2), migration("a3", "a2", 3));
    List<String> failures = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      Files.createDirectories(migrations);
      try (Stream<Path> old = Files.list(migrations)) {
        for (Path f : old.toList()) {
          Files.delete(f);
        }
      }
      Path db = dir.resolve("run" + run + ".db");
      Files.writeString(project.resolve("retort.properties"), "url=jdbc:sqlite:" + db + "\n");
      for (int k = 0; k < 3; k++) {
        Files.writeString(migrations.resolve("a" + (k + 1) + "_m.sql"), originals.get(k));
      }
      Cli.Result setup = Cli.run(project, "upgrade", "a1");
      assertThat(setup.exit()).as(setup.toString()).isZero();
      String before = dump(db);

      int victim = random.nextInt(3);
      String mutated = originals.get(victim);
      int rounds = 1 + random.nextInt(3);
      for (int r = 0; r < rounds; r++) {
        mutated = String.join("\n", mutate(random, mutated));
      }
      Files.writeString(
          migrations.resolve("a" + (victim + 1) + "_m.sql"), mutated, StandardCharsets.UTF_8);

      for (String[] args :
          List.of(
              new String[] {"upgrade", "head"},
              new String[] {"history"},
              new String[] {"downgrade", "base"})) {
        Cli.Result r = Cli.run(project, args);
        String what =
            "run "
                + run
                + " (seed "
                + SEED
                + "), retort "
                + String.join(" ", args)
                + ", file a"
                + (victim + 1)
                + ":\n"
                + mutated
                + "\n"
                + r;
        if (r.exit() != 0 && r.exit() != 2) {
          failures.add("exit " + r.exit() + ": " + what);
        }
        if (r.err().contains("\tat ") || r.err().contains("looks like a bug")) {
          failures.add("a stack trace: " + what);
        }
        if (r.exit() == 2 && !dump(db).equals(before)) {
          failures.add("exit 2 changed the database: " + what);
        }
        if (r.exit() == 2) {
          break;
        }
        before = dump(db);
      }
      if (failures.size() > 5) {
        break;
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void messagesComeBackAsGivenOrAreRefusedWithNothingWritten() throws Exception {
    Random random = new Random(SEED);
    Path project = dir.resolve("m");
    Files.createDirectories(project.resolve("migrations"));
    Files.writeString(project.resolve("retort.properties"), "url=jdbc:sqlite:m.db\n");
    Retort retort = Retort.configure().projectDir(project).load();
    for (int run = 0; run < RUNS; run++) {
      String message = randomText(random, 1 + random.nextInt(10)).strip();
      String id = "m" + run;
      String format = random.nextBoolean() ? "sql" : "java";
      Cli.Result r =
          Cli.run(
              project,
              "revision",
              "--format",
              format,
              "--head",
              "base",
              "--rev-id",
              id,
              "--message=" + message);
      boolean control =
          message
              .chars()
              .anyMatch(
                  c ->
                      Character.isISOControl(c)
                          || Character.getType(c) == Character.FORMAT
                          || Character.getType(c) == Character.LINE_SEPARATOR);
      // refused (control characters, or what the option parser takes for an option): nothing
      // written
      assertThat(r.exit()).as(message + "\n" + r).isIn(0, 2);
      if (r.exit() == 2) {
        assertThat(control || message.isEmpty() || message.startsWith("-"))
            .as("a plain message was refused: " + message + "\n" + r)
            .isTrue();
        try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
          assertThat(files.map(f -> f.getFileName().toString()))
              .noneMatch(n -> n.startsWith(id + "_"));
        }
        continue;
      }
      assertThat(control).as("a message with a control character was taken: " + message).isFalse();
      assertThat(Retort.configure().projectDir(project).load().show(id).message())
          .isEqualTo(message);
    }
    assertThat(retort.heads()).isNotEmpty();
  }

  @Test
  void tableNamesComeBackAsGivenThroughAutogenerate() throws Exception {
    Random random = new Random(SEED);
    int rounds = Math.max(1, RUNS / 60);
    for (int round = 0; round < rounds; round++) {
      for (String format : List.of("sql", "java")) {
        Path project = dir.resolve("n" + round + format);
        Files.createDirectories(project.resolve("migrations"));
        Path db = project.resolve("n.db");
        Files.writeString(
            project.resolve("retort.properties"),
            "url=jdbc:sqlite:" + db + "\nschema=schema.sql\n");
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < 8) {
          String name = randomText(random, 1 + random.nextInt(8)).replace("\u0000", "");
          if (!name.isBlank()
              && !name.toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_")
              && names.stream().noneMatch(n -> n.equalsIgnoreCase(name))) {
            names.add(name);
          }
        }
        StringBuilder schema = new StringBuilder();
        for (String n : names) {
          schema
              .append("CREATE TABLE \"")
              .append(n.replace("\"", "\"\""))
              .append("\" (id integer);\n");
        }
        Files.writeString(project.resolve("schema.sql"), schema.toString(), StandardCharsets.UTF_8);
        String what = "seed " + SEED + ", format " + format + ", names " + names;

        Cli.Result r =
            Cli.run(project, "revision", "--autogenerate", "--format", format, "-m", "names");
        assertThat(r.exit()).as(what + "\n" + r).isZero();
        r = Cli.run(project, "upgrade", "head");
        assertThat(r.exit()).as(what + "\n" + r).isZero();
        assertThat(tables(db)).as(what).containsExactlyInAnyOrderElementsOf(names);
        r = Cli.run(project, "check");
        assertThat(r.exit()).as(what + "\n" + r).isZero();
        r = Cli.run(project, "downgrade", "base");
        assertThat(r.exit()).as(what + "\n" + r).isZero();
        assertThat(tables(db)).as(what).isEmpty();
      }
    }
  }

  private static List<String> tables(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      return Databases.query(
          c,
          "SELECT name FROM sqlite_master WHERE type = 'table'"
              + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'retort\\_%' ESCAPE '\\'");
    }
  }

  /** Everything a run could change: the schema and Retort's two tables. */
  private static String dump(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      List<String> rows =
          new ArrayList<>(
              Databases.query(c, "SELECT type, name, sql FROM sqlite_master ORDER BY name"));
      rows.addAll(Databases.query(c, "SELECT * FROM retort_version"));
      rows.addAll(
          Databases.query(
              c,
              "SELECT id, revision, direction, success, failed_statement"
                  + " FROM retort_history"));
      return String.join("\n", rows);
    }
  }
}
