package dev.retort;

import static java.util.Objects.requireNonNull;

import dev.retort.error.Secrets;
import dev.retort.error.UsageException;
import dev.retort.schema.QualifiedName;
import dev.retort.source.SchemaSource;
import dev.retort.text.Inert;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Everything a {@link Retort} needs, as one value. Build it with {@link Retort#configure()}.
 *
 * @param projectDir the directory relative paths are resolved against
 * @param url the JDBC URL ({@code jdbc:postgresql://...}, {@code jdbc:sqlite:app.db}); empty for
 *     commands that need no database
 * @param user the database user, if not in the URL
 * @param password the database password, if not in the URL; never printed
 * @param migrations the migrations directory
 * @param versionTable the version table, optionally schema-qualified
 * @param historyTable the history table, optionally schema-qualified
 * @param lockTimeout how long a run waits for another one to finish
 * @param allowChanged run even when an applied migration file has changed
 * @param progress receives a line as each migration starts
 * @param schema the desired schema for autogenerate, {@code check} and {@code diff}: a Java schema
 *     definition ({@code .java}), a {@code .sql} file of CREATE statements, or JPA entities ({@code
 *     jpa:com.example.model}, read with the {@code schema-classpath}, {@code jpa-naming} and {@code
 *     jpa-property.*} settings)
 * @param urlSource where the URL came from ({@code retort.properties}, {@code RETORT_URL in .env},
 *     {@code DATABASE_URL in the environment}, {@code the builder}); empty without a URL
 * @param settings every project setting by its key, as read and as set on the builder, for the
 *     settings of other modules ({@code dialects}, {@code jpa-naming}, {@code jpa-property.*})
 * @param warnings what reading the settings found worth saying: unknown keys, which are ignored
 * @param dataSource where connections come from instead of the URL, for an application that has a
 *     pool already (a framework's {@code DataSource}); Retort closes each connection it takes when
 *     done with it. When present, {@link #url()} is empty: the database is the data source's
 */
public record RetortConfig(
    Path projectDir,
    Optional<String> url,
    Optional<String> user,
    Optional<String> password,
    Path migrations,
    String versionTable,
    String historyTable,
    Duration lockTimeout,
    boolean allowChanged,
    Consumer<String> progress,
    Optional<SchemaSource> schema,
    Optional<String> urlSource,
    Map<String, String> settings,
    List<String> warnings,
    Optional<DataSource> dataSource) {

  public RetortConfig {
    requireNonNull(projectDir, "projectDir");
    requireNonNull(url, "url");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    requireNonNull(migrations, "migrations");
    requireNonNull(versionTable, "versionTable");
    requireNonNull(historyTable, "historyTable");
    requireNonNull(lockTimeout, "lockTimeout");
    requireNonNull(progress, "progress");
    requireNonNull(schema, "schema");
    requireNonNull(urlSource, "urlSource");
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    warnings = List.copyOf(warnings);
    requireNonNull(dataSource, "dataSource");
  }

  /**
   * Where the migrations are on the class path, when the {@code migrations} setting names a class
   * path location: {@code db/retort} for {@code classpath:db/retort}. Empty for a directory, which
   * {@link #migrations()} then is.
   */
  public Optional<String> migrationsOnClasspath() {
    return setting("migrations").flatMap(Builder::classpathLocation);
  }

  /** A setting by its key ({@code dialects}, {@code jpa-naming}...), when set and not blank. */
  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
  }

  /** The passwords this configuration holds, to keep out of every message. */
  public Secrets secrets() {
    List<String> urls = new ArrayList<>(Arrays.asList(url.orElse(null), settings.get("url")));
    return Secrets.of(urls, Arrays.asList(password.orElse(null), settings.get("password")));
  }

  @Override
  public String toString() {
    // a record's default toString would print the password
    return "RetortConfig[projectDir="
        + projectDir
        + ", url="
        + url.map(u -> secrets().scrub(u)).orElse(dataSource.isPresent() ? "(a data source)" : "")
        + ", migrations="
        + migrations
        + ", versionTable="
        + versionTable
        + "]";
  }

  /**
   * Builds a {@link RetortConfig}; every setting has a default but the URL. Given a project
   * directory, the builder reads the project's settings as the command line does ({@code
   * retort.properties}, {@code .env}, {@code RETORT_*} and {@code DATABASE_URL} in the
   * environment); what is set on the builder overrides them.
   *
   * <pre>{@code
   * Retort retort = Retort.configure().projectDir(Path.of("/srv/app")).load();
   * }</pre>
   */
  public static final class Builder {
    private Path projectDir = Path.of("").toAbsolutePath();
    private boolean readProject;
    private Optional<Path> configFile = Optional.empty();
    private Map<String, String> environment = System.getenv();
    private final Map<String, String> set = new LinkedHashMap<>();
    private Duration lockTimeout;
    private boolean allowChanged;
    private Consumer<String> progress = line -> {};
    private ClassLoader classLoader;
    private DataSource dataSource;

    Builder() {}

    /**
     * The project directory (default: the working directory). Setting it reads the project's
     * settings from it and the environment.
     */
    public Builder projectDir(Path dir) {
      projectDir = dir.toAbsolutePath().normalize();
      readProject = true;
      return this;
    }

    /** The settings file, relative to the project directory (default {@code retort.properties}). */
    public Builder configFile(Path file) {
      configFile = Optional.ofNullable(file);
      readProject = true;
      return this;
    }

    /** The environment the project's settings are read from (default: the process's). */
    public Builder environment(Map<String, String> env) {
      environment = Map.copyOf(env);
      return this;
    }

    /** Any setting by its key, as in {@code retort.properties}. */
    public Builder setting(String key, String value) {
      set.put(key, value);
      return this;
    }

    /**
     * The desired schema: a Java definition or a {@code .sql} file relative to the project
     * directory, or {@code jpa:} and the entities' packages or classes.
     */
    public Builder schema(String file) {
      return setting("schema", file);
    }

    /**
     * The database: a JDBC URL, or {@code postgresql://user:pass@host/db}, or {@code
     * sqlite:///file}.
     */
    public Builder url(String jdbcUrl) {
      return setting("url", jdbcUrl);
    }

    /**
     * The database as a {@link DataSource}: a framework's connection pool, say. Retort takes one
     * connection for each operation and closes it when done (which returns it to a pool); the
     * dialect is found from the connection's URL. The data source replaces the {@code url}, {@code
     * user} and {@code password} settings, which are then not used.
     *
     * <pre>{@code
     * Retort.configure().dataSource(pool).migrations("classpath:db/retort").load().upgrade("heads");
     * }</pre>
     */
    public Builder dataSource(DataSource source) {
      dataSource = source;
      return this;
    }

    public Builder user(String databaseUser) {
      return setting("user", databaseUser);
    }

    public Builder password(String databasePassword) {
      return setting("password", databasePassword);
    }

    /** The migrations directory, relative to the project directory (default {@code migrations}). */
    public Builder migrations(String dir) {
      return setting("migrations", dir);
    }

    public Builder versionTable(String table) {
      return setting("version-table", table);
    }

    public Builder historyTable(String table) {
      return setting("history-table", table);
    }

    public Builder lockTimeout(Duration timeout) {
      lockTimeout = timeout;
      return this;
    }

    public Builder allowChanged(boolean allow) {
      allowChanged = allow;
      return this;
    }

    /** Receives a line as each migration starts (default: nothing). */
    public Builder progress(Consumer<String> listener) {
      progress = listener;
      return this;
    }

    /**
     * The class loader that {@code migrations=classpath:...} reads from (default: the thread's
     * context class loader when {@link #load()} runs, else Retort's own). A framework gives its
     * application class loader here.
     */
    public Builder classLoader(ClassLoader loader) {
      classLoader = loader;
      return this;
    }

    /**
     * The finished configuration.
     *
     * @throws UsageException for settings that cannot be read, a URL that cannot be read, a table
     *     name that is not {@code name} or {@code schema.name}, the same table for versions and
     *     history, a lock timeout that is not 0 or more seconds; the message never holds the
     *     password
     */
    public RetortConfig build() {
      Secrets secrets =
          Secrets.of(
              Arrays.asList(
                  set.get("url"), environment.get("RETORT_URL"), environment.get("DATABASE_URL")),
              Arrays.asList(set.get("password"), environment.get("RETORT_PASSWORD")));
      try {
        return buildChecked();
      } catch (RuntimeException e) {
        throw secrets.scrub(e);
      }
    }

    private RetortConfig buildChecked() {
      Map<String, String> all = new LinkedHashMap<>();
      Map<String, String> sources = new LinkedHashMap<>();
      List<String> warnings = new ArrayList<>();
      if (readProject) {
        ProjectSettings project = ProjectSettings.load(projectDir, configFile, environment);
        all.putAll(project.all());
        project.all().keySet().forEach(k -> sources.put(k, project.source(k).orElse("")));
        warnings.addAll(project.warnings());
      }
      set.forEach(
          (k, v) -> {
            if (v != null) {
              all.put(k, v);
              sources.put(k, "the builder");
            }
          });
      String versionTable = value(all, "version-table").orElse("retort_version");
      String historyTable = value(all, "history-table").orElse("retort_history");
      checkTable("version-table", versionTable);
      checkTable("history-table", historyTable);
      if (QualifiedName.parse(versionTable).equals(QualifiedName.parse(historyTable))) {
        throw new UsageException(
            "version-table and history-table are both '"
                + versionTable
                + "'; they must be two different tables");
      }
      Duration timeout =
          lockTimeout != null
              ? lockTimeout
              : value(all, "lock-timeout")
                  .map(t -> seconds(t, sources.get("lock-timeout")))
                  .orElse(Duration.ofMinutes(5));
      if (timeout.isNegative()) {
        throw new UsageException(
            "lock-timeout must be 0 or more seconds, not " + timeout.toSeconds());
      }
      value(all, "migrations").ifPresent(Builder::classpathLocation); // refuses a malformed one now
      value(all, "jpa-naming")
          .ifPresent(
              n -> {
                if (!n.equals("hibernate") && !n.equals("spring")) {
                  throw new UsageException(
                      "jpa-naming"
                          + (sources.containsKey("jpa-naming")
                              ? " (" + sources.get("jpa-naming") + ")"
                              : "")
                          + " is '"
                          + Inert.text(n)
                          + "'; use hibernate (Hibernate's own naming) or spring (Spring Boot's)");
                }
              });
      // a data source is the database: a URL found in the environment must not compete with it
      Optional<String> url = dataSource != null ? Optional.empty() : value(all, "url");
      Optional<JdbcUrls.Parsed> parsed = url.map(u -> JdbcUrls.toJdbc(u, projectDir));
      Optional<String> user =
          dataSource != null
              ? Optional.empty()
              : value(all, "user").or(() -> parsed.flatMap(JdbcUrls.Parsed::user));
      Optional<String> password =
          dataSource != null
              ? Optional.empty()
              : value(all, "password").or(() -> parsed.flatMap(JdbcUrls.Parsed::password));
      return new RetortConfig(
          projectDir,
          parsed.map(JdbcUrls.Parsed::url),
          user,
          password,
          projectDir.resolve(value(all, "migrations").orElse("migrations")).normalize(),
          versionTable,
          historyTable,
          timeout,
          allowChanged,
          progress,
          value(all, "schema").map(f -> SchemaSource.parse(f, projectDir)),
          url.map(u -> sources.get("url")),
          all,
          warnings,
          Optional.ofNullable(dataSource));
    }

    private static Optional<String> value(Map<String, String> all, String key) {
      return Optional.ofNullable(all.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Duration seconds(String text, String source) {
      try {
        return Duration.ofSeconds(Long.parseLong(text.strip()));
      } catch (NumberFormatException e) {
        throw new UsageException(
            "lock-timeout"
                + (source == null ? "" : " (" + source + ")")
                + " must be a number of seconds, not '"
                + Inert.text(text)
                + "'");
      }
    }

    /** A table setting: {@code name} or {@code schema.name}, each part an SQL identifier. */
    private static void checkTable(String key, String value) {
      if (!TABLE.matcher(value).matches()) {
        throw new UsageException(
            key
                + " '"
                + Inert.text(value)
                + "' is not a table name: use "
                + "name or schema.name (letters, digits, _ and $, not starting with a digit)");
      }
    }

    private static final java.util.regex.Pattern TABLE =
        java.util.regex.Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_$]{0,62}(?:\\.[A-Za-z_][A-Za-z0-9_$]{0,62})?");

    /** Builds the configuration and the facade over it. */
    public Retort load() {
      RetortConfig config = build();
      return new Retort(config, classLoader != null ? classLoader : Retort.defaultClassLoader());
    }

    private static final String CLASSPATH = "classpath:";

    /**
     * The path of a {@code classpath:} location, without leading or trailing slashes; empty for a
     * directory.
     *
     * @throws UsageException for a location that names no directory on the class path
     */
    static Optional<String> classpathLocation(String setting) {
      String v = setting.strip();
      if (!v.startsWith(CLASSPATH)) {
        return Optional.empty();
      }
      String path = v.substring(CLASSPATH.length()).strip();
      while (path.startsWith("/")) {
        path = path.substring(1);
      }
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (path.isEmpty()
          || path.contains("\\")
          || path.contains("//")
          || path.contains("*")
          || java.util.Arrays.stream(path.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))
          || Inert.firstControl(path).isPresent()) {
        throw new UsageException(
            "migrations '"
                + Inert.text(v)
                + "' is not a class path location: "
                + "write classpath:DIR with DIR a directory of the class path, its parts separated by"
                + " / (for example classpath:db/retort)");
      }
      return Optional.of(path);
    }
  }
}
