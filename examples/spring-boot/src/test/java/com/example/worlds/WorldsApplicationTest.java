package com.example.worlds;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * The whole app on a fresh database: start-up migrates it (and checks the entities against it)
 * before Hibernate starts; the API, the {@code retort} endpoint and the health group then see the
 * migrated database. SQLite, or with {@code retort.test.server} a fresh PostgreSQL database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorldsApplicationTest {
  private static String server = System.getProperty("retort.test.server", "");
  private static String database;
  private static Path dir;

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws IOException, SQLException {
    if (server.isBlank()) {
      dir = Files.createTempDirectory("worlds-");
      registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("worlds.db"));
    } else {
      database = "worlds_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      admin("CREATE DATABASE " + database);
      int slash = server.indexOf('/', "jdbc:postgresql://".length());
      int q = server.indexOf('?');
      registry.add(
          "spring.datasource.url",
          () -> server.substring(0, slash + 1) + database + (q < 0 ? "" : server.substring(q)));
    }
  }

  @AfterAll
  static void drop() throws IOException, SQLException {
    if (database != null) {
      admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(server);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @LocalServerPort int port;
  @Autowired EntityManager entityManager;
  @Autowired TransactionTemplate transactions;

  @Test
  void migratedOnStartUpAndServesTheWorlds() {
    transactions.executeWithoutResult(
        status -> {
          User ada = new User();
          ada.email = "ada@example.com";
          ada.passwordHash = "x";
          ada.createdAt = java.time.LocalDateTime.now();
          entityManager.persist(ada);
          World earth = new World();
          earth.user = ada;
          earth.name = "Earth";
          earth.createdAt = java.time.LocalDateTime.now();
          entityManager.persist(earth);
        });
    RestClient http = RestClient.create("http://localhost:" + port);

    String worlds = http.get().uri("/worlds").retrieve().body(String.class);
    assertThat(worlds).contains("\"name\":\"Earth\"").contains("\"owner\":\"ada@example.com\"");

    @SuppressWarnings("unchecked")
    Map<String, Object> retort = http.get().uri("/actuator/retort").retrieve().body(Map.class);
    assertThat(retort.get("current").toString()).contains("id=0654ca852072");
    assertThat(retort.get("heads")).isEqualTo(retort.get("current"));
    assertThat(retort.get("pending").toString()).isEqualTo("[]");
    assertThat(retort.get("history").toString())
        .contains("revision=6736bbfd3b2d")
        .contains("revision=0654ca852072");

    String health = http.get().uri("/actuator/health/retort").retrieve().body(String.class);
    assertThat(health).contains("\"status\":\"UP\"").contains("\"current\":[\"0654ca852072\"]");
  }
}
