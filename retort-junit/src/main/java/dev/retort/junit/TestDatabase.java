package dev.retort.junit;

import java.util.Optional;

/**
 * The database a test class runs its migrations against. The kit makes one of the usual kinds
 * ({@link RetortTest}); a {@link TestDatabaseProvider} makes others.
 */
public interface TestDatabase extends AutoCloseable {
  /** Its JDBC URL. */
  String url();

  /** The user to connect as, when not in the URL. */
  default Optional<String> user() {
    return Optional.empty();
  }

  /** The password, when not in the URL. */
  default Optional<String> password() {
    return Optional.empty();
  }

  /**
   * Makes the database empty again, as it was made, and returns true; or returns false for a
   * database the kit may not drop (given by URL), which the kit then empties by downgrading to
   * base.
   */
  boolean recreate();

  /** Drops what the kit made; nothing for a database it was given. */
  @Override
  void close();

  /** A database given by URL: used as it is, never dropped. */
  static TestDatabase given(String url) {
    return new TestDatabase() {
      @Override
      public String url() {
        return url;
      }

      @Override
      public boolean recreate() {
        return false;
      }

      @Override
      public void close() {}
    };
  }
}
