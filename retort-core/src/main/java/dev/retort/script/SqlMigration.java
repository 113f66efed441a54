package dev.retort.script;

import static java.util.Objects.requireNonNull;

import dev.retort.error.MigrationFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The statements of a SQL migration's sections, each with the line of the file it starts on.
 *
 * @param upgrade the statements after {@code -- retort:upgrade}
 * @param downgrade the statements after {@code -- retort:downgrade}; empty when the file has no
 *     downgrade section, an empty list when the section is present but holds no statement (a
 *     deliberate no-op)
 */
public record SqlMigration(List<Statement> upgrade, Optional<List<Statement>> downgrade) {
  public SqlMigration {
    upgrade = List.copyOf(upgrade);
    downgrade = requireNonNull(downgrade, "downgrade").map(List::copyOf);
  }

  /**
   * Parses {@code content}, the text of {@code file}, header included.
   *
   * @throws MigrationFileException when the header or a section is malformed, or a string, comment
   *     or dollar quote is left open
   */
  public static SqlMigration parse(Path file, String content) {
    HeaderParser.SqlFile sql = HeaderParser.readSql(file, content);
    try {
      return new SqlMigration(
          SqlSplitter.splitWithLines(sql.upgrade(), sql.upgradeLine()),
          sql.downgrade().map(text -> SqlSplitter.splitWithLines(text, sql.downgradeLine())));
    } catch (SqlSplitter.SyntaxException e) {
      throw new MigrationFileException(file, e.line, e.problem);
    }
  }
}
