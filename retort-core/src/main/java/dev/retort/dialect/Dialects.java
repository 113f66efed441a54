package dev.retort.dialect;

import dev.retort.dialect.mysql.MySqlDialect;
import dev.retort.dialect.postgres.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import dev.retort.error.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the {@link Dialect} for a JDBC URL: the built-in ones (PostgreSQL, SQLite, MySQL/MariaDB)
 * and any found on the classpath through {@link ServiceLoader}.
 *
 * <pre>{@code
 * Dialect dialect = Dialects.forUrl("jdbc:postgresql://localhost/app");
 * List<Sql> sql = dialect.renderer(Catalog.NONE).render(op);
 * }</pre>
 *
 * <p>A third-party dialect is a jar holding a class that implements {@link Dialect} (public, with a
 * public no-argument constructor) and names it in {@code
 * META-INF/services/dev.retort.dialect.Dialect}.
 *
 * <p>Exactly one dialect must accept a URL: when two do, the choice would depend on classpath
 * order, so it is an error instead of a silent priority rule.
 */
public final class Dialects {

  private Dialects() {}

  /**
   * Every known dialect: the built-in ones first, then those found by {@link ServiceLoader}
   * (skipping a second copy of a built-in class).
   *
   * @throws UsageException when a service entry on the classpath cannot be loaded
   */
  public static List<Dialect> all() {
    List<Dialect> dialects =
        new ArrayList<>(List.of(new PostgresDialect(), new SqliteDialect(), new MySqlDialect()));
    try {
      for (Dialect found : ServiceLoader.load(Dialect.class)) {
        boolean duplicate =
            dialects.stream()
                .anyMatch(d -> d.getClass().getName().equals(found.getClass().getName()));
        if (!duplicate) {
          dialects.add(found);
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new UsageException(
          "A dialect listed in META-INF/services/"
              + Dialect.class.getName()
              + " on the classpath cannot be loaded: "
              + e.getMessage(),
          e);
    }
    return List.copyOf(dialects);
  }

  /** The one dialect that accepts {@code jdbcUrl}; empty when none does, or several do. */
  public static java.util.Optional<Dialect> find(String jdbcUrl) {
    List<Dialect> accepting = all().stream().filter(d -> d.accepts(jdbcUrl)).toList();
    return accepting.size() == 1
        ? java.util.Optional.of(accepting.get(0))
        : java.util.Optional.empty();
  }

  /**
   * The one dialect that accepts {@code jdbcUrl}.
   *
   * @throws UsageException when no dialect, or more than one, accepts it; the message names the
   *     URL's prefix (never the rest, which may hold a password) and the known dialects
   */
  public static Dialect forUrl(String jdbcUrl) {
    List<Dialect> known = all();
    List<Dialect> accepting = known.stream().filter(d -> d.accepts(jdbcUrl)).toList();
    if (accepting.size() == 1) {
      return accepting.get(0);
    }
    String prefix = prefixOf(jdbcUrl);
    if (accepting.isEmpty()) {
      throw new UsageException(
          "No Retort dialect accepts the database URL "
              + prefix
              + "... . Known dialects: "
              + names(known)
              + ". To add one, put a jar on the classpath with a class that "
              + "implements "
              + Dialect.class.getName()
              + " and is listed in META-INF/services/"
              + Dialect.class.getName()
              + " (java.util.ServiceLoader).");
    }
    throw new UsageException(
        "Several dialects accept the database URL "
            + prefix
            + "... : "
            + names(accepting)
            + " ("
            + accepting.stream().map(d -> d.getClass().getName()).collect(Collectors.joining(", "))
            + "). Remove all but one of them from the classpath.");
  }

  /**
   * The part of a URL that is safe to print: {@code jdbc:<subprotocol>:}, or the scheme. Userinfo,
   * host and query parameters, where passwords live, are never included.
   */
  static String prefixOf(String url) {
    if (url == null || url.isBlank()) {
      return "(empty)";
    }
    int start = url.regionMatches(true, 0, "jdbc:", 0, 5) ? 5 : 0;
    int colon = url.indexOf(':', start);
    if (colon < 0) {
      return "(a URL without a jdbc:<database>: prefix)";
    }
    String prefix = url.substring(0, colon + 1);
    // A scheme is letters, digits and + - . only (RFC 3986); anything else is not a scheme and
    // may be a secret.
    return prefix.matches("[A-Za-z][A-Za-z0-9+.\\-]*:([A-Za-z0-9+.\\-]+:)?")
        ? prefix
        : "(a URL without a jdbc:<database>: prefix)";
  }

  private static String names(List<Dialect> dialects) {
    return dialects.stream().map(Dialect::name).collect(Collectors.joining(", "));
  }
}
