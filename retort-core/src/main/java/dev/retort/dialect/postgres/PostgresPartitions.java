package dev.retort.dialect.postgres;

import dev.retort.dialect.Sql;
import dev.retort.error.UsageException;
import dev.retort.ops.AlterTableOptions;
import dev.retort.ops.ReplaceObject;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.Table;
import dev.retort.schema.TableOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Declarative partitioning. A partitioned table is a {@link Table} whose {@link Table#options()
 * options} hold its partition key ({@link #PARTITION_BY}, as {@code pg_get_partkeydef} prints it:
 * {@code RANGE (created_at)}); each partition is a {@link SchemaObject.Kind#PARTITION} object,
 * {@code CREATE TABLE p PARTITION OF t FOR VALUES ...}, which takes its columns, keys and indexes
 * from its parent. New bounds for a partition detach and attach it again, keeping its rows; a
 * partition the desired schema no longer has is dropped with them.
 */
final class PostgresPartitions {
  /** The option that holds a partitioned table's key. */
  static final String PARTITION_BY = "PARTITION_BY";

  private PostgresPartitions() {}

  /**
   * A table's options as the catalog gives them: its partition key and the tables it inherits from,
   * where it has them.
   */
  static java.util.Map<String, String> options(String partitionKey, String inherits) {
    java.util.Map<String, String> options = new java.util.TreeMap<>();
    if (partitionKey != null) {
      options.put(PARTITION_BY, partitionKey);
    }
    if (inherits != null) {
      options.put(TableOptions.INHERITS, inherits);
    }
    return options;
  }

  /**
   * {@code INHERITS (parents)} and {@code PARTITION BY key} for a CREATE TABLE, where the table has
   * them, or nothing.
   */
  static String partitionBy(Table table, Function<QualifiedName, String> quote) {
    List<QualifiedName> parents = TableOptions.inherits(table.options());
    return (parents.isEmpty()
            ? ""
            : "\nINHERITS (" + parents.stream().map(quote).collect(Collectors.joining(", ")) + ")")
        + Optional.ofNullable(table.options().get(PARTITION_BY))
            .map(k -> "\nPARTITION BY " + k)
            .orElse("");
  }

  /**
   * PostgreSQL has no table options to change; a different partition key is a different table,
   * which it cannot make of an existing one in place.
   */
  static List<Sql> alterTableOptions(AlterTableOptions op, Function<QualifiedName, String> quote) {
    List<Sql> out = new ArrayList<>();
    List<QualifiedName> was = TableOptions.inherits(op.existing());
    List<QualifiedName> is = TableOptions.inherits(op.options());
    String table = quote.apply(op.table());
    was.stream()
        .filter(p -> !is.contains(p))
        .forEach(p -> out.add(Sql.of("ALTER TABLE " + table + " NO INHERIT " + quote.apply(p))));
    is.stream()
        .filter(p -> !was.contains(p))
        .forEach(p -> out.add(Sql.of("ALTER TABLE " + table + " INHERIT " + quote.apply(p))));
    String from = op.existing().get(PARTITION_BY);
    String to = op.options().get(PARTITION_BY);
    if (Objects.equals(from, to)) {
      return out;
    }
    throw new UsageException(
        "table "
            + op.table()
            + (from == null
                ? " is not partitioned and should be (PARTITION BY " + to + ")"
                : to == null
                    ? " is partitioned (PARTITION BY " + from + ") and should not be"
                    : " is partitioned by " + from + " and should be by " + to)
            + "; PostgreSQL cannot change that in place: create the new table, move the rows"
            + " over and swap the names in a migration of your own");
  }

  /** Detaches a partition and attaches it again with its new bounds: its rows stay. */
  static List<Sql> rebound(ReplaceObject op) {
    Definition from = Definition.of(op.from());
    Definition to = Definition.of(op.to());
    return List.of(
        Sql.of("ALTER TABLE " + from.parent + " DETACH PARTITION " + op.from().identity()),
        Sql.of("ALTER TABLE " + to.parent + " ATTACH PARTITION " + op.to().identity() + to.bound));
  }

  /**
   * A partition's parent and bounds, out of the statement the catalog query writes: {@code CREATE
   * TABLE <identity> PARTITION OF <parent> <bound>}, the parent a quoted (or plain) name, perhaps
   * with its schema.
   */
  private record Definition(String parent, String bound) {
    static Definition of(SchemaObject partition) {
      String sql = partition.create().get(0);
      String head = "CREATE TABLE " + partition.identity() + " PARTITION OF ";
      if (!sql.startsWith(head)) {
        throw new IllegalArgumentException("not a partition's definition: " + sql);
      }
      int end = nameEnd(sql, head.length());
      if (end < sql.length() && sql.charAt(end) == '.') {
        end = nameEnd(sql, end + 1);
      }
      String rest = sql.substring(end);
      int sub = rest.indexOf(" PARTITION BY ");
      return new Definition(
          sql.substring(head.length(), end), sub < 0 ? rest : rest.substring(0, sub));
    }

    /** Where the identifier starting at {@code i} ends: after its closing quote, or its word. */
    private static int nameEnd(String sql, int i) {
      if (sql.charAt(i) == '"') {
        int j = i + 1;
        while (true) {
          j = sql.indexOf('"', j);
          if (j + 1 < sql.length() && sql.charAt(j + 1) == '"') {
            j += 2;
          } else {
            return j + 1;
          }
        }
      }
      int j = i;
      while (j < sql.length() && sql.charAt(j) != ' ' && sql.charAt(j) != '.') {
        j++;
      }
      return j;
    }
  }
}
