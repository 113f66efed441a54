package dev.retort.dialect.mysql;

import dev.retort.error.UsageException;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An index in MySQL's words, in CREATE INDEX or inside CREATE TABLE. */
final class MySqlIndexSql {
  private final MySqlDialect dialect;

  MySqlIndexSql(MySqlDialect dialect) {
    this.dialect = dialect;
  }

  /** {@code CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name ON table (parts) [USING ...]}. */
  String create(Index index) {
    // CONCURRENTLY has no MySQL spelling and needs none: InnoDB builds secondary indexes online,
    // without blocking writes ("Online DDL Operations"), so the flag is ignored.
    return "CREATE "
        + indexKind(index)
        + "INDEX "
        + dialect.quote(index.name())
        + " ON "
        + dialect.quote(index.table())
        + " ("
        + keyParts(index)
        + ")"
        + method(index);
  }

  /** The index as an item of CREATE TABLE. */
  String inline(Index index) {
    return indexKind(index)
        + "INDEX "
        + dialect.quote(index.name())
        + " ("
        + keyParts(index)
        + ")"
        + method(index);
  }

  /**
   * The key parts of an index: columns with their order, and expressions as MySQL 8.0.13's
   * functional key parts ({@code ((expr))}; MariaDB has none and says so when run). What neither
   * server has (partial indexes, NULLS FIRST/LAST, operator classes, INCLUDE) is refused rather
   * than dropped silently.
   */
  private static final Pattern PREFIX =
      Pattern.compile("`?([A-Za-z_][A-Za-z0-9_$]*)`?\\s*\\(\\s*(\\d+)\\s*\\)");

  private String keyParts(Index index) {
    String what = "index " + index.name() + " on " + index.table();
    if (index.where().isPresent()) {
      throw new UsageException(
          what
              + " has a WHERE predicate, but MySQL and MariaDB have no "
              + "partial indexes; index the columns without it, or use a generated column");
    }
    if (!index.include().isEmpty()) {
      throw new UsageException(
          what + " has INCLUDE columns, a PostgreSQL feature; add them as key parts");
    }
    List<String> parts = new ArrayList<>();
    for (IndexPart part : index.parts()) {
      if (part.nulls() != IndexPart.Nulls.DEFAULT || part.opclass().isPresent()) {
        throw new UsageException(
            what
                + ": NULLS FIRST/LAST and operator classes are PostgreSQL "
                + "features that MySQL and MariaDB do not have");
      }
      Matcher prefix = PREFIX.matcher(part.text());
      // a key on the first n characters of a column, name(n), is no expression to MySQL
      String text =
          part.expression() && prefix.matches()
              ? dialect.quote(prefix.group(1)) + "(" + prefix.group(2) + ")"
              : part.expression() ? "(" + part.text() + ")" : dialect.quote(part.text());
      parts.add(
          text
              + switch (part.order()) {
                case ASC -> " ASC";
                case DESC -> " DESC";
                default -> "";
              });
    }
    return String.join(", ", parts);
  }

  /** FULLTEXT and SPATIAL indexes, which MySQL names before INDEX rather than with USING. */
  private static final Set<String> KINDS = Set.of("FULLTEXT", "SPATIAL");

  /** {@code UNIQUE }, {@code FULLTEXT }, {@code SPATIAL } or nothing: what goes before INDEX. */
  private static String indexKind(Index index) {
    return index.unique()
        ? "UNIQUE "
        : KINDS.contains(methodName(index)) ? methodName(index) + " " : "";
  }

  private static String methodName(Index index) {
    return index.method().map(m -> m.toUpperCase(Locale.ROOT)).orElse("");
  }

  /**
   * {@code USING BTREE|HASH}, the index types InnoDB tables name; FULLTEXT and SPATIAL go before
   * INDEX instead; others are refused.
   */
  private static String method(Index index) {
    if (index.method().isEmpty() || KINDS.contains(methodName(index))) {
      return "";
    }
    String m = index.method().get().toLowerCase(Locale.ROOT);
    if (!m.equals("btree") && !m.equals("hash")) {
      throw new UsageException(
          "index "
              + index.name()
              + " on "
              + index.table()
              + " uses "
              + m
              + ", a PostgreSQL index method; MySQL and MariaDB know btree, hash, fulltext and spatial");
    }
    return " USING " + m.toUpperCase(Locale.ROOT);
  }
}
