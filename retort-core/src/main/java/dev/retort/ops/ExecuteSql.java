package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs SQL as written. Parameters are bound ({@code ?} placeholders), never concatenated. With
 * {@code undo}, the op can be reversed.
 */
public record ExecuteSql(String sql, List<Object> parameters, Optional<String> undo) implements Op {
  public ExecuteSql {
    requireNonNull(sql, "sql");
    requireNonNull(undo, "undo");
    // List.copyOf refuses null elements, but NULL is a legitimate parameter value
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
  }

  /** Plain SQL without parameters or undo. */
  public static ExecuteSql of(String sql) {
    return new ExecuteSql(sql, List.of(), Optional.empty());
  }

  @Override
  public ExecuteSql reverse() {
    return new ExecuteSql(
        undo.orElseThrow(
            () ->
                new IrreversibleOperationException(
                    describe() + " cannot be reversed: no undo SQL was given")),
        List.of(),
        Optional.of(sql));
  }

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  @Override
  public String describe() {
    String flat = WHITESPACE.matcher(sql.strip()).replaceAll(" ");
    return "execute " + (flat.length() > 60 ? flat.substring(0, 57) + "..." : flat);
  }
}
