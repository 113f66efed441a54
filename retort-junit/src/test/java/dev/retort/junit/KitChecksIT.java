package dev.retort.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's checks on fixture projects (src/test/resources/projects), run as a project's build runs
 * them, on a fresh SQLite database per class: each check passes where the migrations are right and
 * fails, naming the revision and the difference, where they are not.
 */
class KitChecksIT {
  static final String PROJECTS = "src/test/resources/projects/";

  @RetortTest(project = PROJECTS + "good")
  static class Good extends RetortMigrationTests {}

  @RetortTest(project = PROJECTS + "two-heads")
  static class TwoHeads extends RetortMigrationTests {}

  @RetortTest(project = PROJECTS + "lossy")
  static class Lossy extends RetortMigrationTests {}

  @RetortTest(project = PROJECTS + "lossy", skipRevisions = "b2")
  static class LossySkipped extends RetortMigrationTests {}

  @RetortTest(project = PROJECTS + "lossy", minimumDowngradeRevision = "b2")
  static class LossyAboveMinimum extends RetortMigrationTests {}

  @RetortTest(project = PROJECTS + "broken")
  static class Broken extends RetortMigrationTests {}

  @RetortTest(project = PROJECTS + "drift")
  static class Drift extends RetortMigrationTests {}

  @RetortTest(project = PROJECTS + "branchy")
  static class Branchy extends RetortMigrationTests {}

  @RetortTest(project = PROJECTS + "good", schema = "../drift/schema.sql")
  static class SchemaOverridden extends RetortMigrationTests {}

  static final String PASSED = "SUCCESSFUL";

  @Test
  void rightMigrationsPassEveryCheck() {
    assertThat(Outcomes.of(Good.class))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "singleHead",
                PASSED,
                "upgradeFromEmpty",
                PASSED,
                "modelMatchesDatabase",
                PASSED,
                "upDownConsistency",
                PASSED,
                "downgradeLeavesNoTrace",
                PASSED));
  }

  @Test
  void twoHeadsFailSingleHead() {
    Map<String, String> o = Outcomes.of(TwoHeads.class);
    assertThat(o.get("singleHead"))
        .isEqualTo(
            "FAILED: 2 heads: b2 (b2 of two-heads); c3 (c3 of "
                + "two-heads). The history diverged: join them with 'retort merge heads -m \"merge\"', or "
                + "rebase one on the other");
    // the other checks still walk both branches
    assertThat(o.get("upDownConsistency")).isEqualTo(PASSED);
    assertThat(o.get("downgradeLeavesNoTrace")).isEqualTo(PASSED);
    assertThat(o.get("upgradeFromEmpty")).isEqualTo(PASSED);
    assertThat(o.get("modelMatchesDatabase"))
        .startsWith("ABORTED: Assumption failed: no desired schema");
  }

  @Test
  void aDowngradeThatLeavesSomethingFailsNamingItsRevision() {
    Map<String, String> o = Outcomes.of(Lossy.class);
    assertThat(o.get("upDownConsistency"))
        .startsWith(
            "FAILED: revision b2 (b2 of lossy): its "
                + "downgrade does not leave the schema as it was before its upgrade; to get back there it"
                + " would take:\n  drop table audit\n      DROP TABLE audit;\nFix the downgrade");
    assertThat(o.get("downgradeLeavesNoTrace"))
        .startsWith(
            "FAILED: upgrading to the heads and "
                + "downgrading to base leaves traces; to remove them it would take:\n  drop table audit");
    assertThat(o.get("upgradeFromEmpty")).isEqualTo(PASSED);

    Map<String, String> skipped = Outcomes.of(LossySkipped.class);
    assertThat(skipped.get("upDownConsistency")).isEqualTo(PASSED);
    assertThat(skipped.get("downgradeLeavesNoTrace")).startsWith("FAILED"); // still a trace at base

    Map<String, String> minimum = Outcomes.of(LossyAboveMinimum.class);
    assertThat(minimum.get("upDownConsistency")).isEqualTo(PASSED);
    assertThat(minimum.get("downgradeLeavesNoTrace")).isEqualTo(PASSED);
  }

  @Test
  void aFailingMigrationFailsTheUpgradeWithTheDatabasesWords() {
    Map<String, String> o = Outcomes.of(Broken.class);
    assertThat(o.get("upgradeFromEmpty"))
        .startsWith(
            "FAILED: upgrading from empty to the heads "
                + "failed (after: Running upgrade -> a1, a1 of broken; Running upgrade a1 -> b2, b2 of broken):\n"
                + "upgrade a1 -> b2, b2 of broken failed\n  at: ")
        .contains("broken/migrations/b2.sql:6")
        .contains("statement: INSERT INTO nowhere VALUES (1)")
        .contains("no such table: nowhere");
    assertThat(o.get("upDownConsistency"))
        .startsWith("FAILED: walking up, the upgrade to b2 (b2 " + "of broken) failed");
  }

  @Test
  void aModelTheMigrationsDoNotReachFailsWithTheMissingMigration() {
    assertThat(Outcomes.of(Drift.class).get("modelMatchesDatabase"))
        .isEqualTo(
            "FAILED: after "
                + "upgrading to the heads, the database differs from schema.sql; the migration that is "
                + "missing ('retort revision --autogenerate' writes it) would:\n  add column users.born\n"
                + "      ALTER TABLE users ADD COLUMN born DATE;");
    assertThat(Outcomes.of(SchemaOverridden.class).get("modelMatchesDatabase"))
        .startsWith("FAILED: after upgrading to the heads, the database differs from schema.sql");
  }

  @Test
  void branchesMergesAndDependenciesAreWalkedOneRevisionAtATime() {
    Map<String, String> o = Outcomes.of(Branchy.class);
    assertThat(o.get("upDownConsistency")).isEqualTo(PASSED);
    assertThat(o.get("downgradeLeavesNoTrace")).isEqualTo(PASSED);
    assertThat(o.get("singleHead")).isEqualTo(PASSED);
  }
}
