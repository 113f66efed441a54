package dev.retort.dialect;

import dev.retort.error.UsageException;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AddEnumValue;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.AlterSequence;
import dev.retort.ops.BulkInsert;
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
import dev.retort.ops.DropObject;
import dev.retort.ops.DropSchema;
import dev.retort.ops.DropSequence;
import dev.retort.ops.DropTable;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.Op;
import dev.retort.ops.RenameEnumValue;
import dev.retort.ops.RenameTable;
import dev.retort.ops.RenameType;
import dev.retort.ops.ReplaceObject;
import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.ops.ValidateConstraint;
import java.util.List;
import java.util.Locale;

/**
 * Turns ops into SQL for one database: one method per op, and {@link #render(Op)} as the single
 * place that dispatches. Rendering is pure; it executes nothing, so the same output serves live
 * runs, offline scripts and tests.
 */
public interface Renderer {
  List<Sql> createTable(CreateTable op);

  List<Sql> dropTable(DropTable op);

  List<Sql> renameTable(RenameTable op);

  List<Sql> addColumn(AddColumn op);

  List<Sql> dropColumn(DropColumn op);

  List<Sql> alterColumn(AlterColumn op);

  List<Sql> createIndex(CreateIndex op);

  List<Sql> dropIndex(DropIndex op);

  List<Sql> addConstraint(AddConstraint op);

  List<Sql> dropConstraint(DropConstraint op);

  List<Sql> executeSql(ExecuteSql op);

  // The ops below are not portable. Each method refuses by default, so that a dialect only
  // overrides what its database can do and a new op never breaks a third-party dialect's build.

  /** Creates an enum type; by default refused. */
  default List<Sql> createEnum(CreateEnum op) {
    throw unsupported(
        op,
        "enum types are a PostgreSQL feature; "
            + dialectName()
            + " has none — use a text column with a check constraint");
  }

  /** Drops an enum type; by default refused. */
  default List<Sql> dropEnum(DropEnum op) {
    throw unsupported(op, "enum types are a PostgreSQL feature; " + dialectName() + " has none");
  }

  /** Adds a value to an enum type; by default refused. */
  default List<Sql> addEnumValue(AddEnumValue op) {
    throw unsupported(
        op,
        "enum types are a PostgreSQL feature; "
            + dialectName()
            + " has none — widen the check constraint instead");
  }

  /** Renames a value of an enum type; by default refused. */
  default List<Sql> renameEnumValue(RenameEnumValue op) {
    throw unsupported(
        op,
        "enum types are a PostgreSQL feature; "
            + dialectName()
            + " has none — update the rows and the check constraint instead");
  }

  /** Renames a user-defined type; by default refused. */
  default List<Sql> renameType(RenameType op) {
    throw unsupported(op, dialectName() + " has no named types to rename");
  }

  /** Creates a sequence; by default refused. */
  default List<Sql> createSequence(CreateSequence op) {
    throw unsupported(op, dialectName() + " has no sequences — use an autoIncrement column");
  }

  /** Drops a sequence; by default refused. */
  default List<Sql> dropSequence(DropSequence op) {
    throw unsupported(op, dialectName() + " has no sequences");
  }

  /** Changes a sequence's options; by default refused. */
  default List<Sql> alterSequence(AlterSequence op) {
    throw unsupported(op, dialectName() + " has no sequences");
  }

  /** Creates a domain; by default refused. */
  default List<Sql> createDomain(CreateDomain op) {
    throw unsupported(
        op,
        dialectName()
            + " has no domains — use the base type with a check constraint on each column");
  }

  /** Drops a domain; by default refused. */
  default List<Sql> dropDomain(DropDomain op) {
    throw unsupported(op, dialectName() + " has no domains");
  }

  /** Creates a schema; by default refused. */
  default List<Sql> createSchema(CreateSchema op) {
    throw unsupported(op, dialectName() + " has no schemas to create inside a database");
  }

  /** Drops a schema; by default refused. */
  default List<Sql> dropSchema(DropSchema op) {
    throw unsupported(op, dialectName() + " has no schemas to drop inside a database");
  }

  /** Loads an extension; by default refused. */
  default List<Sql> createExtension(CreateExtension op) {
    throw unsupported(op, "extensions are a PostgreSQL feature; " + dialectName() + " has none");
  }

  /** Removes an extension; by default refused. */
  default List<Sql> dropExtension(DropExtension op) {
    throw unsupported(op, "extensions are a PostgreSQL feature; " + dialectName() + " has none");
  }

  /** Sets or removes a table comment; by default refused. */
  default List<Sql> setTableComment(SetTableComment op) {
    throw unsupported(op, dialectName() + " cannot store comments on tables");
  }

  /**
   * Changes MySQL's table options; by default nothing, as other databases have no table options
   * (and their catalogs report none, so there is nothing to compare either).
   */
  default List<Sql> alterTableOptions(dev.retort.ops.AlterTableOptions op) {
    return List.of();
  }

  /** Sets or removes a column comment; by default refused. */
  default List<Sql> setColumnComment(SetColumnComment op) {
    throw unsupported(op, dialectName() + " cannot store comments on columns");
  }

  /** Validates a constraint added NOT VALID; by default refused. */
  default List<Sql> validateConstraint(ValidateConstraint op) {
    throw unsupported(
        op,
        dialectName()
            + " has no NOT VALID constraints to validate — "
            + "leave this op out for "
            + dialectName());
  }

  /**
   * Inserts rows with bound parameters in multi-row statements; refused by default only because
   * each database limits the rows and parameters of one statement differently.
   */
  default List<Sql> bulkInsert(BulkInsert op) {
    throw unsupported(
        op,
        "the "
            + dialectName()
            + " renderer does not implement bulk inserts — "
            + "use op.execute(\"INSERT ...\", values...) per row");
  }

  /**
   * Creates a schema object: its own statements, which it carries in this database's words (it was
   * read from one, or written for one).
   */
  default List<Sql> createObject(CreateObject op) {
    return op.object().create().stream().map(Sql::of).toList();
  }

  /** Drops a schema object with its statements. */
  default List<Sql> dropObject(DropObject op) {
    return op.object().drop().stream().map(Sql::of).toList();
  }

  /** Replaces a schema object in place: the new definition's statements. */
  default List<Sql> replaceObject(ReplaceObject op) {
    return op.to().create().stream().map(Sql::of).toList();
  }

  /**
   * The dialect's name for messages; by default the class name without {@code Renderer}, in lower
   * case ({@code SqliteRenderer}: {@code sqlite}).
   */
  default String dialectName() {
    return getClass().getSimpleName().replaceFirst("Renderer$", "").toLowerCase(Locale.ROOT);
  }

  private UsageException unsupported(Op op, String why) {
    return new UsageException(op.describe() + ": " + why);
  }

  /** Renders any op; a new op type that is not dispatched here fails the renderer coverage test. */
  default List<Sql> render(Op op) {
    if (op instanceof CreateTable o) return createTable(o);
    if (op instanceof DropTable o) return dropTable(o);
    if (op instanceof RenameTable o) return renameTable(o);
    if (op instanceof AddColumn o) return addColumn(o);
    if (op instanceof DropColumn o) return dropColumn(o);
    if (op instanceof AlterColumn o) return alterColumn(o);
    if (op instanceof CreateIndex o) return createIndex(o);
    if (op instanceof DropIndex o) return dropIndex(o);
    if (op instanceof AddConstraint o) return addConstraint(o);
    if (op instanceof DropConstraint o) return dropConstraint(o);
    if (op instanceof ExecuteSql o) return executeSql(o);
    if (op instanceof CreateEnum o) return createEnum(o);
    if (op instanceof DropEnum o) return dropEnum(o);
    if (op instanceof AddEnumValue o) return addEnumValue(o);
    if (op instanceof RenameEnumValue o) return renameEnumValue(o);
    if (op instanceof RenameType o) return renameType(o);
    if (op instanceof CreateSequence o) return createSequence(o);
    if (op instanceof DropSequence o) return dropSequence(o);
    if (op instanceof AlterSequence o) return alterSequence(o);
    if (op instanceof CreateDomain o) return createDomain(o);
    if (op instanceof DropDomain o) return dropDomain(o);
    if (op instanceof CreateSchema o) return createSchema(o);
    if (op instanceof DropSchema o) return dropSchema(o);
    if (op instanceof CreateExtension o) return createExtension(o);
    if (op instanceof DropExtension o) return dropExtension(o);
    if (op instanceof SetTableComment o) return setTableComment(o);
    if (op instanceof dev.retort.ops.AlterTableOptions o) return alterTableOptions(o);
    if (op instanceof SetColumnComment o) return setColumnComment(o);
    if (op instanceof ValidateConstraint o) return validateConstraint(o);
    if (op instanceof BulkInsert o) return bulkInsert(o);
    if (op instanceof CreateObject o) return createObject(o);
    if (op instanceof DropObject o) return dropObject(o);
    if (op instanceof ReplaceObject o) return replaceObject(o);
    throw new AssertionError("unhandled op " + op.getClass().getName());
  }
}
