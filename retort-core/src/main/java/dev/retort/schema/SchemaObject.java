package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A schema object kept as the database defines it: a function, a view, a trigger, a policy, a
 * comment on an index... Retort does not take these apart; it keeps the statements that create one
 * exactly as the database prints it back, the statements that remove it, and what it depends on,
 * which is enough to compare two schemas, order the changes, and reverse each one exactly.
 *
 * <pre>{@code
 * SchemaObject f = SchemaObject.of(Kind.FUNCTION, "add_one(integer)", """
 *     CREATE OR REPLACE FUNCTION add_one(x integer) RETURNS integer
 *      LANGUAGE sql IMMUTABLE
 *     AS $function$SELECT x + 1$function$""");
 * f.drop();   // [DROP FUNCTION add_one(integer)]
 * }</pre>
 *
 * @param kind what it is
 * @param identity what names it among the objects of its kind, as SQL: {@code add_one(x integer)},
 *     {@code trg_audit ON users}, {@code active_users}, {@code INDEX ix_users_email}
 * @param create the statements that make it, in order (a view, then the comments on it)
 * @param drop the statements that remove it, or put the setting it is back to the default; empty
 *     when not known, and then creating it cannot be reversed
 * @param replaceKey present when {@code create} can replace another definition in place whose key
 *     is the same ({@code CREATE OR REPLACE FUNCTION} with the same result type and arguments; a
 *     comment or a storage setting always); otherwise a change is a drop and a create
 * @param dependsOn the {@link #key keys} of what it needs: tables ({@code table:users}), columns
 *     ({@code column:users.email}), indexes, constraints, other objects. Read from the catalog;
 *     empty where the source cannot tell. Only the diff uses it, to order changes
 */
public record SchemaObject(
    Kind kind,
    String identity,
    List<String> create,
    List<String> drop,
    Optional<String> replaceKey,
    Set<String> dependsOn) {
  public SchemaObject {
    requireNonNull(kind, "kind");
    requireNonNull(identity, "identity");
    create = List.copyOf(create);
    drop = List.copyOf(drop);
    requireNonNull(replaceKey, "replaceKey");
    dependsOn = Set.copyOf(dependsOn);
    if (identity.isBlank() || create.isEmpty()) {
      throw new IllegalArgumentException(kind.word + " needs an identity and its statements");
    }
  }

  /** The kinds of object, each with the words SQL uses for it. */
  public enum Kind {
    FUNCTION("function", "function"),
    PROCEDURE("procedure", "function"),
    AGGREGATE("aggregate", "function"),
    OPERATOR("operator", "operator"),
    TYPE("type", "type"),
    VIEW("view", "view"),
    MATERIALIZED_VIEW("materialized view", "view"),
    TRIGGER("trigger", "trigger"),
    RULE("rule", "rule"),
    POLICY("policy", "policy"),
    ROW_SECURITY("row level security", "row_security"),
    COMMENT("comment", "comment"),
    STORAGE("column storage", "storage"),
    STATISTICS("column statistics", "statistics"),
    /** A partition of a partitioned table (PostgreSQL): a table, created with its bounds. */
    PARTITION("partition", "table");

    private final String word;
    private final String category;

    Kind(String word, String category) {
      this.word = word;
      this.category = category;
    }

    /** The kind in words: {@code materialized view}. */
    public String word() {
      return word;
    }

    /**
     * The prefix of this kind's keys; functions, procedures and aggregates share one, as they share
     * one namespace in the database.
     */
    public String category() {
      return category;
    }

    /**
     * The statements that remove an object of this kind named {@code identity}, where the identity
     * says all they need; empty for the settings (storage, statistics), whose default must be
     * given.
     */
    public List<String> dropOf(String identity) {
      return switch (this) {
        case ROW_SECURITY ->
            List.of(
                "ALTER TABLE " + identity + " DISABLE ROW LEVEL SECURITY",
                "ALTER TABLE " + identity + " NO FORCE ROW LEVEL SECURITY");
        case COMMENT -> List.of("COMMENT ON " + identity + " IS NULL");
        case STORAGE, STATISTICS -> List.of();
        case PARTITION -> List.of("DROP TABLE " + identity);
        default -> List.of("DROP " + word.toUpperCase(Locale.ROOT) + " " + identity);
      };
    }

    /** Whether a definition of this kind hangs on a table (and so comes after the tables). */
    public boolean onTable() {
      return switch (this) {
        case VIEW,
            MATERIALIZED_VIEW,
            TRIGGER,
            RULE,
            POLICY,
            ROW_SECURITY,
            COMMENT,
            STORAGE,
            STATISTICS,
            PARTITION ->
            true;
        default -> false;
      };
    }
  }

  /**
   * An object made by {@code create} and removed as its kind removes one; a setting (storage,
   * statistics) is put back by the statements {@link #withDrop} gives.
   */
  public static SchemaObject of(Kind kind, String identity, String... create) {
    return new SchemaObject(
        kind, identity, List.of(create), kind.dropOf(identity), Optional.empty(), Set.of());
  }

  /** The key of a table, for {@link #dependsOn}. */
  public static String tableKey(QualifiedName table) {
    return "table:" + table;
  }

  /** The key of a column. */
  public static String columnKey(QualifiedName table, String column) {
    return "column:" + table + ":" + column;
  }

  /** The key of an index (named once per schema). */
  public static String indexKey(QualifiedName index) {
    return "index:" + index;
  }

  /** The key of a table's constraint. */
  public static String constraintKey(QualifiedName table, String constraint) {
    return "constraint:" + table + ":" + constraint;
  }

  /** The table a {@link #tableKey table} or {@link #columnKey column} key names. */
  public static Optional<QualifiedName> tableOf(String key) {
    if (key.startsWith("table:")) {
      return Optional.of(QualifiedName.parse(key.substring(6)));
    }
    if (key.startsWith("column:")) {
      return Optional.of(QualifiedName.parse(key.substring(7, key.lastIndexOf(':'))));
    }
    return Optional.empty();
  }

  /** This key: the kind's {@link Kind#category() category} and the identity, {@code view:v}. */
  public String key() {
    return kind.category + ":" + identity;
  }

  /** What it is, in words: {@code function add_one(integer)}. */
  public String describe() {
    return kind.word + " " + identity;
  }

  /** A copy removed (or, for a setting, put back) by {@code statements} instead. */
  public SchemaObject withDrop(String... statements) {
    return new SchemaObject(kind, identity, create, List.of(statements), replaceKey, dependsOn);
  }

  /** A copy with what a migration needs only: no dependencies, no replacement key. */
  public SchemaObject bare() {
    return new SchemaObject(kind, identity, create, drop, Optional.empty(), Set.of());
  }

  /** A copy that replaces a definition with the same {@code key} in place. */
  public SchemaObject replacing(String key) {
    return new SchemaObject(kind, identity, create, drop, Optional.of(key), dependsOn);
  }

  /** A copy that needs these keys too. */
  public SchemaObject needing(Set<String> keys) {
    Set<String> all = new java.util.LinkedHashSet<>(dependsOn);
    all.addAll(keys);
    return new SchemaObject(kind, identity, create, drop, replaceKey, all);
  }

  /** Whether {@code other} says the same thing: the same statements, whatever it depends on. */
  public boolean sameDefinition(SchemaObject other) {
    return kind == other.kind && identity.equals(other.identity) && create.equals(other.create);
  }

  /** Whether {@code to} can replace this definition in place. */
  public boolean replaceableBy(SchemaObject to) {
    return replaceKey.isPresent() && replaceKey.equals(to.replaceKey);
  }
}
