package dev.retort.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Data hooks: rows inserted before a revision, its data migration asserted after it, in the walks
 * of upgradeFromEmpty and upDownConsistency; and a test method of one's own with the runner.
 */
class KitHooksIT {
  static final List<String> CALLS = new ArrayList<>();

  @RetortTest(project = KitChecksIT.PROJECTS + "data")
  static class DataMigration extends RetortMigrationTests {
    @BeforeRevision("b2")
    void aWorldWithAnElement(Connection c) throws SQLException {
      CALLS.add("before b2");
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO worlds (id, owner) VALUES (1, 'zoe')");
        s.execute("INSERT INTO elements (id, world_id, name) VALUES (10, 1, 'river')");
      }
    }

    @AfterRevision("b2")
    void theElementGotItsOwner(RetortRunner retort) {
      CALLS.add("after b2");
      assertEquals(
          List.of(Map.of("owner", "zoe")),
          retort.query("SELECT owner FROM elements WHERE id = ?", 10));
    }

    @AfterRevision("a1")
    void atTheFirstRevision(RetortRunner retort) {
      CALLS.add("after a1 at " + retort.current());
    }

    @Test
    void aTestOfItsOwn(RetortRunner retort) {
      retort.reset();
      retort.upgrade("a1");
      retort.insert("worlds", Map.of("id", 2, "owner", "ada"));
      retort.insert("elements", Map.of("id", 20, "world_id", 2));
      retort.upgrade("head");
      assertEquals("ada", retort.query("SELECT owner FROM elements").get(0).get("owner"));
      assertThat(retort.revisions()).extracting(r -> r.id()).containsExactly("a1", "b2");
    }
  }

  @RetortTest(project = KitChecksIT.PROJECTS + "data")
  static class WrongExpectation {
    @AfterRevision("b2")
    void expectsAnotherOwner(RetortRunner retort) {
      // nothing inserted the element this expects
      assertEquals(1, retort.query("SELECT * FROM elements").size(), "elements after b2");
    }

    @Test
    void upgrade(MigrationChecks checks) {
      checks.upgradeFromEmpty();
    }
  }

  @RetortTest(project = KitChecksIT.PROJECTS + "data")
  static class UnknownRevision {
    @BeforeRevision("zz")
    void never() {}

    @Test
    void upgrade(MigrationChecks checks) {
      checks.upgradeFromEmpty();
    }
  }

  @RetortTest(project = KitChecksIT.PROJECTS + "data")
  static class WrongParameter {
    @BeforeRevision("b2")
    void wantsAString(String s) {}

    @Test
    void upgrade(MigrationChecks checks) {
      checks.upgradeFromEmpty();
    }
  }

  @RetortTest(project = "src/test/resources/projects/not-there")
  static class NoSuchProject {
    @Test
    void upgrade(MigrationChecks checks) {
      checks.upgradeFromEmpty();
    }
  }

  @Test
  void hooksTakeAConnectionOrARunnerAndTheProjectMustExist() {
    assertThat(Outcomes.of(WrongParameter.class).get("upgrade"))
        .isEqualTo(
            "FAILED: "
                + "@BeforeRevision(\"b2\") method wantsAString takes a String; hooks take a "
                + "java.sql.Connection and a RetortRunner");
    assertThat(Outcomes.of(NoSuchProject.class).get("upgrade"))
        .startsWith("FAILED: project " + "directory ")
        .contains(
            "projects/not-there does not exist; @RetortTest(project = ...) is"
                + " relative to the working directory");
  }

  @Test
  void hooksRunAroundTheirRevisionInEveryWalk() {
    CALLS.clear();
    Map<String, String> o = Outcomes.of(DataMigration.class);
    assertThat(o)
        .allSatisfy(
            (test, outcome) ->
                assertThat(outcome)
                    .as(test)
                    .matches("SUCCESSFUL|ABORTED: Assumption failed: no desired schema.*"));
    assertThat(o).containsEntry("aTestOfItsOwn", "SUCCESSFUL");
    // upgradeFromEmpty and upDownConsistency each walk once; the other checks do not walk
    assertThat(CALLS)
        .containsExactly(
            "after a1 at [a1]",
            "before b2",
            "after b2",
            "after a1 at [a1]",
            "before b2",
            "after b2");
  }

  @Test
  void aHookThatFailsFailsTheCheck() {
    assertThat(Outcomes.of(WrongExpectation.class).get("upgrade"))
        .isEqualTo("FAILED: elements after b2 ==> expected: <1> but was: <0>");
    assertThat(Outcomes.of(UnknownRevision.class).get("upgrade"))
        .isEqualTo(
            "FAILED: "
                + "@BeforeRevision(\"zz\") on UnknownRevision.never names no single revision: unknown "
                + "revision 'zz'");
  }
}
