package dev.retort;

import dev.retort.error.Secrets;
import dev.retort.error.UsageException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the URL forms users bring. */
final class JdbcUrls {
  private static final Pattern PG_STYLE =
      Pattern.compile(
          "(?i)(?:postgres|postgresql)(?:\\+\\w+)?://(?:([^:@/]*)(?::([^@/]*))?@)?(.*)");
  private static final Pattern MYSQL_STYLE =
      Pattern.compile("(?i)(?:mysql|mariadb)(?:\\+\\w+)?://(?:([^:@/]*)(?::([^@/]*))?@)?(.*)");

  private JdbcUrls() {}

  record Parsed(String url, Optional<String> user, Optional<String> password) {}

  static Parsed toJdbc(String raw, Path projectDir) {
    String url = raw.strip();
    Matcher pg = PG_STYLE.matcher(url);
    if (pg.matches()) {
      // the form Alembic, Flask and most .env files use: postgresql://user:pass@host:5432/db
      return new Parsed(
          "jdbc:postgresql://" + pg.group(3), decode(pg.group(1)), decode(pg.group(2)));
    }
    Matcher my = MYSQL_STYLE.matcher(url);
    if (my.matches()) {
      // mysql://user:pass@host:3306/db, as SQLAlchemy, Rails and Drizzle write it; the MariaDB
      // driver (the one the command line ships) serves MySQL too
      return new Parsed("jdbc:mariadb://" + my.group(3), decode(my.group(1)), decode(my.group(2)));
    }
    if (url.startsWith("sqlite:///")) {
      url = "jdbc:sqlite:" + url.substring("sqlite:///".length());
    }
    if (url.startsWith("jdbc:sqlite:")) {
      return new Parsed(sqlite(url, projectDir), Optional.empty(), Optional.empty());
    }
    if (!url.startsWith("jdbc:")) {
      throw new UsageException(
          "'"
              + Secrets.inUrls(url).scrub(url)
              + "' is not a database URL: use a JDBC URL such as "
              + "jdbc:postgresql://localhost/app or jdbc:sqlite:app.db, or postgresql://user@host/db, "
              + "mysql://user@host/db or sqlite:///app.db");
    }
    return new Parsed(url, Optional.empty(), Optional.empty());
  }

  /** SQLite file names are relative to the project directory, not to where Retort started. */
  private static String sqlite(String url, Path projectDir) {
    String rest = url.substring("jdbc:sqlite:".length());
    if (rest.isEmpty()
        || rest.startsWith(":")
        || rest.startsWith("file:")
        || rest.contains("mode=memory")) {
      return url;
    }
    int q = rest.indexOf('?');
    String file = q < 0 ? rest : rest.substring(0, q);
    String query = q < 0 ? "" : rest.substring(q);
    return "jdbc:sqlite:" + projectDir.resolve(file).normalize() + query;
  }

  private static Optional<String> decode(String s) {
    try {
      return Optional.ofNullable(s)
          .filter(v -> !v.isEmpty())
          .map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      // the text is the user or the password: say what is wrong, not what it is
      throw new UsageException(
          "the database URL's user or password holds a '%' that does not "
              + "start an escape (%XX, two hex digits); write a literal '%' as %25");
    }
  }
}
