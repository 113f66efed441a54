package dev.retort.diff;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which tables autogenerate, {@code check} and {@code diff} look at: those matching an include
 * pattern (all when there is none) and no exclude pattern. Patterns are names with {@code *} as a
 * wildcard, matched against the table name and against {@code schema.table}.
 */
public record TableFilter(List<String> include, List<String> exclude) {
  public TableFilter {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** Every table. */
  public static TableFilter all() {
    return new TableFilter(List.of(), List.of());
  }

  /** Whether the table is looked at. */
  public boolean accepts(Table table) {
    return accepts(table.name());
  }

  /** Whether the table with this name is looked at. */
  public boolean accepts(QualifiedName table) {
    String name = table.name();
    String qualified = table.toString();
    boolean in =
        include.isEmpty()
            || include.stream().anyMatch(p -> matches(p, name) || matches(p, qualified));
    return in && exclude.stream().noneMatch(p -> matches(p, name) || matches(p, qualified));
  }

  /**
   * The schema with only the accepted tables. Types, extensions and free-standing sequences are
   * kept; a sequence owned by a column of a table left out goes with its table.
   */
  public Schema apply(Schema schema) {
    List<Sequence> sequences =
        schema.sequences().stream()
            .filter(q -> q.ownedBy().map(c -> accepts(c.table())).orElse(true))
            .toList();
    return new Schema(
        schema.tables().stream().filter(this::accepts).toList(),
        schema.enums(),
        schema.domains(),
        sequences,
        schema.extensions(),
        schema.unmodelled(),
        schema.objects().map(all -> all.stream().filter(this::accepts).toList()));
  }

  /** An object stays unless it needs a table left out. */
  private boolean accepts(SchemaObject o) {
    return o.dependsOn().stream()
        .map(SchemaObject::tableOf)
        .flatMap(Optional::stream)
        .allMatch(this::accepts);
  }

  private static boolean matches(String pattern, String text) {
    String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q");
    return Pattern.matches(regex, text);
  }
}
