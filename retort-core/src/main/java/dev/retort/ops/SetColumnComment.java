package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import java.util.Optional;

/**
 * Sets or removes a column's comment.
 *
 * @param table the table
 * @param column the column
 * @param existing the comment it has now (empty: none), which the reverse puts back
 * @param comment the new comment (empty: remove it)
 */
public record SetColumnComment(
    QualifiedName table, String column, Optional<String> existing, Optional<String> comment)
    implements Op {
  public SetColumnComment {
    requireNonNull(table, "table");
    requireNonNull(column, "column");
    requireNonNull(existing, "existing");
    requireNonNull(comment, "comment");
  }

  @Override
  public SetColumnComment reverse() {
    return new SetColumnComment(table, column, comment, existing);
  }

  @Override
  public String describe() {
    return (comment.isPresent() ? "set comment on column " : "remove comment from column ")
        + table
        + "."
        + column;
  }
}
