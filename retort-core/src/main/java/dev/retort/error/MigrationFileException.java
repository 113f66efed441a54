package dev.retort.error;

import java.nio.file.Path;

/** A migration file that cannot be read: a malformed header, a missing section, a compile error. */
public class MigrationFileException extends UsageException {
  private static final long serialVersionUID = 1L;
  private final Path file;

  public MigrationFileException(Path file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
  }

  /** The offending file. */
  public Path file() {
    return file;
  }
}
