package dev.retort.ops;

import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Describes an index for {@link Operations#createIndex(String, String,
 * java.util.function.Consumer)}. Keys are listed in order; {@code asc()}, {@code desc()}, {@code
 * nullsFirst()}, {@code nullsLast()} and {@code opclass(...)} refine the key given last:
 *
 * <pre>{@code
 * op.createIndex("ix_events_recent", "events", ix -> ix
 *     .column("account_id")
 *     .column("created_at").desc().nullsLast()
 *     .include("title")
 *     .where("deleted_at IS NULL")
 *     .concurrently());
 * op.createIndex("ix_users_email_lower", "users", ix -> ix.expression("lower(email)").unique());
 * op.createIndex("ix_docs_body", "docs", ix -> ix.using("gin").column("body").opclass("jsonb_path_ops"));
 * }</pre>
 */
public final class IndexBuilder {
  private final List<IndexPart> parts = new ArrayList<>();
  private final List<String> include = new ArrayList<>();
  private boolean unique;
  private Optional<String> where = Optional.empty();
  private Optional<String> method = Optional.empty();
  private boolean concurrently;

  IndexBuilder() {}

  /** A column key. */
  public IndexBuilder column(String name) {
    parts.add(IndexPart.column(name));
    return this;
  }

  /** Several column keys in the default order. */
  public IndexBuilder columns(String... names) {
    for (String n : names) {
      column(n);
    }
    return this;
  }

  /** An expression key, e.g. {@code lower(email)}; it is written inside parentheses. */
  public IndexBuilder expression(String sql) {
    parts.add(IndexPart.expression(sql));
    return this;
  }

  /** The last key sorts ascending. */
  public IndexBuilder asc() {
    return last(IndexPart::asc);
  }

  /** The last key sorts descending. */
  public IndexBuilder desc() {
    return last(IndexPart::desc);
  }

  /** NULLs of the last key sort first. */
  public IndexBuilder nullsFirst() {
    return last(IndexPart::nullsFirst);
  }

  /** NULLs of the last key sort last. */
  public IndexBuilder nullsLast() {
    return last(IndexPart::nullsLast);
  }

  /** The operator class of the last key (PostgreSQL), e.g. {@code jsonb_path_ops}. */
  public IndexBuilder opclass(String name) {
    return last(p -> p.opclass(name));
  }

  /** The access method (PostgreSQL {@code USING}): btree, gin, gist, hash, brin. */
  public IndexBuilder using(String indexMethod) {
    method = Optional.of(indexMethod);
    return this;
  }

  /** Non-key columns stored in the index (PostgreSQL {@code INCLUDE}). */
  public IndexBuilder include(String... columns) {
    include.addAll(List.of(columns));
    return this;
  }

  /** A partial index over the rows matching {@code predicate} (SQL). */
  public IndexBuilder where(String predicate) {
    where = Optional.of(predicate);
    return this;
  }

  /** Enforces uniqueness. */
  public IndexBuilder unique() {
    unique = true;
    return this;
  }

  /**
   * Builds or drops the index without blocking writes (PostgreSQL {@code CONCURRENTLY}); the
   * migration then runs outside a transaction. Not available inside {@code createTable}.
   */
  public IndexBuilder concurrently() {
    concurrently = true;
    return this;
  }

  boolean isConcurrently() {
    return concurrently;
  }

  Index build(String name, QualifiedName table) {
    return new Index(name, table, parts, unique, where, method, include);
  }

  private IndexBuilder last(UnaryOperator<IndexPart> change) {
    if (parts.isEmpty()) {
      throw new IllegalStateException(
          "asc/desc/nullsFirst/nullsLast/opclass refine the key given "
              + "before them: call column(...) or expression(...) first");
    }
    parts.set(parts.size() - 1, change.apply(parts.get(parts.size() - 1)));
    return this;
  }
}
