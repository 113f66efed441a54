package dev.retort.runtime;

/** Which way a step moves the schema, as recorded in the history table. */
public enum Direction {
  UP("up"),
  DOWN("down"),
  STAMP("stamp");

  private final String word;

  Direction(String word) {
    this.word = word;
  }

  /** The word stored in the history table. */
  public String word() {
    return word;
  }
}
