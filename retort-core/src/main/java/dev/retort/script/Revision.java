package dev.retort.script;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One migration as its header describes it: read without compiling or running anything.
 *
 * @param id the revision id
 * @param parents the revisions this one revises: none for a base, two or more for a merge
 * @param branchLabels labels naming the branch that starts here
 * @param dependsOn revisions that must be applied first without being parents
 * @param message the human description
 * @param transactional whether it runs inside one transaction (the default)
 * @param file the migration file, or empty for a revision built in memory
 * @param format how the file is written
 * @param checksum SHA-256 of the file with line endings normalised, in hex; empty in memory
 */
public record Revision(
    String id,
    List<String> parents,
    Set<String> branchLabels,
    List<String> dependsOn,
    String message,
    boolean transactional,
    Optional<Path> file,
    Format format,
    String checksum) {

  /** How a migration file is written. */
  public enum Format {
    SQL,
    JAVA
  }

  public Revision {
    requireNonNull(id, "id");
    requireNonNull(message, "message");
    requireNonNull(file, "file");
    requireNonNull(format, "format");
    requireNonNull(checksum, "checksum");
    parents = List.copyOf(parents);
    branchLabels = Set.copyOf(branchLabels);
    dependsOn = List.copyOf(dependsOn);
  }

  /** A revision with no file, for building graphs in memory (tests, planning tools). */
  public static Revision of(String id, List<String> parents) {
    return new Revision(
        id, parents, Set.of(), List.of(), "", true, Optional.empty(), Format.SQL, "");
  }

  public Revision withBranchLabels(Set<String> labels) {
    return new Revision(
        id, parents, labels, dependsOn, message, transactional, file, format, checksum);
  }

  public Revision withDependsOn(List<String> deps) {
    return new Revision(
        id, parents, branchLabels, deps, message, transactional, file, format, checksum);
  }

  /** Whether this revision joins two or more parents. */
  public boolean isMerge() {
    return parents.size() > 1;
  }

  /** Whether this revision has no parent. */
  public boolean isBase() {
    return parents.isEmpty();
  }

  /** Where the revision came from, for messages: the file, or the id for an in-memory one. */
  public String origin() {
    return file.map(Path::toString).orElse("revision " + id);
  }
}
