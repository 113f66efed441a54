package dev.retort.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes the {@link TestDatabase} of a test class. The kit's default follows {@link RetortTest}'s
 * rules; a framework's integration provides its own (a database from a Spring test context, for
 * example) through {@link RetortTest#database()}.
 */
public interface TestDatabaseProvider {
  /**
   * The database for the test class of {@code context}, made before its first test and closed after
   * its last.
   *
   * @param context the test class's extension context
   * @param settings the class's {@link RetortTest}
   */
  TestDatabase open(ExtensionContext context, RetortTest settings);

  /** {@link RetortTest}'s rules: a URL, a fresh database on a server, or a fresh SQLite file. */
  final class Default implements TestDatabaseProvider {
    /** System property: the JDBC URL of a database to use, when the class names none. */
    public static final String URL_PROPERTY = "retort.test.url";

    /** System property: a server to make a fresh database on, when the class names none. */
    public static final String SERVER_PROPERTY = "retort.test.server";

    /**
     * System property: {@code true} skips (loudly) a test class whose server cannot be reached,
     * instead of failing it, unless the environment variable {@code CI} is {@code true}.
     */
    public static final String SKIP_UNREACHABLE_PROPERTY = "retort.test.skip-unreachable";

    @Override
    public TestDatabase open(ExtensionContext context, RetortTest settings) {
      if (!settings.url().isBlank()) {
        return TestDatabase.given(settings.url().strip());
      }
      if (!settings.server().isBlank()) {
        return FreshDatabase.onServer(settings.server().strip());
      }
      String url = System.getProperty(URL_PROPERTY, "");
      if (!url.isBlank()) {
        return TestDatabase.given(url.strip());
      }
      String server = System.getProperty(SERVER_PROPERTY, "");
      if (!server.isBlank()) {
        return FreshDatabase.onServer(server.strip());
      }
      return FreshDatabase.sqlite();
    }
  }
}
