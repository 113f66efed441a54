package dev.retort.spring.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The posts table of the test migrations, as an entity. */
@Entity
@Table(name = "posts")
public class Post {
  @Id private Long id;

  @Column(nullable = false, length = 200)
  private String title;

  protected Post() {}
}
