package com.example.worlds;

import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /worlds}: every world, with its owner. */
@RestController
public class WorldsController {
  private final WorldRepository worlds;

  public WorldsController(WorldRepository worlds) {
    this.worlds = worlds;
  }

  /** A world as the API shows it. */
  public record WorldView(long id, String name, String owner) {}

  @GetMapping("/worlds")
  @Transactional(readOnly = true)
  public List<WorldView> list() {
    return worlds.findAll().stream().map(w -> new WorldView(w.id, w.name, w.user.email)).toList();
  }
}
