package dev.retort.script;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.retort.error.MigrationFileException;
import java.nio.file.Path;
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
 * <p>A file may instead hold one section per database: after the header, each {@code --
 * retort:dialect postgresql} (or {@code sqlite}, {@code mysql}, or several comma-separated) line
 * opens a section with its own {@code -- retort:upgrade} and optional {@code -- retort:downgrade};
 * see {@link SqlMigration}. The header ends at the first such line.
 *
 * <p>A Java migration carries the same keys in its {@code @Revision(...)} annotation. Every problem
 * is a {@link MigrationFileException} naming the file and line.
 *
 * <p>The work is done by {@link SqlFileReader} (the layout of a SQL file: header, dialect sections,
 * upgrade and downgrade), {@link SqlHeader} (the SQL header keys) and {@link JavaHeader}; the
 * revision id and branch label rules that both formats share stay here.
 */
public final class HeaderParser {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
  static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

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

  static SqlFile readSql(Path file, String content) {
    return readSql(file, content, Checksum.of(content.getBytes(UTF_8)));
  }

  /** For callers that hold the file's bytes: no second encoding just for the checksum. */
  static SqlFile readSql(Path file, String content, String checksum) {
    return new SqlFileReader(file, content, checksum).read();
  }

  static Revision parseJava(Path file, String content, String checksum) {
    return JavaHeader.read(file, content).toRevision(file, checksum);
  }

  /**
   * Whether {@code id} matches {@link #ID}; a loop, as it runs for every header on every command.
   */
  public static boolean isValidId(String id) {
    if (id.isEmpty() || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (!idChar(id.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean idChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /**
   * The words a target can be, which a revision id may not be: {@code upgrade head} must never mean
   * a revision called {@code head}. Compared without case, as a user would read them.
   */
  private static final java.util.Set<String> RESERVED =
      java.util.Set.of("head", "heads", "base", "current");

  /** Whether {@code id} is one of the target words ({@code head}, {@code base}...) in any case. */
  public static boolean isReservedId(String id) {
    return RESERVED.contains(id.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Why {@code id} cannot be a revision id, or empty when it can: 1-64 of A-Z a-z 0-9 _, and not a
   * target word.
   */
  public static java.util.Optional<String> idProblem(String id) {
    if (!isValidId(id)) {
      return java.util.Optional.of(
          "'"
              + dev.retort.text.Inert.text(id)
              + "' is not a valid revision id (1-64 of A-Z a-z 0-9 _)");
    }
    if (isReservedId(id)) {
      return java.util.Optional.of(
          "'"
              + id
              + "' is not a valid revision id: head, heads, base "
              + "and current are target words");
    }
    return java.util.Optional.empty();
  }

  static String checkId(Path file, int line, String what, String id) {
    java.util.Optional<String> problem = idProblem(id);
    if (problem.isPresent()) {
      throw new MigrationFileException(file, line, what + " " + problem.get());
    }
    return id;
  }

  /**
   * Refuses a message with a line break or another control character: it is written as one line of
   * a header and shown in comments and on terminals, where such a character could end a comment and
   * turn the rest into SQL.
   */
  static String checkMessage(Path file, int line, String message) {
    java.util.OptionalInt bad = dev.retort.text.Inert.firstControl(message);
    if (bad.isPresent()) {
      throw new MigrationFileException(
          file,
          line,
          "the message holds a control character ("
              + dev.retort.text.Inert.describe(bad.getAsInt())
              + "); a revision message is one line of "
              + "plain text");
    }
    return message;
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
}
