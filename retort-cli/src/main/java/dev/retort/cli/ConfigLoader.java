package dev.retort.cli;

import dev.retort.error.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads settings from {@code retort.properties}, then a {@code .env} file, then {@code RETORT_*}
 * environment variables, each overriding the one before (a real environment variable beats the
 * .env file, as in every dotenv loader); command-line options override all of them.
 */
final class ConfigLoader {
  static final List<String> KEYS = List.of("url", "user", "password", "migrations", "schema",
      "version-table", "history-table", "lock-timeout", "dialects");

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> sources = new HashMap<>();

  static ConfigLoader load(Path projectDir, Optional<Path> configFile, Map<String, String> env) {
    ConfigLoader c = new ConfigLoader();
    Path props = configFile.map(projectDir::resolve).orElse(projectDir.resolve("retort.properties"));
    if (Files.isRegularFile(props)) {
      c.readProperties(props);
    } else if (configFile.isPresent()) {
      throw new UsageException("configuration file " + props + " does not exist");
    }
    Path dotenv = projectDir.resolve(".env");
    if (Files.isRegularFile(dotenv)) {
      c.readEnv(parseDotenv(dotenv), dotenv.toString());
    }
    c.readEnv(env, "the environment");
    return c;
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  private void readProperties(Path file) {
    Properties p = new Properties();
    try (Reader r = new StringReader(readUtf8(file))) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    for (String key : p.stringPropertyNames()) {
      if (!KEYS.contains(key)) {
        throw new UsageException(file + ": unknown key '" + key + "'; known keys: "
            + String.join(", ", KEYS));
      }
      put(key, p.getProperty(key).strip(), file.toString());
    }
  }

  private void readEnv(Map<String, String> env, String source) {
    for (String key : KEYS) {
      String name = envName(key);
      if (env.containsKey(name)) {
        put(key, env.get(name), source);
      }
    }
  }

  private void put(String key, String value, String source) {
    values.put(key, value);
    sources.put(key, source);
  }

  /** The file's text; a file that is not UTF-8 is refused with the line of the first bad byte. */
  static String readUtf8(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int line = 1;
      int bad = firstInvalid(bytes);
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new UsageException(file + ":" + line + ": not valid UTF-8 (byte 0x"
          + String.format("%02x", bytes[bad] & 0xff) + "); save the file as UTF-8");
    }
  }

  /** The offset of the first byte that does not decode as UTF-8. */
  private static int firstInvalid(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return Math.min(in.position(), bytes.length - 1);
  }

  static String envName(String key) {
    return "RETORT_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  /** KEY=value lines; '#' comments, optional 'export ', quotes around the value stripped. */
  static Map<String, String> parseDotenv(Path file) {
    Map<String, String> out = new HashMap<>();
    List<String> lines = readUtf8(file).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new UsageException(file + ":" + (i + 1) + ": expected KEY=value");
      }
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
          || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      } else {
        int hash = value.indexOf(" #");
        if (hash >= 0) {
          value = value.substring(0, hash).strip();
        }
      }
      out.put(line.substring(0, eq).strip(), value);
    }
    return out;
  }
}
