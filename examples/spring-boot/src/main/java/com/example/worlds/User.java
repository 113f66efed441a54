package com.example.worlds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Someone who signs in, with a password or, optionally, WebAuthn credentials. */
@Entity
@Table(name = "users")
public class User {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, unique = true)
  String email;

  @Column(unique = true, length = 80)
  String username;

  @Column(name = "password_hash", nullable = false)
  String passwordHash;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "webauthn_credentials")
  List<Map<String, Object>> webauthnCredentials;

  @Column(name = "created_at", nullable = false)
  @ColumnDefault("CURRENT_TIMESTAMP")
  LocalDateTime createdAt;
}
