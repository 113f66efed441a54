package dev.retort.codegen;

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
import dev.retort.ops.OpSink;
import dev.retort.ops.Operations;
import dev.retort.ops.RenameEnumValue;
import dev.retort.ops.RenameTable;
import dev.retort.ops.RenameType;
import dev.retort.ops.ReplaceObject;
import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.ops.ValidateConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes one {@link Op} as Java statements calling the {@link Operations} API, the way a person
 * writes a migration: {@code op.createTable("users", t -> { ... });}.
 *
 * <p>Every readable form is printed together with the same calls made on real builders, and is used
 * only when those calls give back an op equal to the original. Where the API cannot say exactly
 * what the op holds (a named primary key, {@code DROP TABLE IF EXISTS}, a constraint drop that
 * carries its definition...), the op is written as {@code op.apply(new X(...))} with every field
 * spelled out, so nothing is ever lost.
 *
 * <p>The readable forms are printed per family of ops: {@link TablePrinter}, {@link ColumnPrinter},
 * {@link IndexPrinter}, {@link ConstraintPrinter}, {@link SchemaObjectPrinter} and {@link
 * DataPrinter}; the one dispatch over every op stays here.
 */
public final class OpSourcePrinter {
  private final TablePrinter tables;
  private final ColumnPrinter columns;
  private final ConstraintPrinter constraints;
  private final SchemaObjectPrinter objects;
  private final DataPrinter data;
  private final DefinitionPrinter definitions;

  private OpSourcePrinter(Imports imports) {
    JavaValues values = new JavaValues(imports);
    this.constraints = new ConstraintPrinter(values);
    this.columns = new ColumnPrinter(values, constraints);
    this.tables = new TablePrinter(values, columns, constraints);
    this.objects = new SchemaObjectPrinter(values);
    this.data = new DataPrinter(imports, values);
    this.definitions = new DefinitionPrinter(imports, values);
  }

  /**
   * Java statements (one, possibly spanning lines, ending in {@code ;}) that perform {@code op}
   * through an {@link Operations} named {@code op}. The imports they need are those of {@link
   * #print(Op, Imports)}.
   */
  public static String print(Op op) {
    return print(op, new Imports());
  }

  /** {@link #print(Op)}, adding the imports the statements need to {@code imports}. */
  static String print(Op written, Imports imports) {
    Op op = DefinitionPrinter.bare(written);
    Imports own = new Imports();
    Optional<Call> readable = new OpSourcePrinter(own).readable(op);
    if (readable.isPresent() && op.equals(replay(readable.get()))) {
      imports.addAll(own);
      return readable.get().source();
    }
    return "op.apply(" + new JavaValues(imports).of(op) + ");";
  }

  private static Op replay(Call call) {
    List<Op> ops = new ArrayList<>();
    try {
      call.replay().accept(new Operations(OpSink.recording(ops, "codegen")));
    } catch (RuntimeException e) {
      return null; // the builders refuse this form of the op: write it in full instead
    }
    return ops.size() == 1 ? ops.get(0) : null;
  }

  /**
   * The one dispatch over every op; {@code OpSourcePrinterTest} walks the permitted types. Empty
   * where the API has no call that says the op exactly.
   */
  private Optional<Call> readable(Op op) {
    if (op instanceof CreateTable o) {
      return tables.createTable(o);
    }
    if (op instanceof DropTable o) {
      return tables.dropTable(o);
    }
    if (op instanceof RenameTable o) {
      return tables.renameTable(o);
    }
    if (op instanceof SetTableComment o) {
      return tables.setTableComment(o);
    }
    if (op instanceof dev.retort.ops.AlterTableOptions o) {
      return tables.alterTableOptions(o);
    }
    if (op instanceof AddColumn o) {
      return columns.addColumn(o);
    }
    if (op instanceof DropColumn o) {
      return columns.dropColumn(o);
    }
    if (op instanceof AlterColumn o) {
      return columns.alterColumn(o);
    }
    if (op instanceof SetColumnComment o) {
      return columns.setColumnComment(o);
    }
    if (op instanceof CreateIndex o) {
      return IndexPrinter.createIndex(o);
    }
    if (op instanceof DropIndex o) {
      return IndexPrinter.dropIndex(o);
    }
    if (op instanceof AddConstraint o) {
      return constraints.addConstraint(o);
    }
    if (op instanceof DropConstraint o) {
      return constraints.dropConstraint(o);
    }
    if (op instanceof ValidateConstraint o) {
      return constraints.validateConstraint(o);
    }
    if (op instanceof CreateEnum o) {
      return objects.createEnum(o);
    }
    if (op instanceof DropEnum o) {
      return objects.dropEnum(o);
    }
    if (op instanceof AddEnumValue o) {
      return objects.addEnumValue(o);
    }
    if (op instanceof RenameEnumValue o) {
      return objects.renameEnumValue(o);
    }
    if (op instanceof RenameType o) {
      return objects.renameType(o);
    }
    if (op instanceof CreateSequence o) {
      return objects.createSequence(o);
    }
    if (op instanceof DropSequence o) {
      return objects.dropSequence(o);
    }
    if (op instanceof AlterSequence o) {
      return objects.alterSequence(o);
    }
    if (op instanceof CreateDomain o) {
      return objects.createDomain(o);
    }
    if (op instanceof DropDomain o) {
      return objects.dropDomain(o);
    }
    if (op instanceof CreateSchema o) {
      return objects.createSchema(o);
    }
    if (op instanceof DropSchema o) {
      return objects.dropSchema(o);
    }
    if (op instanceof CreateExtension o) {
      return objects.createExtension(o);
    }
    if (op instanceof DropExtension o) {
      return objects.dropExtension(o);
    }
    if (op instanceof ExecuteSql o) {
      return data.execute(o);
    }
    if (op instanceof BulkInsert o) {
      return data.bulkInsert(o);
    }
    if (op instanceof CreateObject o) {
      return definitions.createObject(o);
    }
    if (op instanceof DropObject o) {
      return definitions.dropObject(o);
    }
    if (op instanceof ReplaceObject o) {
      return definitions.replaceObject(o);
    }
    throw new IllegalStateException("OpSourcePrinter does not handle " + op.getClass().getName());
  }
}
