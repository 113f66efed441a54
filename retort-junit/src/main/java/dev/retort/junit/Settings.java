package dev.retort.junit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the kit needs besides the database: where the project is, which migrations and desired
 * schema, and what the downgrade checks leave out. {@link RetortTest}'s attributes, as a value, for
 * building a {@link RetortRunner} without the extension (from a framework's test support).
 *
 * @param project the project directory, whose settings are read as the command line reads them
 * @param migrations overrides the project's {@code migrations} setting
 * @param schema overrides the project's {@code schema} setting
 * @param skipRevisions revisions whose downgrade {@link MigrationChecks#upDownConsistency()} does
 *     not check
 * @param minimumDowngradeRevision the lowest revision downgrades are checked down to
 */
public record Settings(
    Path project,
    Optional<String> migrations,
    Optional<String> schema,
    List<String> skipRevisions,
    Optional<String> minimumDowngradeRevision) {
  public Settings {
    skipRevisions = List.copyOf(skipRevisions);
  }

  /** The working directory's project, its own settings, nothing skipped. */
  public static Settings defaults() {
    return new Settings(
        Path.of(""), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }

  /** The settings a {@link RetortTest} annotation gives. */
  public static Settings of(RetortTest test) {
    return new Settings(
        Path.of(test.project()),
        text(test.migrations()),
        text(test.schema()),
        List.of(test.skipRevisions()),
        text(test.minimumDowngradeRevision()));
  }

  public Settings withProject(Path dir) {
    return new Settings(dir, migrations, schema, skipRevisions, minimumDowngradeRevision);
  }

  public Settings withMigrations(String location) {
    return new Settings(project, text(location), schema, skipRevisions, minimumDowngradeRevision);
  }

  public Settings withSchema(String desired) {
    return new Settings(
        project, migrations, text(desired), skipRevisions, minimumDowngradeRevision);
  }

  public Settings withSkipRevisions(List<String> revisions) {
    return new Settings(project, migrations, schema, revisions, minimumDowngradeRevision);
  }

  public Settings withMinimumDowngradeRevision(String revision) {
    return new Settings(project, migrations, schema, skipRevisions, text(revision));
  }

  private static Optional<String> text(String s) {
    return Optional.ofNullable(s).map(String::strip).filter(v -> !v.isEmpty());
  }
}
