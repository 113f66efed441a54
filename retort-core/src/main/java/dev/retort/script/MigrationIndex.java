package dev.retort.script;

import dev.retort.text.Inert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The index of compiled Java migrations that {@link RevisionProcessor} writes at build time, one
 * per class path entry, as {@value #RESOURCE}. Retort reads the headers of compiled migrations from
 * it instead of loading every class (or scanning the class path), so a no-op {@code upgrade} loads
 * none of them.
 *
 * <p>The format, version 1: UTF-8 text; a first line {@value #FIRST_LINE}; then one line per
 * migration, its fields separated by tabs: the class's binary name, the revision id, the parents,
 * the branch labels, the revisions it depends on (each a comma-separated list, empty for none),
 * {@code true} or {@code false} for transactional, the checksum, and the message (last, as it may
 * hold spaces; it holds no tab, as a message holds no control character). Blank lines and lines
 * starting with {@code #} are ignored. A reader meets a later version's first line with an error
 * that says to upgrade Retort.
 *
 * <p>The checksum is the one the command line records for the migration's source file: SHA-256 of
 * the source text as UTF-8 with line endings normalised to LF ({@link Checksum}). So a migration
 * applied from its source by the command line and later run compiled from the application's jar (or
 * the other way round) is the same migration to both, and a change to the source (code, comments,
 * header) is a change, whichever compiler or JDK built the class.
 */
public final class MigrationIndex {
  /** Where the index lives in a class path entry. */
  public static final String RESOURCE = "META-INF/retort/migrations";

  /** The first line of a version 1 index. */
  public static final String FIRST_LINE = "# retort migration index, version 1";

  private static final String VERSION_PREFIX = "# retort migration index, version ";

  private MigrationIndex() {}

  /**
   * One compiled migration's header.
   *
   * @param className the binary name of the class ({@code db.retort.V1_Init})
   * @param id the revision id
   * @param revises the parent revisions
   * @param branchLabels labels naming the branch that starts here
   * @param dependsOn revisions that must be applied first without being parents
   * @param transactional whether it runs inside one transaction
   * @param checksum the checksum of its source file (see the class comment)
   * @param message what it does
   */
  public record Entry(
      String className,
      String id,
      List<String> revises,
      List<String> branchLabels,
      List<String> dependsOn,
      boolean transactional,
      String checksum,
      String message) {
    public Entry {
      revises = List.copyOf(revises);
      branchLabels = List.copyOf(branchLabels);
      dependsOn = List.copyOf(dependsOn);
    }

    /** The package of the class, empty for the unnamed package. */
    public String packageName() {
      int dot = className.lastIndexOf('.');
      return dot < 0 ? "" : className.substring(0, dot);
    }

    /** The class's simple name. */
    public String simpleName() {
      return className.substring(className.lastIndexOf('.') + 1);
    }
  }

  /**
   * What is wrong with {@code e} as a migration header, in words, or empty: ids that are not ids,
   * labels that are not labels, a message with a control character. The annotation processor
   * reports these at build time, where the annotation is.
   */
  public static List<String> problems(Entry e) {
    List<String> problems = new ArrayList<>();
    HeaderParser.idProblem(e.id()).ifPresent(p -> problems.add("id: " + p));
    for (String parent : e.revises()) {
      HeaderParser.idProblem(parent).ifPresent(p -> problems.add("revises: " + p));
    }
    for (String dep : e.dependsOn()) {
      HeaderParser.idProblem(dep).ifPresent(p -> problems.add("dependsOn: " + p));
    }
    for (String label : e.branchLabels()) {
      if (!HeaderParser.LABEL.matcher(label).matches()) {
        problems.add(
            "branchLabels: '"
                + Inert.text(label)
                + "' is not a valid branch label (1-64 of "
                + "A-Z a-z 0-9 _ . -, not starting with . or -)");
      }
    }
    Inert.firstControl(e.message())
        .ifPresent(
            c ->
                problems.add(
                    "message: it holds a control "
                        + "character ("
                        + Inert.describe(c)
                        + "); a revision message is one line of plain text"));
    return problems;
  }

  /** The index text for {@code entries}, in the order given. */
  public static String write(List<Entry> entries) {
    StringBuilder out = new StringBuilder(FIRST_LINE).append('\n');
    for (Entry e : entries) {
      out.append(e.className())
          .append('\t')
          .append(e.id())
          .append('\t')
          .append(String.join(",", e.revises()))
          .append('\t')
          .append(String.join(",", e.branchLabels()))
          .append('\t')
          .append(String.join(",", e.dependsOn()))
          .append('\t')
          .append(e.transactional())
          .append('\t')
          .append(e.checksum())
          .append('\t')
          .append(e.message())
          .append('\n');
    }
    return out.toString();
  }

  /**
   * The entries of an index's text.
   *
   * @param origin where the text came from, for messages (the URL of the index)
   * @throws dev.retort.error.UsageException naming the origin and line when a line is malformed or
   *     the index is of a later version
   */
  public static List<Entry> read(String text, String origin) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith(VERSION_PREFIX) && !line.equals(FIRST_LINE)) {
        throw malformed(
            origin,
            i + 1,
            "is an index of another version ('"
                + Inert.text(line)
                + "'); this Retort reads version 1: build the application with the same Retort"
                + " version it runs with");
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 8);
      if (f.length != 8 || !(f[5].equals("true") || f[5].equals("false"))) {
        throw malformed(
            origin,
            i + 1,
            "is not an index line (class, id, revises, branch labels, "
                + "depends on, transactional, checksum, message, separated by tabs): '"
                + Inert.text(line)
                + "'");
      }
      Entry e =
          new Entry(
              f[0],
              f[1],
              list(f[2]),
              list(f[3]),
              list(f[4]),
              Boolean.parseBoolean(f[5]),
              f[6],
              f[7]);
      Optional<String> problem = problems(e).stream().findFirst();
      if (problem.isPresent()) {
        throw malformed(origin, i + 1, "class " + e.className() + ": " + problem.get());
      }
      entries.add(e);
    }
    return entries;
  }

  private static List<String> list(String field) {
    return field.isEmpty() ? List.of() : Arrays.asList(field.split(","));
  }

  private static dev.retort.error.UsageException malformed(String origin, int line, String what) {
    return new dev.retort.error.UsageException(
        "the migration index " + origin + ", line " + line + ", " + what);
  }
}
