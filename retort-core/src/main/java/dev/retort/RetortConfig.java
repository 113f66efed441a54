package dev.retort;

import static java.util.Objects.requireNonNull;

import dev.retort.error.Secrets;
import dev.retort.error.UsageException;
import dev.retort.schema.QualifiedName;
import dev.retort.text.Inert;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

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
 * @param schema the desired schema for autogenerate, {@code check} and {@code diff}: a {@code .sql}
 *     file of CREATE statements
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
    Optional<Path> schema) {

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
  }

  /** The passwords this configuration holds, to keep out of every message. */
  public Secrets secrets() {
    return Secrets.of(java.util.Collections.singletonList(url.orElse(null)),
        java.util.Collections.singletonList(password.orElse(null)));
  }

  @Override
  public String toString() {
    // a record's default toString would print the password
    return "RetortConfig[projectDir=" + projectDir + ", url=" + url.map(u -> secrets().scrub(u)).orElse("")
        + ", migrations=" + migrations + ", versionTable=" + versionTable + "]";
  }

  /** Builds a {@link RetortConfig}; every setting has a default but the URL. */
  public static final class Builder {
    private Path projectDir = Path.of("").toAbsolutePath();
    private String url;
    private String user;
    private String password;
    private String migrations = "migrations";
    private String versionTable = "retort_version";
    private String historyTable = "retort_history";
    private Duration lockTimeout = Duration.ofMinutes(5);
    private boolean allowChanged;
    private Consumer<String> progress = line -> {};
    private String schema;

    Builder() {}

    /** The desired schema, relative to the project directory: a {@code .sql} file. */
    public Builder schema(String file) {
      schema = file;
      return this;
    }

    /** The project directory (default: the working directory). */
    public Builder projectDir(Path dir) {
      projectDir = dir.toAbsolutePath().normalize();
      return this;
    }

    /** The database: a JDBC URL, or {@code postgresql://user:pass@host/db}, or {@code sqlite:///file}. */
    public Builder url(String jdbcUrl) {
      url = jdbcUrl;
      return this;
    }

    public Builder user(String databaseUser) {
      user = databaseUser;
      return this;
    }

    public Builder password(String databasePassword) {
      password = databasePassword;
      return this;
    }

    /** The migrations directory, relative to the project directory (default {@code migrations}). */
    public Builder migrations(String dir) {
      migrations = dir;
      return this;
    }

    public Builder versionTable(String table) {
      versionTable = table;
      return this;
    }

    public Builder historyTable(String table) {
      historyTable = table;
      return this;
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
     * The finished configuration.
     *
     * @throws UsageException for a URL that cannot be read, a table name that is not {@code name}
     *     or {@code schema.name}, the same table for versions and history, a negative lock
     *     timeout; the message never holds the password
     */
    public RetortConfig build() {
      Secrets secrets = Secrets.of(java.util.Collections.singletonList(url),
          java.util.Collections.singletonList(password));
      try {
        return buildChecked();
      } catch (RuntimeException e) {
        throw secrets.scrub(e);
      }
    }

    private RetortConfig buildChecked() {
      checkTable("version-table", versionTable);
      checkTable("history-table", historyTable);
      if (QualifiedName.parse(versionTable).equals(QualifiedName.parse(historyTable))) {
        throw new UsageException("version-table and history-table are both '" + versionTable
            + "'; they must be two different tables");
      }
      if (lockTimeout.isNegative()) {
        throw new UsageException("lock-timeout must be 0 or more seconds, not "
            + lockTimeout.toSeconds());
      }
      Optional<JdbcUrls.Parsed> parsed = Optional.ofNullable(url).filter(u -> !u.isBlank())
          .map(u -> JdbcUrls.toJdbc(u, projectDir));
      return new RetortConfig(projectDir, parsed.map(JdbcUrls.Parsed::url),
          Optional.ofNullable(user).or(() -> parsed.flatMap(JdbcUrls.Parsed::user)),
          Optional.ofNullable(password).or(() -> parsed.flatMap(JdbcUrls.Parsed::password)),
          projectDir.resolve(migrations).normalize(), versionTable, historyTable, lockTimeout,
          allowChanged, progress, Optional.ofNullable(schema).map(f -> projectDir.resolve(f).normalize()));
    }

    /** A table setting: {@code name} or {@code schema.name}, each part an SQL identifier. */
    private static void checkTable(String key, String value) {
      if (!TABLE.matcher(value).matches()) {
        throw new UsageException(key + " '" + Inert.text(value) + "' is not a table name: use "
            + "name or schema.name (letters, digits, _ and $, not starting with a digit)");
      }
    }

    private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile(
        "[A-Za-z_][A-Za-z0-9_$]{0,62}(?:\\.[A-Za-z_][A-Za-z0-9_$]{0,62})?");

    /** Builds the configuration and the facade over it. */
    public Retort load() {
      return new Retort(build());
    }
  }
}
