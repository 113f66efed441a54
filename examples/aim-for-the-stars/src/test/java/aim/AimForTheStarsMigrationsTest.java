package aim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.junit.RetortMigrationTests;
import dev.retort.junit.RetortRunner;
import dev.retort.junit.RetortTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Aim for the Stars migrations, checked by retort-junit (the project is this directory), and
 * seed 003's promise tested by hand: up and down the whole chain, no row lost.
 */
@RetortTest
class AimForTheStarsMigrationsTest extends RetortMigrationTests {
  @Test
  void theRenamesKeepEveryRow(RetortRunner retort) {
    retort.reset();
    retort.upgrade("bc311ce7dcf8");
    retort.insert("user", Map.of("id", 1, "email", "ada@example.com", "password", "x".repeat(100)));
    retort.insert("goal", Map.of("id", 1, "user_id", 1, "title", "reach the stars"));
    retort.upgrade("head");
    assertEquals(
        "reach the stars",
        retort.query("SELECT title FROM goals WHERE user_id = 1").get(0).get("title"));
    retort.downgrade("1a2b3c4d5e6f");
    // the tables have their first names again, the rows still in them
    retort.insert("goal", Map.of("id", 2, "user_id", 1, "title", "and back"));
    assertEquals(
        2,
        retort.query("SELECT count(*) AS n FROM goal").get(0).get("n") instanceof Number n
            ? n.intValue()
            : -1);
  }
}
