package dev.retort.ops;

/**
 * One schema change: the only change vocabulary in Retort. Migrations produce ops through {@link
 * Operations}, dialects render them to SQL, and {@link #reverse()} gives the downgrade.
 */
public sealed interface Op
    permits CreateTable,
        DropTable,
        RenameTable,
        AddColumn,
        DropColumn,
        AlterColumn,
        CreateIndex,
        DropIndex,
        AddConstraint,
        DropConstraint,
        ExecuteSql,
        CreateEnum,
        DropEnum,
        AddEnumValue,
        RenameEnumValue,
        RenameType,
        CreateSequence,
        DropSequence,
        AlterSequence,
        CreateDomain,
        DropDomain,
        CreateSchema,
        DropSchema,
        CreateExtension,
        DropExtension,
        SetTableComment,
        AlterTableOptions,
        SetColumnComment,
        ValidateConstraint,
        BulkInsert,
        CreateObject,
        DropObject,
        ReplaceObject {

  /**
   * The op that undoes this one.
   *
   * @throws dev.retort.error.IrreversibleOperationException when this op does not carry what its
   *     inverse needs (a drop without the dropped definition, SQL without its undo)
   */
  Op reverse();

  /** A short human description, used in logs and error messages. */
  String describe();
}
