package dev.retort;

import dev.retort.autogenerate.Comparison;
import dev.retort.codegen.DataLoss;
import dev.retort.codegen.SqlMigrationWriter;
import java.util.List;
import java.util.Optional;

/**
 * How the database differs from the desired schema.
 *
 * @param upgrade one step per change that brings the database to the definition
 * @param downgrade the reversed changes, in reverse order
 * @param renameWarnings drops and adds that may be renames, as warnings
 * @param irreversible why some changes are missing from the downgrade (no inverse exists)
 * @param leftOut what the desired schema holds that Retort does not model (functions, triggers,
 *     views, ...), which neither the comparison nor a migration covers
 * @param notes what loading the desired schema found worth saying: a SQL file's transaction control
 *     and seed data, statements it left out
 */
public record SchemaDiff(
    List<Step> upgrade,
    List<Step> downgrade,
    List<String> renameWarnings,
    List<String> irreversible,
    Optional<String> leftOut,
    List<String> notes) {
  public SchemaDiff {
    notes = List.copyOf(notes);
    upgrade = List.copyOf(upgrade);
    downgrade = List.copyOf(downgrade);
    renameWarnings = List.copyOf(renameWarnings);
    irreversible = List.copyOf(irreversible);
  }

  static SchemaDiff from(Comparison c) {
    return new SchemaDiff(
        steps(c.upgrade()),
        steps(c.downgrade()),
        c.renameWarnings(),
        c.irreversible(),
        c.leftOut(),
        c.notes());
  }

  private static List<Step> steps(List<SqlMigrationWriter.Step> steps) {
    return steps.stream()
        .map(s -> new Step(s.op().describe(), s.statements(), s.problem(), DataLoss.of(s.op())))
        .toList();
  }

  /** Whether the database matches the definition. */
  public boolean isEmpty() {
    return upgrade.isEmpty();
  }

  /**
   * One change and its SQL for this database.
   *
   * @param description what the change does, in words
   * @param statements its SQL statements, without terminators; empty when {@code problem} is set
   * @param problem why it has no SQL ahead of time (it is planned when a Java migration runs)
   * @param dataLoss what data the change destroys, if any
   */
  public record Step(
      String description,
      List<String> statements,
      Optional<String> problem,
      Optional<String> dataLoss) {
    public Step {
      statements = List.copyOf(statements);
    }
  }
}
