package org.example.shop;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The richest entity of the test model: most column kinds, two embeddables, collections. */
@Entity
@Table(
    name = "customer",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uk_customer_external",
            columnNames = {"externalRef"}),
    indexes = {
      @Index(name = "ix_customer_name", columnList = "lastName, firstName DESC"),
      @Index(columnList = "createdOn")
    })
@Comment("people who buy")
public class Customer {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, length = 80)
  String firstName;

  @Column(nullable = false, length = 120)
  String lastName;

  @Column(unique = true, nullable = false)
  String email;

  @Column(length = 40)
  String externalRef;

  @Comment("hashed, never the password")
  String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  Status status;

  @Enumerated(EnumType.ORDINAL)
  Tier tier;

  @Column(precision = 12, scale = 2)
  @ColumnDefault("0")
  BigDecimal credit;

  BigDecimal plainAmount;

  @ColumnDefault("true")
  boolean active;

  double score;

  float ratio;

  short rank;

  Integer visits;

  Instant createdOn;

  OffsetDateTime lastSeen;

  LocalDate birthday;

  UUID publicId;

  @Lob String biography;

  @Lob byte[] avatar;

  byte[] thumbnail;

  @JdbcTypeCode(SqlTypes.JSON)
  Map<String, Object> preferences;

  String h5Html;

  @Version int version;

  @Embedded Address shipping;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "street", column = @Column(name = "bill_street")),
    @AttributeOverride(name = "zip", column = @Column(name = "bill_zip", length = 12)),
    @AttributeOverride(name = "city", column = @Column(name = "bill_city"))
  })
  Address billing;

  @ManyToMany
  @JoinTable(name = "customer_tag")
  Set<Tag> tags = new HashSet<>();

  @ManyToMany Set<Tag> favouriteTags = new HashSet<>();

  @ElementCollection Set<String> nicknames = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "customer_phone")
  @OrderColumn
  List<Phone> phones = new ArrayList<>();

  public enum Status {
    ACTIVE,
    SUSPENDED,
    CLOSED
  }

  public enum Tier {
    BRONZE,
    SILVER,
    GOLD
  }
}
