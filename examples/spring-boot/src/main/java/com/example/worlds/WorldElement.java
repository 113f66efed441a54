package com.example.worlds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.type.SqlTypes;

/** Something in a world, with free-form metadata (JSONB on PostgreSQL). */
@Entity
@Table(
    name = "world_elements",
    indexes = @Index(name = "ix_world_elements_world_id", columnList = "world_id"))
public class WorldElement {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "world_id")
  @OnDelete(action = OnDeleteAction.CASCADE)
  World world;

  @Column(nullable = false, length = 50)
  String kind;

  @JdbcTypeCode(SqlTypes.JSON)
  Map<String, Object> metadata;

  /** Who placed the element; back-filled from the world's owner by the migration that adds it. */
  @ManyToOne
  @JoinColumn(name = "user_id")
  @OnDelete(action = OnDeleteAction.CASCADE)
  User user;
}
