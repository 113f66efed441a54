package dev.retort.junit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every check of the kit as a test of its own: extend it, and annotate the subclass with {@link
 * RetortTest} to say where the project and the database are.
 *
 * <pre>{@code
 * @RetortTest(project = "src/main/db")
 * class MigrationsTest extends RetortMigrationTests {}
 * }</pre>
 */
@RetortTest
public abstract class RetortMigrationTests {
  /** For subclasses. */
  protected RetortMigrationTests() {}

  @Test
  @DisplayName("the history has a single head")
  void singleHead(MigrationChecks checks) {
    checks.singleHead();
  }

  @Test
  @DisplayName("every migration upgrades from an empty database to the heads")
  void upgradeFromEmpty(MigrationChecks checks) {
    checks.upgradeFromEmpty();
  }

  @Test
  @DisplayName("after upgrading, the database matches the desired schema")
  void modelMatchesDatabase(MigrationChecks checks) {
    checks.modelMatchesDatabase();
  }

  @Test
  @DisplayName("each downgrade leaves the schema as it was before its upgrade")
  void upDownConsistency(MigrationChecks checks) {
    checks.upDownConsistency();
  }

  @Test
  @DisplayName("downgrading to base leaves no trace")
  void downgradeLeavesNoTrace(MigrationChecks checks) {
    checks.downgradeLeavesNoTrace();
  }
}
