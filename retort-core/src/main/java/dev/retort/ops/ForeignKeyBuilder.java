package dev.retort.ops;

import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import java.util.List;
import java.util.Optional;

/**
 * Describes a foreign key: {@code t.foreignKey("fk_goal_user", "user_id").references("user",
 * "id")}.
 */
public final class ForeignKeyBuilder {
  private final String name;
  private final List<String> columns;
  private QualifiedName referencedTable;
  private List<String> referencedColumns;
  private ReferentialAction onDelete = ReferentialAction.NO_ACTION;
  private ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
  private boolean deferrable;
  private boolean initiallyDeferred;
  private boolean notValid;
  private boolean matchFull;

  ForeignKeyBuilder(String name, List<String> columns) {
    this.name = name;
    this.columns = List.copyOf(columns);
  }

  /** The referenced table and its columns, matching this key's columns in order. */
  public ForeignKeyBuilder references(String table, String... columns) {
    this.referencedTable = QualifiedName.parse(table);
    this.referencedColumns = List.of(columns);
    return this;
  }

  public ForeignKeyBuilder onDelete(ReferentialAction action) {
    this.onDelete = action;
    return this;
  }

  public ForeignKeyBuilder onUpdate(ReferentialAction action) {
    this.onUpdate = action;
    return this;
  }

  /** Lets a transaction postpone the check to COMMIT ({@code SET CONSTRAINTS ... DEFERRED}). */
  public ForeignKeyBuilder deferrable() {
    this.deferrable = true;
    return this;
  }

  /** Checks at COMMIT unless the transaction says otherwise; implies {@link #deferrable()}. */
  public ForeignKeyBuilder initiallyDeferred() {
    this.deferrable = true;
    this.initiallyDeferred = true;
    return this;
  }

  /**
   * {@code MATCH FULL}: the key's columns are all NULL or all set (PostgreSQL; the others ignore
   * it).
   */
  public ForeignKeyBuilder matchFull() {
    this.matchFull = true;
    return this;
  }

  /**
   * Adds the key without checking existing rows (PostgreSQL {@code NOT VALID}); only for {@link
   * Operations#createForeignKey(String, String, List, java.util.function.Consumer)} on an existing
   * table.
   */
  public ForeignKeyBuilder notValid() {
    this.notValid = true;
    return this;
  }

  boolean isNotValid() {
    return notValid;
  }

  ForeignKey build() {
    if (referencedTable == null) {
      throw new IllegalStateException(
          "foreign key " + name + " needs references(table, columns...)");
    }
    return new ForeignKey(
        Optional.ofNullable(name),
        columns,
        referencedTable,
        referencedColumns,
        onDelete,
        onUpdate,
        deferrable,
        initiallyDeferred,
        matchFull);
  }
}
