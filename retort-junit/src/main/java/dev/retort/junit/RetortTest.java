package dev.retort.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests a project's migrations against a database the test class is given: the class's test methods
 * take a {@link RetortRunner} parameter, whose {@link RetortRunner#checks()} are the kit's checks.
 * Or extend {@link RetortMigrationTests}, which runs every check as a test.
 *
 * <pre>{@code
 * @RetortTest(project = "../db", skipRevisions = "8c1d2e3f4a5b")
 * class MigrationsTest extends RetortMigrationTests {}
 *
 * @RetortTest(migrations = "classpath:db/retort", server = "jdbc:postgresql://localhost/postgres?user=postgres")
 * class DataMigrationTest {
 *   @BeforeRevision("3f8d2b6e1a45")
 *   void seed(Connection c) throws SQLException {
 *     c.createStatement().execute("INSERT INTO worlds (id, user_id, name) VALUES (1, 7, 'Earth')");
 *   }
 *
 *   @Test
 *   void backFillsOwners(RetortRunner retort) {
 *     retort.checks().upgradeFromEmpty();
 *     assertEquals(List.of(Map.of("user_id", 7)), retort.query("SELECT user_id FROM world_elements"));
 *   }
 * }
 * }</pre>
 *
 * <p>The database, first of: {@link #url()}; a fresh database on {@link #server()}; the system
 * property {@code retort.test.url}; a fresh database on the server the system property {@code
 * retort.test.server} names; a fresh SQLite file. A fresh database belongs to the test class: made
 * before its first test, made anew whenever a check starts from empty, dropped after its last test.
 * A database given by URL is used as it is: a check that starts from empty downgrades it to base
 * first, and fails when tables remain.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RetortExtension.class)
public @interface RetortTest {
  /**
   * The project directory, relative to the working directory (a Maven module's directory when Maven
   * runs the test): its {@code retort.properties}, {@code .env} and {@code RETORT_*} variables are
   * read as the command line reads them. Default: the working directory.
   */
  String project() default "";

  /**
   * The migrations, overriding the project's setting: a directory relative to the project, or
   * {@code classpath:db/retort} (SQL files and compiled migrations on the test's class path).
   */
  String migrations() default "";

  /**
   * The desired schema that {@link MigrationChecks#modelMatchesDatabase()} compares with,
   * overriding the project's {@code schema} setting: whatever that setting takes (a Java schema
   * definition, a {@code .sql} file).
   */
  String schema() default "";

  /** A JDBC URL of a database to use as it is, neither created nor dropped. */
  String url() default "";

  /**
   * A JDBC URL of a PostgreSQL or MariaDB/MySQL server (its database the one to connect to for
   * administration, e.g. {@code jdbc:postgresql://localhost/postgres?user=postgres}): the class
   * gets a fresh database there, dropped after its tests.
   */
  String server() default "";

  /**
   * Revisions whose downgrade {@link MigrationChecks#upDownConsistency()} does not check, for one
   * known to lose something on the way down. Ids or unique prefixes.
   */
  String[] skipRevisions() default {};

  /**
   * The lowest revision downgrades are checked down to: it and the revisions below it are not
   * downgraded, and {@link MigrationChecks#downgradeLeavesNoTrace()} goes down to it, not to base.
   * Default: base.
   */
  String minimumDowngradeRevision() default "";

  /**
   * Where the database comes from, for a framework's test context (a Spring test context, say): a
   * class with a constructor without parameters. Default: the rules above.
   */
  Class<? extends TestDatabaseProvider> database() default TestDatabaseProvider.Default.class;
}
