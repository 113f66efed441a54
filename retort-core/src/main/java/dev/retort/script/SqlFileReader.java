package dev.retort.script;

import dev.retort.error.MigrationFileException;
import dev.retort.script.SqlFile.Part;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a SQL migration line by line: the header, then one part per {@code -- retort:dialect}
 * section (or the one part of a file without sections) with its upgrade and downgrade. One instance
 * per file.
 */
final class SqlFileReader {
  /**
   * The names a {@code -- retort:dialect} line may use: those of the built-in dialects ({@code
   * Dialect.name()}). MariaDB and MySQL share {@code mysql}.
   */
  private static final List<String> DIALECTS = List.of("postgresql", "sqlite", "mysql");

  private enum Section {
    HEADER,
    /** After a {@code -- retort:dialect} line, before its {@code -- retort:upgrade}. */
    DIALECT,
    UPGRADE,
    DOWNGRADE
  }

  private final Path file;
  private final String content;
  private final String checksum;
  private final SqlHeader header;
  private final CommentIndex comments;

  /** Where each dialect's section starts, to report a second one. */
  private final Map<String, Integer> dialectLines = new HashMap<>();

  private final List<Part> parts = new ArrayList<>();
  private final List<SqlFile.Todo> todos = new ArrayList<>();
  private Section section = Section.HEADER;
  private boolean sectioned;
  private List<String> partDialects = List.of();
  private int partLine;
  private int partFrom;
  private int upgradeFrom = -1;
  private int upgradeLine;
  private int downgradeMarker = -1;
  private int downgradeFrom = -1;
  private int downgradeLine;

  SqlFileReader(Path file, String content, String checksum) {
    this.file = file;
    this.checksum = checksum;
    this.header = new SqlHeader(file);
    this.content = content.startsWith("\uFEFF") ? content.substring(1) : content;
    this.comments = new CommentIndex(file, this.content);
  }

  SqlFile read() {
    NearMisses.check(file, content, comments);
    int[] end = header();
    int lineNo = end[0];
    int p = end[1];
    int len = content.length();
    // The body can be large: jump between "retort:" occurrences instead of cutting every line.
    for (int k = content.indexOf("retort:", p); k >= 0; k = content.indexOf("retort:", p)) {
      int start = k;
      while (start > p && content.charAt(start - 1) != '\n' && content.charAt(start - 1) != '\r') {
        start--;
      }
      lineNo += 1 + newlines(p, start);
      int eol = endOfLine(k);
      int next = nextLine(eol);
      String line = content.substring(start, eol).strip();
      if (line.startsWith("--")
          && line.indexOf("retort:") > 0
          && comments.startsAt(content.indexOf("--", start))) {
        bodyLine(line, lineNo, start, next);
      }
      p = next;
    }
    if (section == Section.DIALECT) {
      throw noUpgrade();
    }
    endPart(len);
    return new SqlFile(header.revision(checksum), content, parts, todos);
  }

  /**
   * The revision the header makes, the body not looked at: for a file {@link ScriptStore} has read
   * whole before, or will (see {@link ScriptStore#checkBodies}). Its errors are {@link #read}'s for
   * the header; a file that {@link #read} accepts gives the same revision.
   */
  Revision readHeader() {
    header();
    return header.revision(checksum);
  }

  /** Reads the header lines; returns the last line's number and where the body starts. */
  private int[] header() {
    int lineNo = 0;
    int p = 0;
    int len = content.length();
    while (p < len && section == Section.HEADER) {
      lineNo++;
      int eol = endOfLine(p);
      int next = nextLine(eol);
      headerLine(content.substring(p, eol).strip(), lineNo, p, next);
      p = next;
    }
    if (section == Section.HEADER) {
      throw new MigrationFileException(
          file,
          Math.max(lineNo, 1),
          "no '-- retort:upgrade' line; put it after the header, before the upgrade statements");
    }
    return new int[] {lineNo, p};
  }

  private int endOfLine(int from) {
    int eol = from;
    while (eol < content.length() && content.charAt(eol) != '\n' && content.charAt(eol) != '\r') {
      eol++;
    }
    return eol;
  }

  private int nextLine(int eol) {
    int len = content.length();
    if (eol + 1 < len && content.charAt(eol) == '\r' && content.charAt(eol + 1) == '\n') {
      return eol + 2;
    }
    return Math.min(eol + 1, len);
  }

  /** Line breaks in [from, to): LF, CRLF (once) and lone CR, as the splitter counts them. */
  private int newlines(int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      char c = content.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= to || content.charAt(i + 1) != '\n'))) {
        count++;
      }
    }
    return count;
  }

  private void headerLine(String line, int lineNo, int lineStart, int next) {
    if (line.isEmpty()) {
      return;
    }
    if (!line.startsWith("--")) {
      throw new MigrationFileException(
          file, lineNo, "SQL before '-- retort:upgrade'; the header holds only '--' comment lines");
    }
    String key = header.directive(line, lineNo);
    if (key == null) {
      return;
    }
    if (key.equals("upgrade") || key.equals("dialect")) {
      header.requireRevisionBefore(key, lineNo);
      if (key.equals("dialect")) {
        sectioned = true;
        startPart(line, lineNo, lineStart);
      } else {
        startUpgrade(lineNo, next);
      }
      return;
    }
    if (key.equals("downgrade")) {
      throw new MigrationFileException(
          file, lineNo, "'-- retort:downgrade' before '-- retort:upgrade'; upgrade comes first");
    }
    if (key.equals("todo")) {
      todos.add(new SqlFile.Todo(lineNo, SqlHeader.argument(line, key)));
      return;
    }
    header.put(key, line, lineNo);
  }

  private void bodyLine(String line, int lineNo, int lineStart, int next) {
    String key = header.directive(line, lineNo);
    if (key == null) {
      return;
    }
    switch (key) {
      case "todo" -> todos.add(new SqlFile.Todo(lineNo, SqlHeader.argument(line, key)));
      case "dialect" -> bodyDialect(line, lineNo, lineStart);
      case "upgrade" -> bodyUpgrade(lineNo, lineStart, next);
      case "downgrade" -> bodyDowngrade(lineNo, lineStart, next);
      default ->
          throw new MigrationFileException(
              file,
              lineNo,
              "header key 'retort:"
                  + key
                  + "' after '-- retort:"
                  + (sectioned ? "dialect" : "upgrade")
                  + "'; move it into the header");
    }
  }

  /** A {@code -- retort:dialect} line after the header: the previous section ends. */
  private void bodyDialect(String line, int lineNo, int lineStart) {
    if (!sectioned) {
      throw new MigrationFileException(
          file,
          lineNo,
          "'-- retort:dialect' after a '-- retort:upgrade' that belongs to no dialect; in a "
              + "file with dialect sections the header ends at the first '-- retort:dialect', "
              + "and each section has its own '-- retort:upgrade'");
    }
    if (section == Section.DIALECT) {
      throw noUpgrade();
    }
    endPart(lineStart);
    startPart(line, lineNo, lineStart);
  }

  private void bodyUpgrade(int lineNo, int lineStart, int next) {
    if (section == Section.DIALECT) {
      onlyComments(partFrom, lineStart, lineNo - newlines(partFrom, lineStart));
      startUpgrade(lineNo, next);
    } else {
      throw new MigrationFileException(
          file,
          lineNo,
          section == Section.UPGRADE
              ? "'-- retort:upgrade' appears twice" + where()
              : "'-- retort:upgrade' after '-- retort:downgrade'"
                  + where()
                  + "; upgrade comes first");
    }
  }

  private void bodyDowngrade(int lineNo, int lineStart, int next) {
    if (section == Section.UPGRADE) {
      section = Section.DOWNGRADE;
      downgradeMarker = lineStart;
      downgradeFrom = next;
      downgradeLine = lineNo + 1;
    } else {
      throw new MigrationFileException(
          file,
          lineNo,
          section == Section.DIALECT
              ? "'-- retort:downgrade' before '-- retort:upgrade'"
                  + where()
                  + "; upgrade comes first"
              : "'-- retort:downgrade' appears twice" + where());
    }
  }

  /** Names the current section in a message, in a file that has sections. */
  private String where() {
    return sectioned ? " in the section for " + String.join(", ", partDialects) : "";
  }

  /** Opens the section of a {@code -- retort:dialect name[, name...]} line. */
  private void startPart(String line, int lineNo, int lineStart) {
    List<String> names = header.list(SqlHeader.argument(line, "dialect"), lineNo, "dialect");
    if (names.isEmpty()) {
      throw new MigrationFileException(
          file,
          lineNo,
          "'-- retort:dialect' needs a database: one or more of " + String.join(", ", DIALECTS));
    }
    for (String name : names) {
      if (!DIALECTS.contains(name)) {
        throw new MigrationFileException(
            file,
            lineNo,
            "unknown dialect '"
                + name
                + "'"
                + hint(name)
                + "; known dialects: "
                + String.join(", ", DIALECTS));
      }
      Integer first = dialectLines.putIfAbsent(name, lineNo);
      if (first != null) {
        throw new MigrationFileException(
            file,
            lineNo,
            "a second section for dialect '"
                + name
                + "' (the first starts at line "
                + first
                + "); each database has at most one section");
      }
    }
    section = Section.DIALECT;
    partDialects = names;
    partLine = lineNo;
    partFrom = nextLine(endOfLine(lineStart));
  }

  private static String hint(String name) {
    return switch (name) {
      case "postgres", "pg", "pgsql" -> " (did you mean postgresql?)";
      case "mariadb" -> " (MariaDB runs the 'mysql' section)";
      case "sqlite3" -> " (did you mean sqlite?)";
      default -> "";
    };
  }

  private void startUpgrade(int lineNo, int next) {
    section = Section.UPGRADE;
    upgradeFrom = next;
    upgradeLine = lineNo + 1;
    if (!sectioned) {
      partLine = lineNo;
    }
  }

  /** Closes the current part at {@code end}: the next dialect line, or the end of the file. */
  private void endPart(int end) {
    parts.add(
        new Part(
            partDialects,
            partLine,
            upgradeFrom,
            downgradeMarker < 0 ? end : downgradeMarker,
            upgradeLine,
            downgradeFrom,
            end,
            downgradeLine));
    upgradeFrom = -1;
    downgradeMarker = -1;
    downgradeFrom = -1;
  }

  private MigrationFileException noUpgrade() {
    return new MigrationFileException(
        file,
        partLine,
        "the section for "
            + String.join(", ", partDialects)
            + " has no '-- retort:upgrade' line; put it after '-- retort:dialect', before the "
            + "upgrade statements");
  }

  /** Between a dialect line and its upgrade line only comments and blank lines may stand. */
  private void onlyComments(int from, int to, int firstLine) {
    int lineNo = firstLine;
    for (int p = from; p < to; lineNo++) {
      int eol = endOfLine(p);
      String line = content.substring(p, eol).strip();
      if (!line.isEmpty() && !line.startsWith("--")) {
        throw new MigrationFileException(
            file,
            lineNo,
            "SQL between '-- retort:dialect' and '-- retort:upgrade'; statements go after "
                + "'-- retort:upgrade'");
      }
      p = nextLine(eol);
    }
  }
}
