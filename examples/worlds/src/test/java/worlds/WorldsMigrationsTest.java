package worlds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.junit.AfterRevision;
import dev.retort.junit.BeforeRevision;
import dev.retort.junit.RetortMigrationTests;
import dev.retort.junit.RetortRunner;
import dev.retort.junit.RetortTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Worlds migrations, checked by retort-junit: one head; every migration upgrades from empty;
 * the upgraded database matches schema/WorldsSchema.java; each downgrade restores the schema before
 * its upgrade; downgrading to base leaves nothing. The project is this directory
 * (retort.properties, migrations/); the database is a fresh one per run, on SQLite by default and
 * on the server {@code -Dretort.test.server} names.
 */
@RetortTest
class WorldsMigrationsTest extends RetortMigrationTests {
  /** Seed 000: a world with an element, before world elements get an owner of their own. */
  @BeforeRevision("3f8d2b6e1a45")
  void aWorldWithAnElement(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO users (id, email, password_hash) VALUES (7, 'ada@example.com', 'x')");
      s.execute("INSERT INTO worlds (id, user_id, name) VALUES (1, 7, 'Earth')");
      s.execute("INSERT INTO world_elements (id, world_id, kind) VALUES (10, 1, 'river')");
    }
  }

  /** The migration back-filled the element's owner from its world. */
  @AfterRevision("3f8d2b6e1a45")
  void theElementBelongsToTheWorldsOwner(RetortRunner retort) {
    Object owner =
        retort.query("SELECT user_id FROM world_elements WHERE id = 10").get(0).get("user_id");
    assertEquals(7, ((Number) owner).intValue());
  }
}
