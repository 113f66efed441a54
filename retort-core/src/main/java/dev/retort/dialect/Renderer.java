package dev.retort.dialect;

import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropTable;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.Op;
import dev.retort.ops.RenameTable;
import java.util.List;

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
    throw new AssertionError("unhandled op " + op.getClass().getName());
  }
}
