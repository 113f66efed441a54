package dev.retort.script;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.retort.error.MigrationFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a migration's header without compiling or running anything, so that a no-op {@code upgrade}
 * over thousands of files stays fast.
 *
 * <p>A SQL migration starts with {@code --} header lines:
 *
 * <pre>{@code
 * -- retort:revision bc311ce7dcf8
 * -- retort:revises 1a2b3c4d5e6f
 * -- retort:message increase password column length
 * -- retort:upgrade
 * ALTER TABLE users ALTER COLUMN password TYPE varchar(255);
 * -- retort:downgrade
 * ALTER TABLE users ALTER COLUMN password TYPE varchar(128);
 * }</pre>
 *
 * <p>A file may instead hold one section per database: after the header, each {@code -- retort:dialect
 * postgresql} (or {@code sqlite}, {@code mysql}, or several comma-separated) line opens a section
 * with its own {@code -- retort:upgrade} and optional {@code -- retort:downgrade}; see {@link
 * SqlMigration}. The header ends at the first such line.
 *
 * <p>A Java migration carries the same keys in its {@code @Revision(...)} annotation. Every problem
 * is a {@link MigrationFileException} naming the file and line.
 */
public final class HeaderParser {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
  static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

  private static final List<String> SQL_KEYS =
      List.of(
          "revision",
          "revises",
          "branch-labels",
          "depends-on",
          "message",
          "transactional",
          "dialect",
          "upgrade",
          "downgrade");

  /**
   * The names a {@code -- retort:dialect} line may use: those of the built-in dialects ({@code
   * Dialect.name()}). MariaDB and MySQL share {@code mysql}.
   */
  static final List<String> DIALECTS = List.of("postgresql", "sqlite", "mysql");

  private HeaderParser() {}

  /** The header of a SQL migration; see the class comment for the format. */
  public static Revision parseSql(Path file, String content) {
    return readSql(file, content).revision();
  }

  /** The header of a Java migration: the keys of its {@code @Revision} annotation. */
  public static Revision parseJava(Path file, String content) {
    return parseJava(file, content, Checksum.of(content.getBytes(UTF_8)));
  }

  /** The simple name of the top-level class or record that carries {@code @Revision}. */
  public static String javaClassName(Path file, String content) {
    return JavaHeader.read(file, content).className();
  }

  /**
   * One upgrade/downgrade pair of a SQL migration, as offsets into the file's content.
   *
   * @param dialects the databases it is written for; empty for a file without dialect sections,
   *     whose only part serves every database
   * @param line the line of its {@code -- retort:dialect} marker, or of {@code -- retort:upgrade}
   * @param downgradeFrom -1 when the part has no downgrade section
   */
  record Part(
      List<String> dialects,
      int line,
      int upgradeFrom,
      int upgradeTo,
      int upgradeLine,
      int downgradeFrom,
      int downgradeTo,
      int downgradeLine) {}

  /** A SQL migration's header and where its parts lie in {@code content}. */
  record SqlFile(Revision revision, String content, List<Part> parts) {

    /** The dialects the file has sections for, in file order; empty when it serves every one. */
    List<String> dialects() {
      return parts.stream().flatMap(p -> p.dialects().stream()).toList();
    }

    /** The part written for {@code dialect}, or the only part of a file without sections. */
    Optional<Part> part(String dialect) {
      if (parts.size() == 1 && parts.get(0).dialects().isEmpty()) {
        return Optional.of(parts.get(0));
      }
      return parts.stream().filter(p -> p.dialects().contains(dialect)).findFirst();
    }

    String upgrade(Part p) {
      return content.substring(p.upgradeFrom(), p.upgradeTo());
    }

    /** Empty when the part has no downgrade section. */
    Optional<String> downgrade(Part p) {
      return p.downgradeFrom() < 0
          ? Optional.empty()
          : Optional.of(content.substring(p.downgradeFrom(), p.downgradeTo()));
    }
  }

  static SqlFile readSql(Path file, String content) {
    return readSql(file, content, Checksum.of(content.getBytes(UTF_8)));
  }

  /** For callers that hold the file's bytes: no second encoding just for the checksum. */
  static SqlFile readSql(Path file, String content, String checksum) {
    return new SqlReader(file, content, checksum).read();
  }

  static Revision parseJava(Path file, String content, String checksum) {
    return JavaHeader.read(file, content).toRevision(file, checksum);
  }

  static String checkId(Path file, int line, String what, String id) {
    if (!ID.matcher(id).matches()) {
      throw new MigrationFileException(
          file, line, what + " '" + id + "' is not a valid revision id (1-64 of A-Z a-z 0-9 _)");
    }
    return id;
  }

  static String checkLabel(Path file, int line, String label) {
    if (!LABEL.matcher(label).matches()) {
      throw new MigrationFileException(
          file,
          line,
          "branch label '"
              + label
              + "' is not valid (1-64 of A-Z a-z 0-9 _ . -, not starting with . or -)");
    }
    return label;
  }

  /** Walks the file line by line; one instance per file. */
  private static final class SqlReader {
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
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, String> values = new HashMap<>();
    /** Where each dialect's section starts, to report a second one. */
    private final Map<String, Integer> dialectLines = new HashMap<>();
    private final List<Part> parts = new ArrayList<>();
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

    SqlReader(Path file, String content, String checksum) {
      this.file = file;
      this.checksum = checksum;
      this.content = content.startsWith("\uFEFF") ? content.substring(1) : content;
    }

    SqlFile read() {
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
      // The body can be large: jump between "retort:" occurrences instead of cutting every line.
      for (int k = content.indexOf("retort:", p); k >= 0; k = content.indexOf("retort:", p)) {
        int start = k;
        while (start > p
            && content.charAt(start - 1) != '\n'
            && content.charAt(start - 1) != '\r') {
          start--;
        }
        lineNo += 1 + newlines(p, start);
        int eol = endOfLine(k);
        int next = nextLine(eol);
        String line = content.substring(start, eol).strip();
        if (line.startsWith("--") && line.indexOf("retort:") > 0) {
          bodyLine(line, lineNo, start, next);
        }
        p = next;
      }
      if (section == Section.DIALECT) {
        throw noUpgrade();
      }
      endPart(len);
      return new SqlFile(revision(), content, parts);
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
            file,
            lineNo,
            "SQL before '-- retort:upgrade'; the header holds only '--' comment lines");
      }
      String key = directive(line, lineNo);
      if (key == null) {
        return;
      }
      if (key.equals("upgrade") || key.equals("dialect")) {
        if (!seen.containsKey("revision")) {
          throw new MigrationFileException(
              file, lineNo, "missing '-- retort:revision <id>' before '-- retort:" + key + "'");
        }
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
      Integer first = seen.putIfAbsent(key, lineNo);
      if (first != null) {
        throw new MigrationFileException(
            file, lineNo, "duplicate key 'retort:" + key + "' (first at line " + first + ")");
      }
      values.put(key, argument(line, key));
      check(key, values.get(key), lineNo);
    }

    private void bodyLine(String line, int lineNo, int lineStart, int next) {
      String key = directive(line, lineNo);
      if (key == null) {
        return;
      }
      String where = sectioned ? " in the section for " + String.join(", ", partDialects) : "";
      switch (key) {
        case "dialect" -> {
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
        case "upgrade" -> {
          if (section == Section.DIALECT) {
            onlyComments(partFrom, lineStart, lineNo - newlines(partFrom, lineStart));
            startUpgrade(lineNo, next);
          } else {
            throw new MigrationFileException(
                file,
                lineNo,
                section == Section.UPGRADE
                    ? "'-- retort:upgrade' appears twice" + where
                    : "'-- retort:upgrade' after '-- retort:downgrade'" + where
                        + "; upgrade comes first");
          }
        }
        case "downgrade" -> {
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
                    ? "'-- retort:downgrade' before '-- retort:upgrade'" + where
                        + "; upgrade comes first"
                    : "'-- retort:downgrade' appears twice" + where);
          }
        }
        default ->
            throw new MigrationFileException(
                file,
                lineNo,
                "header key 'retort:" + key + "' after '-- retort:"
                    + (sectioned ? "dialect" : "upgrade") + "'; move it into the header");
      }
    }

    /** Opens the section of a {@code -- retort:dialect name[, name...]} line. */
    private void startPart(String line, int lineNo, int lineStart) {
      List<String> names = list(argument(line, "dialect"), lineNo, "dialect");
      if (names.isEmpty()) {
        throw new MigrationFileException(
            file,
            lineNo,
            "'-- retort:dialect' needs a database: one or more of "
                + String.join(", ", DIALECTS));
      }
      for (String name : names) {
        if (!DIALECTS.contains(name)) {
          throw new MigrationFileException(
              file,
              lineNo,
              "unknown dialect '" + name + "'" + hint(name) + "; known dialects: "
                  + String.join(", ", DIALECTS));
        }
        Integer first = dialectLines.putIfAbsent(name, lineNo);
        if (first != null) {
          throw new MigrationFileException(
              file,
              lineNo,
              "a second section for dialect '" + name + "' (the first starts at line " + first
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
          "the section for " + String.join(", ", partDialects)
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

    /** The key of a {@code -- retort:key value} line, or null for an ordinary comment. */
    private String directive(String line, int lineNo) {
      String body = line.substring(2).stripLeading();
      if (!body.startsWith("retort:")) {
        return null;
      }
      int end = 7;
      while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
        end++;
      }
      String key = body.substring(7, end);
      if (!SQL_KEYS.contains(key)) {
        throw new MigrationFileException(
            file,
            lineNo,
            "unknown header key 'retort:" + key + "'; known keys: " + String.join(", ", SQL_KEYS));
      }
      if ((key.equals("upgrade") || key.equals("downgrade")) && !argument(line, key).isEmpty()) {
        throw new MigrationFileException(
            file,
            lineNo,
            "unexpected text after '-- retort:" + key + "'; put SQL on the next line");
      }
      return key;
    }

    private static String argument(String line, String key) {
      String body = line.substring(2).stripLeading();
      return body.substring(7 + key.length()).strip();
    }
    private void check(String key, String value, int lineNo) {
      switch (key) {
        case "revision" -> {
          if (value.isEmpty()) {
            throw new MigrationFileException(file, lineNo, "'-- retort:revision' needs an id");
          }
          checkId(file, lineNo, "revision", value);
        }
        case "revises", "depends-on" ->
            list(value, lineNo, key).forEach(id -> checkId(file, lineNo, key, id));
        case "branch-labels" -> list(value, lineNo, key).forEach(l -> checkLabel(file, lineNo, l));
        case "transactional" -> {
          if (!value.equals("true") && !value.equals("false")) {
            throw new MigrationFileException(
                file, lineNo, "'retort:transactional' must be true or false, not '" + value + "'");
          }
        }
        default -> {}
      }
    }

    private List<String> list(String value, int lineNo, String key) {
      Set<String> items = new LinkedHashSet<>();
      if (value.isBlank()) {
        return List.of();
      }
      for (String part : value.split(",", -1)) {
        String item = part.strip();
        if (item.isEmpty()) {
          throw new MigrationFileException(
              file, lineNo, "empty item in 'retort:" + key + "'; separate items with one comma");
        }
        if (!items.add(item)) {
          throw new MigrationFileException(
              file, lineNo, "'retort:" + key + "' lists '" + item + "' twice");
        }
      }
      return new ArrayList<>(items);
    }

    private Revision revision() {
      return new Revision(
          values.get("revision"),
          list(values.getOrDefault("revises", ""), 0, "revises"),
          Set.copyOf(list(values.getOrDefault("branch-labels", ""), 0, "branch-labels")),
          list(values.getOrDefault("depends-on", ""), 0, "depends-on"),
          values.getOrDefault("message", ""),
          !"false".equals(values.get("transactional")),
          Optional.of(file),
          Revision.Format.SQL,
          checksum);
    }
  }
}
