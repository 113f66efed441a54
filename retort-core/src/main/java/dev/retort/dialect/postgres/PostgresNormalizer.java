package dev.retort.dialect.postgres;

import dev.retort.diff.TableNormalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's canonical forms, beyond the shared ones: check expressions as {@code
 * pg_get_constraintdef} prints them cast their constants ({@code price >= (0)::numeric}, {@code
 * score >= '-1'::integer}, {@code kind <> 'x'::text}), which a definition does not write, so a cast
 * on a plain constant is dropped on both sides. A text-like column is cast to text before a
 * comparison ({@code (status)::text <> ''}), and {@code status IN ('a', 'b')} comes back as {@code
 * (status)::text = ANY ((ARRAY['a'::character varying, ...])::text[])}; both are read back into the
 * form a definition writes. Unquoted names fold to lower case, as PostgreSQL folds them. {@code x
 * BETWEEN a AND b} (Hibernate's check on an ordinal enum) is kept as {@code (x >= a) AND (x <= b)},
 * and is read so. An {@code IN} list of one value is kept as the comparison it is ({@code status IN
 * ('a')} as {@code (status)::text = 'a'::text}, {@code NOT IN} as {@code <>}), and is read so: it
 * is what Hibernate's check on an enum of one constant says.
 */
final class PostgresNormalizer extends TableNormalizer {
  private static final Pattern CAST_NUMBER =
      Pattern.compile(
          "\\((-?\\d+(?:\\.\\d+)?)\\)::(integer|bigint|smallint|numeric|real|double precision)"
              + "(\\(\\d+(,\\d+)?\\))?");
  private static final Pattern QUOTED_NUMBER =
      Pattern.compile(
          "'(-?\\d+(?:\\.\\d+)?)'::(integer|bigint|smallint|numeric|real|double precision)");
  private static final Pattern CAST_STRING =
      Pattern.compile("('(?:[^']|'')*')::(text|character varying|bpchar)");

  private static final Pattern CAST_COLUMN =
      Pattern.compile("\\(([a-z_][a-z0-9_]*)\\)::(text|character varying|bpchar)(?![\\w\\[])");

  /** The same cast as pg_get_indexdef's pretty form prints it, without the parentheses. */
  private static final Pattern BARE_CAST_COLUMN =
      Pattern.compile(
          "(?<![\\w'\")\\]])([a-z_][a-z0-9_]*)::(text|character varying|bpchar)(?![\\w\\[])");

  private static final Pattern ANY_ARRAY =
      Pattern.compile(
          "(?i)= ANY \\(\\(?ARRAY\\[((?:'(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?)(?:, ?(?:'(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?))*)\\]"
              + "\\)?(?:::[a-z ]+\\[\\])?\\)");

  private static final Pattern BETWEEN =
      Pattern.compile(
          "(?i)([a-z_][a-z0-9_]*) between (-?\\d+(?:\\.\\d+)?) and (-?\\d+(?:\\.\\d+)?)");

  /** {@code IN} (or {@code NOT IN}) a list of one constant. */
  private static final Pattern SINGLE_IN =
      Pattern.compile("(?i)\\s+(NOT\\s+)?IN\\s*\\(\\s*('(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?)\\s*\\)");

  @Override
  protected String checkExpression(String expression) {
    // PostgreSQL folds unquoted names to lower case, and prints them so
    String s = CAST_NUMBER.matcher(foldCase(expression, "\"")).replaceAll("$1");
    s = BETWEEN.matcher(s).replaceAll("($1 >= $2) AND ($1 <= $3)");
    s = QUOTED_NUMBER.matcher(s).replaceAll("$1");
    s = CAST_STRING.matcher(s).replaceAll("$1");
    s = CAST_COLUMN.matcher(s).replaceAll("$1");
    s = BARE_CAST_COLUMN.matcher(s).replaceAll("$1");
    s = ANY_ARRAY.matcher(s).replaceAll(m -> Matcher.quoteReplacement("IN (" + m.group(1) + ")"));
    return SINGLE_IN
        .matcher(s)
        .replaceAll(
            m -> Matcher.quoteReplacement((m.group(1) == null ? " = " : " <> ") + m.group(2)));
  }

  /**
   * A partitioned table's key and the tables a table inherits from ({@link PostgresPartitions}).
   */
  @Override
  protected boolean keepsTableOptions() {
    return true;
  }
}
