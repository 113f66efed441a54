package dev.retort.dialect.sqlite;

import dev.retort.diff.TableNormalizer;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import java.util.List;
import java.util.Optional;

/**
 * SQLite's canonical forms. Comments go: SQLite has nowhere to keep them, and the renderer leaves
 * them out, so a commented definition would otherwise never match. An AUTOINCREMENT key of any
 * integer kind is {@code INTEGER NOT NULL}, as {@link SqliteRenderer} declares it: AUTOINCREMENT
 * needs exactly INTEGER PRIMARY KEY (https://www.sqlite.org/autoinc.html), which never holds NULL.
 */
final class SqliteNormalizer extends TableNormalizer {

  @Override
  protected Column column(Table table, Column column) {
    Column c = withoutComment(column);
    List<String> key = table.primaryKey().map(PrimaryKey::columns).orElse(List.of());
    if (c.autoIncrement() && key.equals(List.of(c.name())) && SqliteTypes.isInteger(c.type())) {
      c = c.withType(ColumnType.integer()).withNullable(false);
    }
    return c;
  }

  @Override
  protected Table table(Table table) {
    return table
        .withComment(Optional.empty())
        .withForeignKeys(table.foreignKeys().stream().map(ForeignKey::withoutMatchFull).toList());
  }
}
