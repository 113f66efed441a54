package dev.retort.diff;

/**
 * A drop and an add that look like a rename. Retort never turns one into a rename silently: it
 * writes the drop and the add and reports this, so that the user can say {@code --rename}.
 *
 * @param kind a table or a column
 * @param from the dropped name ({@code table} or {@code table.column})
 * @param to the added name
 */
public record RenameCandidate(Kind kind, String from, String to) {
  /** What was dropped and added. */
  public enum Kind {
    TABLE,
    COLUMN;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The warning written into the migration and on stderr. */
  public String warning() {
    return "possible rename: "
        + kind
        + " "
        + from
        + " was dropped and "
        + to
        + " added with the same "
        + "shape; if it is a rename, say --rename "
        + from
        + "="
        + to.substring(to.lastIndexOf('.') + 1)
        + " (data in "
        + from
        + " is lost otherwise)";
  }
}
