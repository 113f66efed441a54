package com.example.worlds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** One row per user, every preference with a default. */
@Entity
@Table(name = "user_preferences")
public class UserPreferences {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @OneToOne(optional = false)
  @JoinColumn(name = "user_id", unique = true)
  @OnDelete(action = OnDeleteAction.CASCADE)
  User user;

  @Column(nullable = false, length = 20)
  @ColumnDefault("'light'")
  String theme;

  @Column(nullable = false, length = 10)
  @ColumnDefault("'en'")
  String language;

  @Column(name = "email_notifications", nullable = false)
  @ColumnDefault("true")
  boolean emailNotifications;

  @Column(name = "items_per_page", nullable = false)
  @ColumnDefault("20")
  int itemsPerPage;

  @Column(name = "created_at", nullable = false)
  @ColumnDefault("CURRENT_TIMESTAMP")
  LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  @ColumnDefault("CURRENT_TIMESTAMP")
  LocalDateTime updatedAt;
}
