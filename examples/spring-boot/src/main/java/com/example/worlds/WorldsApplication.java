package com.example.worlds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The worlds app. On start-up retort-spring-boot-starter upgrades the database to the heads of the
 * migrations in package {@code db.retort} (compiled with the app, indexed by Retort's annotation
 * processor), checks the entities against it, and only then does Hibernate start.
 */
@SpringBootApplication
public class WorldsApplication {
  public static void main(String[] args) {
    SpringApplication.run(WorldsApplication.class, args);
  }
}
