package dev.retort;

import dev.retort.error.UsageException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A project's settings as the command line and the library read them alike: {@code
 * retort.properties} (or the file given), then a {@code .env} file beside it, then {@code RETORT_*}
 * environment variables, each overriding the one before (a real environment variable beats the .env
 * file, as in every dotenv loader). With no Retort URL anywhere, {@code DATABASE_URL} (the
 * environment's, else the .env file's) is the database, as in Flask, Rails and most hosting
 * platforms.
 */
final class ProjectSettings {
  /** The settings a project may hold; {@code jpa-property.<key>} passes any key through. */
  static final List<String> KEYS =
      List.of(
          "url",
          "user",
          "password",
          "migrations",
          "schema",
          "version-table",
          "history-table",
          "lock-timeout",
          "dialects",
          "schema-classpath",
          "jpa-naming");

  /** Settings whose key is a prefix and a free name. */
  static final List<String> PREFIXES = List.of("jpa-property.");

  /** RETORT_* variables that are not settings: the launcher's and the test suite's own. */
  private static final Set<String> NOT_SETTINGS =
      Set.of("RETORT_NO_CDS", "RETORT_TEST_PG_URL", "RETORT_TEST_MYSQL_URL");

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private ProjectSettings() {}

  /**
   * Reads the project's settings.
   *
   * @param configFile the properties file, relative to {@code projectDir}; empty for {@code
   *     retort.properties}, which may then be missing
   * @param env the environment
   */
  static ProjectSettings load(Path projectDir, Optional<Path> configFile, Map<String, String> env) {
    ProjectSettings s = new ProjectSettings();
    Path props =
        configFile.map(projectDir::resolve).orElse(projectDir.resolve("retort.properties"));
    if (Files.isRegularFile(props)) {
      s.readProperties(props);
    } else if (configFile.isPresent()) {
      throw new UsageException("configuration file " + props + " does not exist");
    }
    Path dotenvFile = projectDir.resolve(".env");
    Map<String, String> dotenv =
        Files.isRegularFile(dotenvFile) ? parseDotenv(dotenvFile) : Map.of();
    s.readEnv(dotenv, ".env");
    s.readEnv(env, "the environment");
    if (!s.values.containsKey("url")) {
      if (env.containsKey("DATABASE_URL")) {
        s.put("url", env.get("DATABASE_URL"), "DATABASE_URL in the environment");
      } else if (dotenv.containsKey("DATABASE_URL")) {
        s.put("url", dotenv.get("DATABASE_URL"), "DATABASE_URL in .env");
      }
    }
    return s;
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  /** Where {@code key}'s value came from: a file, {@code RETORT_URL in .env}, ... */
  Optional<String> source(String key) {
    return Optional.ofNullable(sources.get(key));
  }

  /** Every setting read, in the order first set. */
  Map<String, String> all() {
    return values;
  }

  /** What was read but is no setting (a misspelt key, say): worth a warning, not a failure. */
  List<String> warnings() {
    return warnings;
  }

  static boolean isKey(String key) {
    return KEYS.contains(key)
        || PREFIXES.stream().anyMatch(p -> key.startsWith(p) && key.length() > p.length());
  }

  private void readProperties(Path file) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(readUtf8(file)));
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
      if (!isKey(key)) {
        warnings.add(
            file
                + ": unknown key '"
                + key
                + "' is ignored; known keys: "
                + String.join(", ", KEYS)
                + ", jpa-property.<key>"
                + hint(key));
        continue;
      }
      put(key, p.getProperty(key).strip(), file.getFileName().toString());
    }
  }

  private void readEnv(Map<String, String> env, String source) {
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith("RETORT_") || NOT_SETTINGS.contains(name)) {
        continue;
      }
      String key = keyOf(name);
      if (key == null) {
        warnings.add(
            name
                + " in "
                + source
                + " is no Retort setting and is ignored; settings are "
                + "RETORT_ and the key in upper case, '-' and '.' as '_' (RETORT_URL, RETORT_LOCK_TIMEOUT);"
                + " jpa-property.<key> is read from the properties file only");
        continue;
      }
      put(key, e.getValue(), name + " in " + source);
    }
  }

  /** The setting a {@code RETORT_*} variable names, or null. */
  private static String keyOf(String name) {
    for (String key : KEYS) {
      if (envName(key).equals(name)) {
        return key;
      }
    }
    return null;
  }

  private static String hint(String key) {
    String lower = key.toLowerCase(Locale.ROOT).replace('_', '-');
    for (String k : KEYS) {
      if (k.equals(lower) || dev.retort.text.Spelling.distance(k, lower) <= 2) {
        return " (did you mean '" + k + "'?)";
      }
    }
    return "";
  }

  private void put(String key, String value, String source) {
    values.put(key, value);
    sources.put(key, source);
  }

  /** {@code RETORT_} and the key in upper case, {@code -} and {@code .} as {@code _}. */
  static String envName(String key) {
    return "RETORT_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  /**
   * {@code KEY=value} lines: {@code #} comments, an optional {@code export }, a value in single or
   * double quotes (then a {@code # comment} may follow the closing quote), or a bare value, where
   * {@code " #"} starts a comment.
   */
  static Map<String, String> parseDotenv(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
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
      out.put(line.substring(0, eq).strip(), value(file, i + 1, line.substring(eq + 1).strip()));
    }
    return out;
  }

  private static String value(Path file, int line, String raw) {
    if (raw.startsWith("\"") || raw.startsWith("'")) {
      char quote = raw.charAt(0);
      int close = raw.indexOf(quote, 1);
      if (close < 0) {
        throw new UsageException(file + ":" + line + ": the value's " + quote + " is not closed");
      }
      String rest = raw.substring(close + 1).strip();
      if (!rest.isEmpty() && !rest.startsWith("#")) {
        throw new UsageException(
            file + ":" + line + ": text after the quoted value; put a comment" + " after ' #'");
      }
      return raw.substring(1, close);
    }
    int hash = raw.indexOf(" #");
    return (hash >= 0 ? raw.substring(0, hash) : raw).strip();
  }

  /** The file's text; a file that is not UTF-8 is refused with the line of the first bad byte. */
  static String readUtf8(Path file) {
    return dev.retort.text.Utf8Files.read(file);
  }
}
