package com.example.worlds;

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
 * The app's migrations, as the starter runs them (compiled, from the class path), checked by
 * retort-junit: one head, upgrade from empty, the entities match the upgraded database, every
 * downgrade undoes its upgrade, nothing left after downgrading to base; and the back-fill of {@code
 * world_elements.user_id}. A fresh SQLite file, or with {@code retort.test.server} a fresh database
 * on that server.
 */
@RetortTest(migrations = "classpath:db/retort", schema = "jpa:com.example.worlds")
class WorldsMigrationsTest extends RetortMigrationTests {

  @BeforeRevision("0654ca852072")
  void aWorldWithAnElement(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO users (id, email, password_hash) VALUES (7, 'ada@example.com', 'x')");
      s.execute("INSERT INTO worlds (id, user_id, name) VALUES (1, 7, 'Earth')");
      s.execute("INSERT INTO world_elements (id, world_id, kind) VALUES (10, 1, 'river')");
    }
  }

  @AfterRevision("0654ca852072")
  void theElementBelongsToTheWorldsOwner(RetortRunner retort) {
    Object owner =
        retort.query("SELECT user_id FROM world_elements WHERE id = 10").get(0).get("user_id");
    assertEquals(7, ((Number) owner).intValue());
  }
}
