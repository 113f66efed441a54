package dev.retort.error;

/**
 * The migration files do not form a valid graph, or a target does not name a revision in it:
 * duplicate ids, missing parents, cycles, ambiguous prefixes, unknown revisions, several heads.
 */
public class RevisionGraphException extends UsageException {
  private static final long serialVersionUID = 1L;

  public RevisionGraphException(String message) {
    super(message);
  }
}
