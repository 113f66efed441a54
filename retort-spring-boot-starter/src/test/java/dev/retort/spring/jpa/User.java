package dev.retort.spring.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The users table of the test migrations, as an entity. */
@Entity
@Table(name = "users")
public class User {
  @Id private Long id;

  @Column(nullable = false, length = 50)
  private String name;

  protected User() {}

  public User(Long id, String name) {
    this.id = id;
    this.name = name;
  }

  public String getName() {
    return name;
  }
}
