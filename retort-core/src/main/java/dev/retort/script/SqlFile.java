package dev.retort.script;

import java.util.List;
import java.util.Optional;

/**
 * A SQL migration's header and where its parts lie in {@code content}; read by {@link
 * HeaderParser#readSql(java.nio.file.Path, String)}.
 */
record SqlFile(
    Revision revision, String content, List<SqlFile.Part> parts, List<SqlFile.Todo> todos) {

  /**
   * A {@code -- retort:todo} line: the migration is not finished, and refuses to run until the line
   * is deleted (autogenerate writes one where the user must write a back-fill).
   */
  record Todo(int line, String text) {}

  /**
   * One upgrade/downgrade pair of a SQL migration, as offsets into the file's content.
   *
   * @param dialects the databases it is written for; empty for a file without dialect sections,
   *     whose only part serves every database
   * @param line the line of its {@code -- retort:dialect} marker, or of {@code -- retort:upgrade}
   * @param downgradeFrom -1 when the part has no downgrade section
   */
  record Part(
      List<String> dialects,
      int line,
      int upgradeFrom,
      int upgradeTo,
      int upgradeLine,
      int downgradeFrom,
      int downgradeTo,
      int downgradeLine) {}

  /** The dialects the file has sections for, in file order; empty when it serves every one. */
  List<String> dialects() {
    return parts.stream().flatMap(p -> p.dialects().stream()).toList();
  }

  /** The part written for {@code dialect}, or the only part of a file without sections. */
  Optional<Part> part(String dialect) {
    if (parts.size() == 1 && parts.get(0).dialects().isEmpty()) {
      return Optional.of(parts.get(0));
    }
    return parts.stream().filter(p -> p.dialects().contains(dialect)).findFirst();
  }

  String upgrade(Part p) {
    return content.substring(p.upgradeFrom(), p.upgradeTo());
  }

  /** Empty when the part has no downgrade section. */
  Optional<String> downgrade(Part p) {
    return p.downgradeFrom() < 0
        ? Optional.empty()
        : Optional.of(content.substring(p.downgradeFrom(), p.downgradeTo()));
  }
}
