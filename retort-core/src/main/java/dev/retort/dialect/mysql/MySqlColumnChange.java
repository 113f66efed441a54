package dev.retort.dialect.mysql;

import dev.retort.dialect.Catalog;
import dev.retort.error.UsageException;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.ColumnChange;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import java.util.Optional;

/**
 * The whole column an {@code alterColumn} leaves behind, which MySQL needs to restate it. Each part
 * comes from the op when it says it (its new value, else its existing one), otherwise from the live
 * column. Offline there is no live column: a missing type or nullability is an error that names the
 * builder method to call; a default the op does not mention is taken to be absent, as {@link
 * AlterColumn#existingDefault()} documents; AUTO_INCREMENT, the comment, the collation and {@code
 * ON UPDATE} cannot be known and are not restated.
 */
final class MySqlColumnChange {

  private MySqlColumnChange() {}

  static Column resolve(AlterColumn op, Catalog catalog) {
    Optional<Column> live = live(op, catalog);
    ColumnType type =
        op.to()
            .type()
            .or(() -> live.map(Column::type))
            .orElseThrow(() -> missing(op, "type", "existingType(...)"));
    boolean nullable =
        op.to()
            .nullable()
            .or(() -> live.map(Column::nullable))
            .orElseThrow(() -> missing(op, "nullability", "existingNullable(...)"));
    Optional<DefaultValue> dflt;
    if (op.has(ColumnChange.DEFAULT)) {
      dflt = op.to().defaultValue();
    } else if (op.from().defaultValue().isPresent()) {
      dflt = op.from().defaultValue();
    } else {
      dflt = live.flatMap(Column::defaultValue);
    }
    Optional<String> onUpdate =
        op.has(ColumnChange.ON_UPDATE)
            ? op.to().onUpdate()
            : op.from().onUpdate().or(() -> live.flatMap(Column::onUpdate));
    return new Column(
            op.finalName(),
            type,
            nullable,
            dflt,
            live.map(Column::autoIncrement).orElse(false),
            live.flatMap(Column::comment))
        .withCollation(op.from().collation().or(() -> live.flatMap(Column::collation)))
        .withOnUpdate(onUpdate);
  }

  /** The column as it is in the database now; empty offline. */
  static Optional<Column> live(AlterColumn op, Catalog catalog) {
    if (!catalog.isLive()) {
      return Optional.empty();
    }
    return Optional.of(
        catalog
            .table(op.table())
            .orElseThrow(
                () ->
                    new UsageException(
                        "Cannot alter column "
                            + op.column()
                            + ": table "
                            + op.table()
                            + " does not exist"))
            .column(op.column())
            .orElseThrow(
                () ->
                    new UsageException(
                        "Cannot alter column "
                            + op.column()
                            + ": table "
                            + op.table()
                            + " has no such column")));
  }

  private static UsageException missing(AlterColumn op, String what, String method) {
    return new UsageException(
        op.describe()
            + ": MySQL restates the whole column to change it "
            + "(ALTER TABLE ... CHANGE COLUMN), so it needs the column's existing "
            + what
            + ", and an "
            + "offline run (--sql) cannot read it from the database. Give "
            + method
            + " in the migration's alterColumn.");
  }
}
