package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import java.util.Optional;

/**
 * Sets or removes a table's comment.
 *
 * @param table the table
 * @param existing the comment it has now (empty: none), which the reverse puts back
 * @param comment the new comment (empty: remove it)
 */
public record SetTableComment(
    QualifiedName table, Optional<String> existing, Optional<String> comment) implements Op {
  public SetTableComment {
    requireNonNull(table, "table");
    requireNonNull(existing, "existing");
    requireNonNull(comment, "comment");
  }

  @Override
  public SetTableComment reverse() {
    return new SetTableComment(table, comment, existing);
  }

  @Override
  public String describe() {
    return (comment.isPresent() ? "set comment on table " : "remove comment from table ") + table;
  }
}
