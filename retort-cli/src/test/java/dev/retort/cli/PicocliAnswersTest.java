package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Help, usage errors and suggestions, byte for byte as the command line printed them before the
 * common commands stopped going through picocli ({@link DirectLine}): each file under {@code
 * picocli/} holds a command line, its exit code, and what it printed, as written by the build
 * before that change.
 */
class PicocliAnswersTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "help",
        "h",
        "no-args",
        "upgrade-help",
        "downgrade-help",
        "current-help",
        "heads-help",
        "help-upgrade",
        "unknown-command",
        "unknown-option",
        "unknown-global-option",
        "missing-parameter",
        "missing-target",
        "missing-format",
        "unmatched-argument",
        "repeated-flag",
        "repeated-option"
      })
  void unchanged(String name) throws IOException {
    String expected;
    try (InputStream in = getClass().getResourceAsStream("picocli/" + name + ".txt")) {
      assertThat(in).as(name).isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String argsLine = expected.substring("args: ".length(), expected.indexOf('\n'));
    String[] args = argsLine.isEmpty() ? new String[0] : argsLine.split(" ");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
    assertThat(
            "args: "
                + String.join(" ", args)
                + "\nexit: "
                + exit
                + "\n--- stdout\n"
                + out
                + "--- stderr\n"
                + err)
        .isEqualTo(expected);
  }
}
