package dev.retort.script;

import dev.retort.error.MigrationFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the comments of a SQL file are, found once with the splitter's rules and only when asked: a
 * {@code --} at the start of a line is a comment only outside strings, quoted identifiers, dollar
 * quotes and block comments, so a directive inside a multi-line quoted name (a table named {@code
 * "x<newline>-- retort:downgrade"}) is no directive.
 */
final class CommentIndex {
  private final Path file;
  private final String content;
  private List<int[]> ranges;

  CommentIndex(Path file, String content) {
    this.file = file;
    this.content = content;
  }

  /** The comment {@code offset} lies in, as {@code {start, end}}, or null. */
  int[] containing(int offset) {
    List<int[]> all = ranges();
    int lo = 0;
    int hi = all.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int[] c = all.get(mid);
      if (offset < c[0]) {
        hi = mid - 1;
      } else if (offset >= c[1]) {
        lo = mid + 1;
      } else {
        return c;
      }
    }
    return null;
  }

  /** Whether a comment starts at {@code offset}. */
  boolean startsAt(int offset) {
    int[] c = containing(offset);
    return c != null && c[0] == offset;
  }

  private List<int[]> ranges() {
    if (ranges == null) {
      try {
        ranges = SqlSplitter.comments(content);
      } catch (SqlSplitter.SyntaxException e) {
        throw new MigrationFileException(file, e.line, e.problem);
      }
    }
    return ranges;
  }
}
