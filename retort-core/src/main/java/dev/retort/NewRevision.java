package dev.retort;

import dev.retort.error.UsageException;
import dev.retort.script.HeaderParser;
import dev.retort.text.Inert;
import java.util.List;
import java.util.Optional;

/**
 * What a new revision should be, for {@link Retort#revision} and {@link Retort#autogenerate}.
 *
 * <pre>{@code
 * Path file = retort.revision(new NewRevision("add users", Optional.empty(), List.of(),
 *     List.of(), List.of(), MigrationFormat.SQL));
 * }</pre>
 *
 * @param message what the migration does
 * @param revId the id to use, or empty for 12 random hex digits
 * @param heads the parents: revisions, {@code head}/{@code heads}, {@code BRANCH@head}, or {@code
 *     base} for a new root; empty for the single head
 * @param branchLabels labels naming the branch that starts here
 * @param dependsOn revisions that must be applied first without being parents
 * @param format Java or SQL
 * @param dialects for an SQL migration: the databases to write a {@code -- retort:dialect} section
 *     for ({@code Dialect.name()}s, in file order); empty for one unsectioned migration for the
 *     database at hand
 */
public record NewRevision(
    String message,
    Optional<String> revId,
    List<String> heads,
    List<String> branchLabels,
    List<String> dependsOn,
    MigrationFormat format,
    List<String> dialects) {
  /**
   * @throws UsageException when {@code message} holds a line break or another control character: it
   *     is written as one header line, and shown in comments and on terminals
   */
  public NewRevision {
    java.util.OptionalInt bad = Inert.firstControl(message);
    if (bad.isPresent()) {
      throw new UsageException(
          "the message holds a control character ("
              + Inert.describe(bad.getAsInt())
              + "); a revision message is one line of plain text");
    }
    revId.ifPresent(
        id ->
            HeaderParser.idProblem(id)
                .ifPresent(
                    p -> {
                      throw new UsageException(p);
                    }));
    heads = List.copyOf(heads);
    branchLabels = List.copyOf(branchLabels);
    dependsOn = List.copyOf(dependsOn);
    dialects = List.copyOf(dialects);
  }

  /** A revision without dialect sections. */
  public NewRevision(
      String message,
      Optional<String> revId,
      List<String> heads,
      List<String> branchLabels,
      List<String> dependsOn,
      MigrationFormat format) {
    this(message, revId, heads, branchLabels, dependsOn, format, List.of());
  }
}
