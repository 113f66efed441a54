package dev.retort.dialect;

import dev.retort.ops.DropTable;
import dev.retort.ops.RenameTable;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What standard SQL renders the same in every dialect: constraints, referential actions, column
 * lists, dropping and renaming a table. A dialect's renderer extends it and overrides only where
 * its database differs (MySQL names no primary key and has no deferral, SQLite resolves a foreign
 * key's parent in the child's schema), the way one base compiles {@code RENAME TABLE} for every
 * database and each overrides its own spelling.
 */
public abstract class SqlRenderer implements Renderer {
  /** A number as SQL reads one: what a numeric column's literal default may be written bare. */
  protected static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final Dialect dialect;
  private final java.util.function.Predicate<dev.retort.schema.ColumnType> numeric;
  private final java.util.function.Predicate<dev.retort.schema.ColumnType> bool;

  /**
   * @param numeric whether the database stores a type as a number
   * @param bool whether the database stores a type as a boolean
   */
  protected SqlRenderer(
      Dialect dialect,
      java.util.function.Predicate<dev.retort.schema.ColumnType> numeric,
      java.util.function.Predicate<dev.retort.schema.ColumnType> bool) {
    this.dialect = dialect;
    this.numeric = numeric;
    this.bool = bool;
  }

  @Override
  public List<Sql> dropTable(DropTable op) {
    return List.of(Sql.of("DROP TABLE " + (op.ifExists() ? "IF EXISTS " : "") + q(op.name())));
  }

  @Override
  public List<Sql> renameTable(RenameTable op) {
    return List.of(Sql.of("ALTER TABLE " + q(op.from()) + " RENAME TO " + q(op.to())));
  }

  /**
   * The items of {@code CREATE TABLE}'s list: each column as {@code column} writes it, then the
   * table constraints (see {@link #tableConstraints}).
   */
  protected List<String> tableItems(
      dev.retort.schema.Table table,
      java.util.function.Function<dev.retort.schema.Column, String> column,
      java.util.Optional<PrimaryKey> primaryKey) {
    List<String> items = new java.util.ArrayList<>();
    for (dev.retort.schema.Column c : table.columns()) {
      items.add(column.apply(c));
    }
    items.addAll(tableConstraints(primaryKey, table));
    return items;
  }

  /**
   * The constraint items of {@code CREATE TABLE}: {@code primaryKey} (the table's, or none where
   * the dialect writes it on its column), then unique, check and foreign key constraints.
   */
  protected List<String> tableConstraints(
      java.util.Optional<PrimaryKey> primaryKey, dev.retort.schema.Table table) {
    List<String> items = new java.util.ArrayList<>();
    primaryKey.ifPresent(pk -> items.add(constraint(pk)));
    table.uniques().forEach(u -> items.add(constraint(u)));
    table.checks().forEach(c -> items.add(constraint(c)));
    table.foreignKeys().forEach(fk -> items.add(constraint(fk)));
    return items;
  }

  /**
   * A literal default: bare when the column is known to be numeric (and the text is a number) or
   * boolean (and the text is true or false), otherwise {@link #quotedDefault}, which the database
   * converts to the column's type, so quoting is never wrong, only less readable.
   */
  protected String literalDefault(
      String text, java.util.Optional<dev.retort.schema.ColumnType> type) {
    if (type.isPresent() && numeric.test(type.get()) && NUMBER.matcher(text).matches()) {
      return text;
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (type.isPresent()
        && bool.test(type.get())
        && (lower.equals("true") || lower.equals("false"))) {
      return lower.toUpperCase(java.util.Locale.ROOT);
    }
    return quotedDefault(text, type);
  }

  /** A literal default as a string literal. */
  protected String quotedDefault(
      String text, java.util.Optional<dev.retort.schema.ColumnType> type) {
    return dialect.literal(text);
  }

  /** A table constraint as {@code CREATE TABLE} and {@code ADD CONSTRAINT} write it. */
  protected String constraint(Constraint constraint) {
    String name = constraintName(constraint);
    if (constraint instanceof PrimaryKey pk) {
      return name + "PRIMARY KEY (" + columns(pk.columns()) + ")";
    }
    if (constraint instanceof UniqueConstraint u) {
      return name + "UNIQUE (" + columns(u.columns()) + ")";
    }
    if (constraint instanceof CheckConstraint c) {
      return name + "CHECK (" + checkExpression(c) + ")";
    }
    if (constraint instanceof ForeignKey fk) {
      return name
          + "FOREIGN KEY ("
          + columns(fk.columns())
          + ") REFERENCES "
          + referencedTable(fk)
          + " ("
          + columns(fk.referencedColumns())
          + ")"
          + (fk.matchFull() ? " MATCH FULL" : "")
          + action("ON DELETE", fk.onDelete())
          + action("ON UPDATE", fk.onUpdate())
          + deferral(fk);
    }
    throw new AssertionError("unhandled constraint " + constraint.getClass().getName());
  }

  /** {@code CONSTRAINT name }, or nothing for an unnamed constraint. */
  protected String constraintName(Constraint constraint) {
    return constraint.name().map(n -> "CONSTRAINT " + q(n) + " ").orElse("");
  }

  /** A check's expression, as written; a dialect that cannot enforce checks refuses here. */
  protected String checkExpression(CheckConstraint check) {
    return check.expression();
  }

  /** The table a foreign key references. */
  protected String referencedTable(ForeignKey fk) {
    return q(fk.referencedTable());
  }

  /** {@code DEFERRABLE} and {@code INITIALLY DEFERRED}, as the key asks. */
  protected String deferral(ForeignKey fk) {
    return (fk.deferrable() ? " DEFERRABLE" : "")
        + (fk.initiallyDeferred() ? " INITIALLY DEFERRED" : "");
  }

  /**
   * {@code ON DELETE/UPDATE action}, or nothing for {@code NO ACTION}, every database's default.
   */
  protected static String action(String clause, ReferentialAction action) {
    return action == ReferentialAction.NO_ACTION ? "" : " " + clause + " " + action.sql();
  }

  /** Identifiers, quoted as needed, comma-separated. */
  protected String columns(List<String> names) {
    return names.stream().map(this::q).collect(Collectors.joining(", "));
  }

  protected String q(String identifier) {
    return dialect.quote(identifier);
  }

  protected String q(QualifiedName name) {
    return dialect.quote(name);
  }

  /**
   * Refuses MySQL's {@code ON UPDATE} on {@code column} (from a column, or the new side of an
   * alter) where the database has none, rather than dropping it silently.
   */
  protected final void refuseOnUpdate(String column, java.util.Optional<String> onUpdate) {
    if (onUpdate.isPresent()) {
      throw new dev.retort.error.UsageException(
          "column "
              + column
              + " has ON UPDATE "
              + onUpdate.get()
              + ", which only MySQL and MariaDB have; "
              + dialectName()
              + " sets a column on update with a trigger");
    }
  }
}
