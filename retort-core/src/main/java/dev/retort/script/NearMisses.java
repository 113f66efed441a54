package dev.retort.script;

import dev.retort.error.MigrationFileException;
import dev.retort.text.Inert;
import java.nio.file.Path;

/**
 * Finds comments in a SQL migration that look like a Retort directive but are not one: {@code --
 * RETORT:downgrade}, {@code -- retort :downgrade}, {@code /* retort:downgrade *}{@code /}, {@code
 * -- re<TAB>tort:downgrade}. Read as plain comments, they would silently run a downgrade's
 * statements as part of the upgrade, or make a revision a new root; so each is an error naming its
 * line, before anything runs.
 *
 * <p>A comment looks like a directive when its text, leading dashes, stars and whitespace skipped
 * and whitespace removed, starts with {@code retort:} in any case. A directive is exactly {@code --
 * retort:key} (spaces after the dashes allowed) at the start of a line, as {@link SqlFileReader}
 * reads it; anything else that looks like one is refused.
 */
final class NearMisses {
  private static final String WORD = "retort";

  private final Path file;
  private final String content;
  private final CommentIndex comments;

  private NearMisses(Path file, String content, CommentIndex comments) {
    this.file = file;
    this.content = content;
    this.comments = comments;
  }

  /**
   * @throws MigrationFileException at the first comment that looks like a directive and is not one
   */
  static void check(Path file, String content, CommentIndex comments) {
    new NearMisses(file, content, comments).run();
  }

  private void run() {
    // Cheap on the usual file: only a ':' after the letters r-e-t-o-r-t (any case, spaces between)
    // that is not an exact directive costs a look at the file's comments.
    for (int colon = content.indexOf(':'); colon >= 0; colon = content.indexOf(':', colon + 1)) {
      int start = wordBefore(colon);
      if (start < 0 || isExact(start)) {
        continue;
      }
      int[] comment = comments.containing(start);
      if (comment != null && onlyOpenerBefore(comment[0], start)) {
        int line = lineOf(start);
        String text = content.substring(comment[0], Math.min(comment[1], comment[0] + 80)).strip();
        throw new MigrationFileException(
            file,
            line,
            "'"
                + Inert.text(text)
                + "' looks like a Retort "
                + "directive but is not one, so it would be read as a plain comment; write a directive "
                + "exactly as '-- retort:<key>', lower case, in a '--' comment at the start of its line");
      }
    }
  }

  /**
   * The offset of the 'r' of "retort" (any case, whitespace between letters) ending just before
   * {@code colon}; -1 if none.
   */
  private int wordBefore(int colon) {
    int p = colon - 1;
    for (int k = WORD.length() - 1; k >= 0; k--) {
      while (p >= 0 && Character.isWhitespace(content.charAt(p))) {
        p--;
      }
      if (p < 0 || Character.toLowerCase(content.charAt(p)) != WORD.charAt(k)) {
        return -1;
      }
      p--;
    }
    if (p >= 0 && Character.isLetterOrDigit(content.charAt(p))) {
      return -1;
    }
    return p + 1;
  }

  /**
   * Whether the directive at {@code start} is written exactly: "retort:" after "--" and blanks
   * opening its line.
   */
  private boolean isExact(int start) {
    if (!content.startsWith(WORD + ":", start)) {
      return false;
    }
    int p = start - 1;
    while (p >= 0 && (content.charAt(p) == ' ' || content.charAt(p) == '\t')) {
      p--;
    }
    if (p < 1 || content.charAt(p) != '-' || content.charAt(p - 1) != '-') {
      return false;
    }
    p -= 2;
    while (p >= 0 && (content.charAt(p) == ' ' || content.charAt(p) == '\t')) {
      p--;
    }
    return p < 0
        || content.charAt(p) == '\n'
        || content.charAt(p) == '\r'
        || content.charAt(p) == '\uFEFF';
  }

  /**
   * Whether only the comment's opener, dashes, stars, slashes and whitespace stand between {@code
   * from} and {@code to}.
   */
  private boolean onlyOpenerBefore(int from, int to) {
    for (int p = from; p < to; p++) {
      char c = content.charAt(p);
      if (c != '-' && c != '*' && c != '/' && !Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private int lineOf(int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      char c = content.charAt(i);
      if (c == '\n'
          || (c == '\r' && (i + 1 >= content.length() || content.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }
}
