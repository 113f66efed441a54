package dev.retort.script;

import static java.util.Objects.requireNonNull;

/**
 * One SQL statement cut out of a script, with the line it starts on so that a failure can name
 * {@code file:line}.
 *
 * @param sql the statement text, trimmed, without its terminating {@code ;}
 * @param line the 1-based line of the file where the statement starts
 */
public record Statement(String sql, int line) {
  public Statement {
    requireNonNull(sql, "sql");
  }
}
