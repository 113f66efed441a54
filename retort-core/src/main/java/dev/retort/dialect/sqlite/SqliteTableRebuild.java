package dev.retort.dialect.sqlite;

import dev.retort.dialect.Sql;
import dev.retort.error.UsageException;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.ColumnState;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A change SQLite's ALTER TABLE cannot make, done by copying the table, following "Making Other
 * Kinds Of Table Schema Changes" (https://www.sqlite.org/lang_altertable.html#otheralter): create
 * the new definition under a temporary name, copy the rows, drop the old table, rename the new one,
 * then recreate indexes, triggers and the views that were dropped first.
 *
 * <p>Foreign key enforcement must be off while this runs ({@link SqliteDialect#beforeStep}),
 * otherwise dropping a parent table deletes its rows and cascades into the children; {@link
 * SqliteDialect#beforeCommit} then checks that no key dangles.
 *
 * @param before the table as it is
 * @param after the table as it must become
 * @param copied for each column of {@code after} that keeps data, the column of {@code before} it
 *     is copied from
 * @param computed for columns of {@code after} whose value is computed from the old row rather than
 *     copied, the SQL expression (a type change's {@code using}); takes precedence over {@code
 *     copied}
 */
record SqliteTableRebuild(
    Table before, Table after, Map<String, String> copied, Map<String, String> computed) {

  static final String TEMPORARY_PREFIX = "retort_new_";

  SqliteTableRebuild {
    copied = Collections.unmodifiableMap(new LinkedHashMap<>(copied));
    computed = Collections.unmodifiableMap(new LinkedHashMap<>(computed));
  }

  SqliteTableRebuild(Table before, Table after, Map<String, String> copied) {
    this(before, after, copied, Map.of());
  }

  /** Columns with the same name in both tables are copied. */
  static SqliteTableRebuild of(Table before, Table after) {
    Map<String, String> copied = new LinkedHashMap<>();
    for (Column c : after.columns()) {
      if (before.column(c.name()).isPresent()) {
        copied.put(c.name(), c.name());
      }
    }
    return new SqliteTableRebuild(before, after, copied);
  }

  /**
   * Without the column, and, as PostgreSQL's DROP COLUMN does, without the indexes and constraints
   * that involve it (a CHECK or an index predicate involves it when its text names it).
   */
  static SqliteTableRebuild dropColumn(Table before, String column) {
    Column dropped = column(before, column);
    Predicate<List<String>> uses = cols -> cols.stream().anyMatch(c -> c.equalsIgnoreCase(column));
    Pattern word = mention(dropped.name());
    Table after =
        before
            .withColumns(before.columns().stream().filter(c -> c != dropped).toList())
            .withPrimaryKey(before.primaryKey().filter(pk -> !uses.test(pk.columns())))
            .withUniques(before.uniques().stream().filter(u -> !uses.test(u.columns())).toList())
            .withForeignKeys(
                before.foreignKeys().stream().filter(f -> !uses.test(f.columns())).toList())
            .withChecks(
                before.checks().stream().filter(c -> !word.matcher(c.expression()).find()).toList())
            .withIndexes(
                before.indexes().stream()
                    .filter(
                        i ->
                            !uses.test(i.columns())
                                && !i.where().map(w -> word.matcher(w).find()).orElse(false))
                    .toList());
    return of(before, after);
  }

  /**
   * The column changed as the op says; a rename follows into keys, uniques, indexes, and the CHECKs
   * and partial-index predicates that name it (SQLite resolves their columns when the table or
   * index is created, so a stale name would fail the rebuild).
   */
  static SqliteTableRebuild alterColumn(Table before, AlterColumn op) {
    Column old = column(before, op.column());
    if (op.using().isPresent() && op.has(ColumnChange.NAME)) {
      // USING names the column by its final name (PostgreSQL renames first), but the copy reads
      // the old table, where it still has the old name
      throw new UsageException(
          "SQLite cannot "
              + op.describe()
              + " in one step: the USING "
              + "expression names the renamed column, which the table copy does not have yet; "
              + "rename it in a separate alterColumn");
    }
    Column changed =
        old.withName(op.finalName())
            .withType(op.changed(ColumnChange.TYPE, ColumnState::type).orElse(old.type()))
            .withNullable(
                op.changed(ColumnChange.NULLABILITY, ColumnState::nullable).orElse(old.nullable()))
            .withDefault(op.has(ColumnChange.DEFAULT) ? op.to().defaultValue() : old.defaultValue())
            // "default" is PostgreSQL's name for the database default; in SQLite that is no COLLATE
            .withCollation(
                op.has(ColumnChange.COLLATION)
                    ? op.changed(ColumnChange.COLLATION, ColumnState::collation)
                        .filter(c -> !c.equalsIgnoreCase(AlterColumn.DEFAULT_COLLATION))
                    : old.collation())
            .withIdentity(
                op.changed(ColumnChange.IDENTITY, ColumnState::identity).orElse(old.identity()));
    Table after = before.replaceColumn(old.name(), changed);
    if (op.has(ColumnChange.NAME)) {
      String from = old.name();
      String to = op.renamedTo().get();
      after =
          after
              .withPrimaryKey(
                  after
                      .primaryKey()
                      .map(pk -> new PrimaryKey(pk.name(), rename(pk.columns(), from, to))))
              .withUniques(
                  after.uniques().stream()
                      .map(u -> new UniqueConstraint(u.name(), rename(u.columns(), from, to)))
                      .toList())
              .withForeignKeys(
                  after.foreignKeys().stream()
                      .map(f -> f.withColumns(rename(f.columns(), from, to)))
                      .toList())
              .withIndexes(
                  after.indexes().stream()
                      .map(
                          i ->
                              i.withParts(
                                      i.parts().stream()
                                          .map(
                                              p ->
                                                  p.columnName()
                                                          .filter(from::equalsIgnoreCase)
                                                          .isPresent()
                                                      ? p.withText(to)
                                                      : p)
                                          .toList())
                                  .withWhere(i.where().map(w -> renameIn(w, from, to))))
                      .toList())
              .withChecks(
                  after.checks().stream()
                      .map(c -> new CheckConstraint(c.name(), renameIn(c.expression(), from, to)))
                      .toList());
    }
    Map<String, String> copied = new LinkedHashMap<>();
    for (Column c : before.columns()) {
      copied.put(c == old ? changed.name() : c.name(), c.name());
    }
    Map<String, String> computed = op.using().map(u -> Map.of(changed.name(), u)).orElse(Map.of());
    return new SqliteTableRebuild(before, after, copied, computed);
  }

  static SqliteTableRebuild addConstraint(Table before, Constraint constraint) {
    constraint
        .name()
        .ifPresent(
            n -> {
              if (constraintNames(before).anyMatch(n::equalsIgnoreCase)) {
                throw new UsageException(
                    "Table " + before.name() + " already has a constraint named " + n);
              }
            });
    Table after;
    if (constraint instanceof PrimaryKey pk) {
      if (before.primaryKey().isPresent()) {
        throw new UsageException(
            "Table "
                + before.name()
                + " already has a primary key "
                + before.primaryKey().get().columns()
                + "; drop it first");
      }
      after = before.withPrimaryKey(Optional.of(pk));
    } else if (constraint instanceof UniqueConstraint u) {
      after = before.withUniques(append(before.uniques(), u));
    } else if (constraint instanceof CheckConstraint c) {
      after = before.withChecks(append(before.checks(), c));
    } else if (constraint instanceof ForeignKey f) {
      after = before.withForeignKeys(append(before.foreignKeys(), f));
    } else {
      throw new AssertionError("unhandled constraint " + constraint.getClass().getName());
    }
    return of(before, after);
  }

  /**
   * An unnamed primary key answers to PostgreSQL's default name, {@code <table>_pkey}, so that a
   * migration dropping it by that name works on both databases.
   */
  static SqliteTableRebuild dropConstraint(Table before, String name) {
    Predicate<Optional<String>> named = n -> n.filter(name::equalsIgnoreCase).isPresent();
    Table after =
        before
            .withPrimaryKey(
                before
                    .primaryKey()
                    .filter(
                        pk ->
                            !named.test(
                                pk.name().or(() -> Optional.of(primaryKeyDefaultName(before))))))
            .withUniques(before.uniques().stream().filter(u -> !named.test(u.name())).toList())
            .withChecks(before.checks().stream().filter(c -> !named.test(c.name())).toList())
            .withForeignKeys(
                before.foreignKeys().stream().filter(f -> !named.test(f.name())).toList());
    if (after.equals(before)) {
      throw new UsageException(
          "Table "
              + before.name()
              + " has no constraint named "
              + name
              + "; its named constraints are: "
              + String.join(", ", constraintNames(before).toList()));
    }
    return of(before, after);
  }

  /** The statements, in order; {@code dependents} are the table's triggers, views and such. */
  List<Sql> statements(SqliteRenderer renderer, List<SqliteCatalog.Dependent> dependents) {
    QualifiedName name = before.name();
    QualifiedName temporary = name.withName(TEMPORARY_PREFIX + name.name());
    List<Sql> out = new ArrayList<>();
    // A view or trigger naming the table would break the RENAME below, which re-parses the schema;
    // those on the table itself go with it anyway
    for (int i = dependents.size() - 1; i >= 0; i--) {
      SqliteCatalog.Dependent d = dependents.get(i);
      if (d.type().equals("view") || d.type().equals("trigger")) {
        out.add(
            Sql.of(
                "DROP "
                    + d.type().toUpperCase(java.util.Locale.ROOT)
                    + " "
                    + renderer.q(name.withName(d.name()))));
      }
    }
    out.add(Sql.of(renderer.createTableStatement(after, temporary)));
    List<String> targets = new ArrayList<>(copied.keySet());
    out.add(
        Sql.of(
            "INSERT INTO "
                + renderer.q(temporary)
                + " ("
                + renderer.columns(targets)
                + ") SELECT "
                + String.join(
                    ", ",
                    targets.stream()
                        .map(
                            t ->
                                computed.containsKey(t)
                                    ? computed.get(t)
                                    : renderer.q(copied.get(t)))
                        .toList())
                + " FROM "
                + renderer.q(name)));
    if (after.columns().stream().anyMatch(Column::autoIncrement)) {
      // AUTOINCREMENT promises never to reuse an id (https://www.sqlite.org/autoinc.html); the
      // copy only carries the highest id still present, so carry the old table's counter over.
      // sqlite_sequence may be written to directly, and RENAME renames its row.
      String sequence = name.schema().map(s -> renderer.q(s) + ".").orElse("") + "sqlite_sequence";
      String temporaryName = renderer.literal(temporary.name());
      out.add(Sql.of("DELETE FROM " + sequence + " WHERE name = " + temporaryName));
      out.add(
          Sql.of(
              "INSERT INTO "
                  + sequence
                  + " (name, seq) SELECT "
                  + temporaryName
                  + ", seq FROM "
                  + sequence
                  + " WHERE name = "
                  + renderer.literal(name.name())
                  + " COLLATE NOCASE"));
    }
    out.add(Sql.of("DROP TABLE " + renderer.q(name)));
    out.add(
        Sql.of("ALTER TABLE " + renderer.q(temporary) + " RENAME TO " + renderer.q(name.name())));
    after.indexes().forEach(i -> out.add(renderer.createIndex(i)));
    dependents.forEach(d -> out.add(Sql.of(d.sql())));
    return out;
  }

  private static Column column(Table table, String name) {
    return table.columns().stream()
        .filter(c -> c.name().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(
            () ->
                new UsageException(
                    "Table "
                        + table.name()
                        + " has no column "
                        + name
                        + "; its columns are: "
                        + String.join(", ", table.columns().stream().map(Column::name).toList())));
  }

  private static String primaryKeyDefaultName(Table table) {
    return table.name().name() + "_pkey";
  }

  private static Stream<String> constraintNames(Table table) {
    return Stream.of(
            table.primaryKey().stream()
                .map(pk -> pk.name().or(() -> Optional.of(primaryKeyDefaultName(table)))),
            table.uniques().stream().map(Constraint::name),
            table.checks().stream().map(Constraint::name),
            table.foreignKeys().stream().map(Constraint::name))
        .flatMap(s -> s)
        .flatMap(Optional::stream);
  }

  private static String renameIn(String sql, String from, String to) {
    return mention(from)
        .matcher(sql)
        .replaceAll(java.util.regex.Matcher.quoteReplacement(SqliteDialect.quoteIdentifier(to)));
  }

  /** The name as a whole word, bare or quoted; string literals are not told apart. */
  private static Pattern mention(String column) {
    return Pattern.compile(
        "(?<![\\w$\"`\\[])("
            + Pattern.quote(column)
            + "|\""
            + Pattern.quote(column.replace("\"", "\"\""))
            + "\"|`"
            + Pattern.quote(column)
            + "`|\\["
            + Pattern.quote(column)
            + "\\])(?![\\w$\"`\\]])",
        Pattern.CASE_INSENSITIVE);
  }

  private static List<String> rename(List<String> columns, String from, String to) {
    return columns.stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList();
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }
}
