package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No output of any command, in any error path, holds a password given in a URL, the environment or
 * {@code .env}: Retort's own messages, the drivers' messages it passes on, and stack traces with
 * {@code --debug}.
 */
class SecretsIT {
  private static final String SECRET = "SECRETPW9x";

  @TempDir Path dir;

  /** URLs in every form a user may give, each wrong in its own way. */
  private static List<String> urls() {
    return List.of(
        "jdbc:postgresql://u:" + SECRET + "@127.0.0.1:5432/test",
        "jdbc:mariadb://u:" + SECRET + "@127.0.0.1/test",
        "jdbc:postgresql://127.0.0.1:1/test?user=nobody&password=" + SECRET,
        "jdbc:nosuchdb://127.0.0.1/test?password=" + SECRET,
        "u:" + SECRET + "@127.0.0.1/test",
        "postgresql://u:" + SECRET + "@127.0.0.1:1/test",
        "postgresql://u:" + SECRET + "%zz@127.0.0.1/test",
        "jdbc:sqlite:/nonexistent/dir/" + SECRET + ".db?password=" + SECRET);
  }

  private static final List<List<String>> COMMANDS =
      List.of(
          List.of("current"),
          List.of("upgrade", "head"),
          List.of("history", "-i"),
          List.of("downgrade", "base"),
          List.of("upgrade", "--sql", "head"),
          List.of("stamp", "head"));

  private Project project() throws Exception {
    Project p = new Project(dir.resolve("p"), "jdbc:sqlite:unused.db");
    p.sql("a1", "", "CREATE TABLE t (id integer);", "DROP TABLE t;");
    return p;
  }

  @Test
  void noCommandPrintsAPasswordGivenInTheUrlOption() throws Exception {
    Project p = project();
    List<String> leaks = new ArrayList<>();
    for (String url : urls()) {
      for (List<String> command : COMMANDS) {
        for (boolean debug : List.of(false, true)) {
          List<String> args = new ArrayList<>(List.of("--url", url));
          if (debug) {
            args.add("--debug");
          }
          args.addAll(command);
          Cli.Result r = p.run(args.toArray(String[]::new));
          check(leaks, String.join(" ", args), r);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void noCommandPrintsAPasswordFromTheEnvironmentOrDotEnv() throws Exception {
    Project p = project();
    List<String> leaks = new ArrayList<>();
    for (String url : urls()) {
      for (List<String> command : COMMANDS) {
        Cli.Result r = Cli.run(p.dir, Map.of("RETORT_URL", url), command.toArray(String[]::new));
        check(leaks, "RETORT_URL=" + url + " " + command, r);
      }
      Files.writeString(p.dir.resolve(".env"), "RETORT_URL=" + url + "\n");
      Cli.Result r = Cli.run(p.dir, Map.of(), "--debug", "upgrade", "head");
      check(leaks, ".env RETORT_URL=" + url, r);
      Files.delete(p.dir.resolve(".env"));
    }
    Files.writeString(
        p.dir.resolve(".env"),
        "RETORT_URL=jdbc:postgresql://127.0.0.1:1/test\nRETORT_USER=u\nRETORT_PASSWORD="
            + SECRET
            + "\n");
    check(leaks, ".env RETORT_PASSWORD", Cli.run(p.dir, Map.of(), "--debug", "upgrade", "head"));
    assertThat(leaks).isEmpty();
  }

  @Test
  void aMalformedPercentEscapeIsACleanUsageError() throws Exception {
    Project p = project();
    Cli.Result r = p.run("--url", "postgresql://u:pw%zz@127.0.0.1/test", "current");
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("%25").doesNotContain("looks like a bug").doesNotContain("pw%zz");
  }

  private static void check(List<String> leaks, String what, Cli.Result r) {
    if (r.out().contains(SECRET) || r.err().contains(SECRET)) {
      leaks.add(what + ":\n" + r);
    }
    if (r.err().contains("looks like a bug")) {
      leaks.add(what + ": an unexpected exception\n" + r);
    }
  }
}
