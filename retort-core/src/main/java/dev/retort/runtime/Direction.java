package dev.retort.runtime;

/** Which way a step moves the schema, as recorded in the history table. */
public enum Direction {
  UP("up"),
  DOWN("down"),
  STAMP("stamp"),
  /** A checksum re-recorded, or a dirty state cleared, by {@code repair}. */
  REPAIR("repair");

  private final String word;

  Direction(String word) {
    this.word = word;
  }

  /** The direction a history row's word names. */
  static Direction fromWord(String word) {
    for (Direction d : values()) {
      if (d.word.equals(word)) {
        return d;
      }
    }
    throw new IllegalArgumentException("no direction '" + word + "'");
  }

  /** The word stored in the history table. */
  public String word() {
    return word;
  }
}
