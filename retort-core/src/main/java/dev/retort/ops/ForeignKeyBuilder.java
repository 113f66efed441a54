package dev.retort.ops;

import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import java.util.List;
import java.util.Optional;

/** Describes a foreign key: {@code t.foreignKey("fk_goal_user", "user_id").references("user", "id")}. */
public final class ForeignKeyBuilder {
  private final String name;
  private final List<String> columns;
  private QualifiedName referencedTable;
  private List<String> referencedColumns;
  private ReferentialAction onDelete = ReferentialAction.NO_ACTION;
  private ReferentialAction onUpdate = ReferentialAction.NO_ACTION;

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

  ForeignKey build() {
    if (referencedTable == null) {
      throw new IllegalStateException("foreign key " + name + " needs references(table, columns...)");
    }
    return new ForeignKey(Optional.ofNullable(name), columns, referencedTable, referencedColumns,
        onDelete, onUpdate);
  }
}
