package dev.retort.dialect.postgres;

import dev.retort.dialect.Sql;
import dev.retort.dialect.SqlRenderer;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AddEnumValue;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.AlterSequence;
import dev.retort.ops.BulkInsert;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.ColumnState;
import dev.retort.ops.CreateDomain;
import dev.retort.ops.CreateEnum;
import dev.retort.ops.CreateExtension;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateObject;
import dev.retort.ops.CreateSchema;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropDomain;
import dev.retort.ops.DropEnum;
import dev.retort.ops.DropExtension;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropSchema;
import dev.retort.ops.DropSequence;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.RenameEnumValue;
import dev.retort.ops.RenameType;
import dev.retort.ops.ReplaceObject;
import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.ops.ValidateConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders ops as PostgreSQL DDL; every change is made in place with {@code ALTER TABLE}. */
final class PostgresRenderer extends SqlRenderer {

  private final PostgresDialect dialect;

  PostgresRenderer(PostgresDialect dialect) {
    super(dialect, PostgresTypes::isNumeric, PostgresTypes::isBoolean);
    this.dialect = dialect;
  }

  @Override
  public List<Sql> createTable(CreateTable op) {
    Table table = op.table();
    List<String> items = tableItems(table, this::columnDefinition, table.primaryKey());
    List<Sql> out = new ArrayList<>();
    out.add(
        Sql.of(
            "CREATE TABLE "
                + (op.ifNotExists() ? "IF NOT EXISTS " : "")
                + q(table.name())
                + " (\n  "
                + String.join(",\n  ", items)
                + "\n)"
                + PostgresPartitions.partitionBy(table, this::q)));
    // With IF NOT EXISTS the whole op must be repeatable, so its indexes are conditional too
    table.indexes().forEach(i -> out.add(createIndex(i, false, op.ifNotExists())));
    table
        .comment()
        .ifPresent(
            c ->
                out.add(
                    Sql.of("COMMENT ON TABLE " + q(table.name()) + " IS " + dialect.literal(c))));
    for (Column column : table.columns()) {
      out.addAll(columnComment(table.name(), column));
    }
    return out;
  }

  @Override
  public List<Sql> addColumn(AddColumn op) {
    List<Sql> out = new ArrayList<>();
    out.add(
        Sql.of("ALTER TABLE " + q(op.table()) + " ADD COLUMN " + columnDefinition(op.column())));
    out.addAll(columnComment(op.table(), op.column()));
    return out;
  }

  @Override
  public List<Sql> dropColumn(DropColumn op) {
    return List.of(Sql.of("ALTER TABLE " + q(op.table()) + " DROP COLUMN " + q(op.column())));
  }

  /**
   * A rename is its own statement (PostgreSQL does not combine RENAME with other ALTER TABLE
   * actions); the other changes share one statement, under the new name, so that the table is
   * rewritten at most once.
   */
  @Override
  public List<Sql> alterColumn(AlterColumn op) {
    refuseOnUpdate(op.column(), op.changed(ColumnChange.ON_UPDATE, ColumnState::onUpdate));
    List<Sql> out = new ArrayList<>();
    String table = q(op.table());
    op.renamedTo()
        .ifPresent(
            n ->
                out.add(
                    Sql.of(
                        "ALTER TABLE "
                            + table
                            + " RENAME COLUMN "
                            + q(op.column())
                            + " TO "
                            + q(n))));
    String column = "ALTER COLUMN " + q(op.finalName());
    if (op.has(ColumnChange.IDENTITY)
        && (op.changed(ColumnChange.IDENTITY, ColumnState::identity).get() == Identity.SERIAL
            || op.from().identity().filter(i -> i == Identity.SERIAL).isPresent())) {
      throw new dev.retort.error.UsageException(
          op.describe()
              + ": PostgreSQL cannot turn a column "
              + "into or out of serial in place; change it to an identity column (BY_DEFAULT) instead");
    }
    boolean dropsIdentity =
        op.changed(ColumnChange.IDENTITY, ColumnState::identity)
                .filter(i -> i == Identity.NONE)
                .isPresent()
            && op.from().identity().filter(i -> i != Identity.NONE).isPresent();
    if (dropsIdentity) {
      // Before the other changes: an identity column cannot be made nullable ("column is an
      // identity column"), and a default cannot be set on one
      out.add(Sql.of("ALTER TABLE " + table + " " + column + " DROP IDENTITY"));
    }
    List<String> actions = new ArrayList<>();
    boolean setsDefault = op.has(ColumnChange.DEFAULT) && op.to().defaultValue().isPresent();
    if (op.has(ColumnChange.TYPE) && setsDefault) {
      // ALTER TYPE converts the old default too and fails when it cannot be cast (ALTER TABLE,
      // "SET DATA TYPE"); drop it first, the new one is set after the type change.
      actions.add(column + " DROP DEFAULT");
    }
    if (op.has(ColumnChange.TYPE) || op.has(ColumnChange.COLLATION)) {
      // PostgreSQL has no SET COLLATION: a collation changes through SET DATA TYPE ... COLLATE,
      // restating the type (ALTER TABLE in the manual). The constructor ensures the type is known.
      ColumnType t = op.to().type().orElseThrow();
      String type = PostgresTypes.sql(t);
      String collate =
          op.changed(ColumnChange.COLLATION, ColumnState::collation)
              .map(c -> " COLLATE " + q(c))
              .orElse("");
      String using =
          !op.has(ColumnChange.TYPE)
              ? ""
              : op.using()
                  .map(u -> " USING " + u)
                  .orElse(
                      needsUsing(op.from().type(), t)
                          ? " USING " + q(op.finalName()) + "::" + type
                          : "");
      actions.add(column + " TYPE " + type + collate + using);
    }
    op.changed(ColumnChange.NULLABILITY, ColumnState::nullable)
        .ifPresent(n -> actions.add(column + (n ? " DROP NOT NULL" : " SET NOT NULL")));
    if (op.has(ColumnChange.DEFAULT)) {
      actions.add(
          op.to()
              .defaultValue()
              .map(d -> column + " SET DEFAULT " + defaultSql(d, op.to().type()))
              .orElse(column + " DROP DEFAULT"));
    }
    if (!actions.isEmpty()) {
      out.add(Sql.of("ALTER TABLE " + table + " " + String.join(", ", actions)));
    }
    op.changed(ColumnChange.IDENTITY, ColumnState::identity)
        .filter(i -> i != Identity.NONE)
        .ifPresent(
            i -> {
              // After the other changes, which may make the column NOT NULL as ADD GENERATED
              // requires.
              // An existing identity changes kind with SET GENERATED, keeping its sequence.
              boolean had = op.from().identity().filter(e -> e != Identity.NONE).isPresent();
              if (!op.from().identity().equals(Optional.of(i))) {
                out.add(
                    Sql.of(
                        "ALTER TABLE "
                            + table
                            + " "
                            + column
                            + (had
                                ? " SET GENERATED " + generated(i)
                                : " ADD GENERATED " + generated(i) + " AS IDENTITY")));
              }
            });
    if (op.has(ColumnChange.COMMENT)) {
      out.add(
          Sql.of(
              "COMMENT ON COLUMN "
                  + table
                  + "."
                  + q(op.finalName())
                  + " IS "
                  + op.to().comment().map(dialect::literal).orElse("NULL")));
    }
    return out;
  }

  private static String generated(Identity identity) {
    return identity == Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT";
  }

  /**
   * Whether a type change needs {@code USING}: without it only assignment casts apply, and text to
   * integer, boolean or a timestamp is not one. But an explicit cast to a shorter varchar or char
   * silently truncates ("Type Casts" in the manual), where the assignment cast fails loudly, so
   * USING is left out within a family and whenever the target is text, which every type reaches by
   * assignment. An unknown existing type or a raw type gets none: PostgreSQL then says when a cast
   * is needed, instead of Retort guessing one that loses data.
   */
  static boolean needsUsing(Optional<ColumnType> from, ColumnType to) {
    if (from.isEmpty()) {
      return false;
    }
    String source = family(from.get().kind());
    String target = family(to.kind());
    return !source.equals(target)
        && !target.equals("text")
        && !source.equals("raw")
        && !target.equals("raw");
  }

  private static String family(ColumnType.Kind kind) {
    return switch (kind) {
      case VARCHAR, CHAR, TEXT -> "text";
      case SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE -> "number";
      case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> "time";
      case JSON, JSONB -> "json";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  @Override
  public List<Sql> createIndex(CreateIndex op) {
    return List.of(createIndex(op.index(), op.concurrently(), false));
  }

  /**
   * An index lives in its table's schema, so a qualified table qualifies the index name. DROP INDEX
   * CONCURRENTLY, like CREATE INDEX CONCURRENTLY, cannot run in a transaction block.
   */
  @Override
  public List<Sql> dropIndex(DropIndex op) {
    return List.of(
        Sql.of(
            "DROP INDEX "
                + (op.concurrently() ? "CONCURRENTLY " : "")
                + q(op.table().withName(op.name()))));
  }

  /**
   * NOT VALID skips the scan of existing rows for a foreign key or check; new rows are checked
   * (ALTER TABLE, "ADD table_constraint [ NOT VALID ]").
   */
  @Override
  public List<Sql> addConstraint(AddConstraint op) {
    return List.of(
        Sql.of(
            "ALTER TABLE "
                + q(op.table())
                + " ADD "
                + constraint(op.constraint())
                + (op.notValid() ? " NOT VALID" : "")));
  }

  @Override
  public List<Sql> dropConstraint(DropConstraint op) {
    return List.of(Sql.of("ALTER TABLE " + q(op.table()) + " DROP CONSTRAINT " + q(op.name())));
  }

  @Override
  public List<Sql> executeSql(ExecuteSql op) {
    return List.of(new Sql(op.sql(), op.parameters()));
  }

  /**
   * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON table [USING method] (key
   * [opclass] [ASC|DESC] [NULLS FIRST|LAST], ...) [INCLUDE (columns)] [WHERE predicate]}, in the
   * order of the CREATE INDEX synopsis. Expression keys are parenthesized, which the manual
   * requires unless the expression is a bare function call and which never hurts.
   */
  private Sql createIndex(Index index, boolean concurrently, boolean ifNotExists) {
    List<String> keys = new ArrayList<>();
    for (IndexPart part : index.parts()) {
      StringBuilder key =
          new StringBuilder(part.expression() ? "(" + part.text() + ")" : q(part.text()));
      part.opclass().ifPresent(o -> key.append(' ').append(o));
      if (part.order() != IndexPart.Order.DEFAULT) {
        key.append(' ').append(part.order().name());
      }
      if (part.nulls() != IndexPart.Nulls.DEFAULT) {
        key.append(" NULLS ").append(part.nulls().name());
      }
      keys.add(key.toString());
    }
    return Sql.of(
        "CREATE "
            + (index.unique() ? "UNIQUE " : "")
            + "INDEX "
            + (concurrently ? "CONCURRENTLY " : "")
            + (ifNotExists ? "IF NOT EXISTS " : "")
            + q(index.name())
            + " ON "
            + q(index.table())
            + index.method().map(m -> " USING " + m).orElse("")
            + " ("
            + String.join(", ", keys)
            + ")"
            + (index.include().isEmpty() ? "" : " INCLUDE (" + columns(index.include()) + ")")
            + index.where().map(w -> " WHERE " + w).orElse(""));
  }

  private String columnDefinition(Column column) {
    refuseOnUpdate(column.name(), column.onUpdate());
    StringBuilder sql =
        new StringBuilder(q(column.name()))
            .append(' ')
            .append(
                column.identity() == Identity.SERIAL
                    ? PostgresTypes.serial(column)
                    : PostgresTypes.sql(column.type()));
    // COLLATE belongs right after the type (CREATE TABLE synopsis); collation names are
    // identifiers, case-sensitive, so "C" must stay quoted
    column.collation().ifPresent(c -> sql.append(" COLLATE ").append(q(c)));
    if (column.identity() != Identity.NONE && column.identity() != Identity.SERIAL) {
      // SQL-standard identity (PostgreSQL 10+) rather than serial: the sequence belongs to the
      // column; BY DEFAULT (what autoIncrement() gives) still lets data loads insert explicit ids.
      sql.append(" GENERATED ").append(generated(column.identity())).append(" AS IDENTITY");
    }
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    column
        .defaultValue()
        .ifPresent(d -> sql.append(" DEFAULT ").append(defaultSql(d, Optional.of(column.type()))));
    return sql.toString();
  }

  private List<Sql> columnComment(QualifiedName table, Column column) {
    return column
        .comment()
        .map(
            c ->
                List.of(
                    Sql.of(
                        "COMMENT ON COLUMN "
                            + q(table)
                            + "."
                            + q(column.name())
                            + " IS "
                            + dialect.literal(c))))
        .orElse(List.of());
  }

  /**
   * A literal default is bare only when the column is known to be numeric (and the text is a
   * number) or boolean (and the text is true/false); otherwise it is a quoted string, which
   * PostgreSQL casts to the column's type, so quoting is never wrong, only less readable.
   */
  String defaultSql(DefaultValue value, Optional<ColumnType> type) {
    if (value instanceof DefaultValue.Expression e) {
      return e.sql();
    }
    return literalDefault(((DefaultValue.Literal) value).value(), type);
  }

  // Objects other than tables, rendered by PostgresObjectSql.

  @Override
  public List<Sql> createEnum(CreateEnum op) {
    return objects().createEnum(op);
  }

  @Override
  public List<Sql> dropEnum(DropEnum op) {
    return objects().dropEnum(op);
  }

  @Override
  public List<Sql> addEnumValue(AddEnumValue op) {
    return objects().addEnumValue(op);
  }

  @Override
  public List<Sql> renameEnumValue(RenameEnumValue op) {
    return objects().renameEnumValue(op);
  }

  @Override
  public List<Sql> renameType(RenameType op) {
    return objects().renameType(op);
  }

  @Override
  public List<Sql> createSequence(CreateSequence op) {
    return objects().createSequence(op);
  }

  @Override
  public List<Sql> dropSequence(DropSequence op) {
    return objects().dropSequence(op);
  }

  @Override
  public List<Sql> alterSequence(AlterSequence op) {
    return objects().alterSequence(op);
  }

  @Override
  public List<Sql> createDomain(CreateDomain op) {
    return objects().createDomain(op);
  }

  @Override
  public List<Sql> dropDomain(DropDomain op) {
    return objects().dropDomain(op);
  }

  @Override
  public List<Sql> createSchema(CreateSchema op) {
    return objects().createSchema(op);
  }

  @Override
  public List<Sql> dropSchema(DropSchema op) {
    return objects().dropSchema(op);
  }

  @Override
  public List<Sql> createExtension(CreateExtension op) {
    return objects().createExtension(op);
  }

  @Override
  public List<Sql> dropExtension(DropExtension op) {
    return objects().dropExtension(op);
  }

  @Override
  public List<Sql> setTableComment(SetTableComment op) {
    return objects().setTableComment(op);
  }

  @Override
  public List<Sql> setColumnComment(SetColumnComment op) {
    return objects().setColumnComment(op);
  }

  @Override
  public List<Sql> validateConstraint(ValidateConstraint op) {
    return objects().validateConstraint(op);
  }

  @Override
  public List<Sql> bulkInsert(BulkInsert op) {
    return objects().bulkInsert(op);
  }

  @Override
  public List<Sql> alterTableOptions(dev.retort.ops.AlterTableOptions op) {
    return PostgresPartitions.alterTableOptions(op, this::q);
  }

  @Override
  public List<Sql> createObject(CreateObject op) {
    return PostgresObjectSql.withBodiesUnchecked(op.object(), op.object().create());
  }

  @Override
  public List<Sql> replaceObject(ReplaceObject op) {
    if (op.to().kind() == dev.retort.schema.SchemaObject.Kind.PARTITION) {
      return PostgresPartitions.rebound(op);
    }
    return PostgresObjectSql.withBodiesUnchecked(op.to(), op.to().create());
  }

  private PostgresObjectSql objects() {
    return new PostgresObjectSql(dialect, this);
  }
}
