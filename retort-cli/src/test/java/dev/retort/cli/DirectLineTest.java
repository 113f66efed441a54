package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * The command lines {@link DirectLine} runs without picocli are read exactly as picocli reads them
 * (with every subcommand registered, as help and errors see them), and whatever picocli would
 * refuse, or answer with help, is left to picocli.
 */
class DirectLineTest {
  @Test
  void theCommonLinesSkipPicocliAndReadTheSame() {
    String[][] lines = {
      {"upgrade"},
      {"upgrade", "head"},
      {"upgrade", "heads"},
      {"-C", "some dir", "--url", "jdbc:postgresql://h/db?user=u", "upgrade", "head"},
      {"--config", "other.properties", "--debug", "upgrade", "--allow-changed", "+1"},
      {"upgrade", "--sql", "base:head"},
      {"upgrade", "--json"},
      {"upgrade", "--format", "json", "a1b2"},
      {"upgrade", "--format", "yaml"},
      {"downgrade", "base"},
      {"downgrade", "--sql", "head:base"},
      {"current"},
      {"current", "-v", "--json"},
      {"--url", "sqlite:///x.db", "current", "--verbose"},
      {"heads"},
      {"heads", "-v", "--format", "text"},
    };
    for (String[] line : lines) {
      assertThat(DirectLine.bind(line, new RetortCommand(Map.of())))
          .as(String.join(" ", line))
          .isNotNull();
      assertSameAsPicocli(line);
    }
  }

  @Test
  void whatPicocliAnswersOrRefusesIsLeftToIt() {
    String[][] lines = {
      {},
      {"--help"},
      {"-h"},
      {"-V"},
      {"--version"},
      {"upgrade", "--help"},
      {"upgrade", "-h"},
      {"upgrade", "-V"},
      {"upgarde"},
      {"history"},
      {"revision", "-m", "x"},
      {"upgrade", "--bogus"},
      {"upgrade", "a", "b"},
      {"upgrade", "--sql", "--sql"},
      {"current", "-v", "--verbose"},
      {"--url"},
      {"--url", "x", "--url", "y", "upgrade"},
      {"--url=x", "upgrade"},
      {"-Cdir", "upgrade"},
      {"-C", "upgrade", "upgrade"},
      {"--url", "--debug", "upgrade"},
      {"upgrade", "--url", "x"},
      {"upgrade", "--debug"},
      {"upgrade", "--", "head"},
      {"upgrade", "@args"},
      {"@args"},
      {"upgrade", ""},
      {"upgrade", "-1"},
      {"downgrade"},
      {"downgrade", "-1"},
      {"current", "head"},
      {"heads", "--format"},
      {"-C", "a\0b", "upgrade"},
    };
    for (String[] line : lines) {
      assertThat(DirectLine.bind(line, new RetortCommand(Map.of())))
          .as(String.join(" ", line))
          .isNull();
    }
  }

  /** Random lines from the words these commands use: whatever is taken is read as picocli does. */
  @Test
  void randomLinesAreTakenOnlyAsPicocliReadsThem() {
    String[] words = {
      "upgrade",
      "downgrade",
      "current",
      "heads",
      "history",
      "help",
      "head",
      "heads",
      "base",
      "-1",
      "+1",
      "a:b",
      "x y",
      "-C",
      "dir",
      "--url",
      "jdbc:sqlite:x.db",
      "--config",
      "c.props",
      "--debug",
      "--sql",
      "--allow-changed",
      "--json",
      "--format",
      "json",
      "text",
      "-v",
      "--verbose",
      "--",
      "@nofile",
      "",
      "--url=x",
      "-Cdir",
      "-h",
      "--help",
      "-V",
      "=",
      "-",
      "--x"
    };
    String[] commands = {"upgrade", "downgrade", "current", "heads"};
    Random random = new Random(20261206);
    int taken = 0;
    for (int n = 0; n < 4000; n++) {
      List<String> line = new ArrayList<>();
      if (random.nextBoolean()) {
        if (random.nextBoolean()) {
          line.addAll(List.of("-C", "d"));
        }
        line.add(commands[random.nextInt(commands.length)]);
      }
      for (int k = random.nextInt(5); k > 0; k--) {
        line.add(words[random.nextInt(words.length)]);
      }
      String[] args = line.toArray(String[]::new);
      if (DirectLine.bind(args, new RetortCommand(Map.of())) != null) {
        taken++;
        assertSameAsPicocli(args);
      }
    }
    assertThat(taken).as("lines taken without picocli").isGreaterThan(300);
  }

  private static void assertSameAsPicocli(String[] args) {
    String line = String.join(" ", args);
    RetortCommand direct = new RetortCommand(Map.of());
    Callable<Integer> command = DirectLine.bind(args, direct);
    assertThat(command).as(line).isNotNull();

    RetortCommand top = new RetortCommand(Map.of());
    CommandLine cl = new CommandLine(top);
    for (Map.Entry<String, Class<?>> sub : RetortCommand.SUBCOMMANDS) {
      cl.addSubcommand(sub.getKey(), sub.getValue());
    }
    ParseResult parsed;
    try {
      parsed = cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError("taken without picocli, refused by picocli: " + line, e);
    }
    assertThat(parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()).isFalse();
    assertThat(parsed.hasSubcommand()).as(line).isTrue();
    ParseResult sub = parsed.subcommand();
    assertThat(sub.isUsageHelpRequested() || sub.isVersionHelpRequested()).isFalse();
    Object picocliCommand = sub.commandSpec().userObject();
    assertThat(command.getClass()).as(line).isEqualTo(picocliCommand.getClass());
    assertThat(values(direct)).as(line).isEqualTo(values(top));
    assertThat(values(command)).as(line).isEqualTo(values(picocliCommand));
    assertThat(field(command, "top")).as(line).isSameAs(direct);
  }

  /** The values of an object's options, parameters and mixins, by field name. */
  private static Map<String, Object> values(Object o) {
    Map<String, Object> values = new TreeMap<>();
    for (Field f : o.getClass().getDeclaredFields()) {
      if (f.isAnnotationPresent(Option.class) || f.isAnnotationPresent(Parameters.class)) {
        values.put(f.getName(), String.valueOf(field(o, f.getName())));
      } else if (f.isAnnotationPresent(Mixin.class)) {
        values.put(f.getName(), values(field(o, f.getName())));
      }
    }
    return values;
  }

  private static Object field(Object o, String name) {
    try {
      Field f = o.getClass().getDeclaredField(name);
      f.setAccessible(true);
      return f.get(o);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
