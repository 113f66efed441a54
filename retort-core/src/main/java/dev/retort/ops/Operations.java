package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.UsageException;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The operations a migration calls. Each call becomes one {@link Op}, rendered for the database at
 * hand and run at once (or written to the script with {@code --sql}). Table names may be qualified
 * with a schema, {@code "audit.events"}.
 *
 * <pre>{@code
 * public void upgrade(Operations op) {
 *   op.createTable("user", t -> {
 *     t.column("id", integer()).primaryKey().autoIncrement();
 *     t.column("email", varchar(120)).notNull().unique();
 *     t.column("password", varchar(128)).notNull();
 *   });
 *   op.createIndex("ix_user_email", "user", "email");
 *   op.createIndex("ix_user_recent", "user", ix -> ix.column("created_at").desc().nullsLast()
 *       .where("deleted_at IS NULL").concurrently());
 *   op.execute("INSERT INTO \"user\" (email, password) VALUES (?, ?)", "a@example.org", "x");
 * }
 * }</pre>
 */
public final class Operations extends ObjectOperations {
  private final OpSink sink;

  /** Operations that send each op to {@code sink}. */
  public Operations(OpSink sink) {
    this.sink = requireNonNull(sink, "sink");
  }

  /** Sends any op, for what the named methods do not cover. */
  @Override
  public Operations apply(Op op) {
    sink.accept(requireNonNull(op, "op"));
    return this;
  }

  /** Creates a table described by {@code spec}. */
  public Operations createTable(String table, Consumer<TableBuilder> spec) {
    return apply(new CreateTable(table(table, spec)));
  }

  /** Creates a table from a full definition. */
  public Operations createTable(Table table) {
    return apply(new CreateTable(table));
  }

  /**
   * Creates a table unless one of that name exists ({@code CREATE TABLE IF NOT EXISTS}); an
   * existing table is left as it is, whatever its definition. The downgrade drops the table if it
   * exists.
   *
   * <pre>{@code
   * op.createTableIfNotExists("settings", t -> {
   *   t.column("key", text()).primaryKey();
   *   t.column("value", text());
   * });
   * }</pre>
   */
  public Operations createTableIfNotExists(String table, Consumer<TableBuilder> spec) {
    return apply(new CreateTable(table(table, spec), true));
  }

  /**
   * Drops a table. Irreversible: use {@link #dropTable(String, Consumer)} to keep the downgrade.
   */
  public Operations dropTable(String table) {
    return apply(new DropTable(QualifiedName.parse(table), Optional.empty()));
  }

  /** Drops a table whose definition is given, so that the op can be reversed. */
  public Operations dropTable(String table, Consumer<TableBuilder> definition) {
    Table t = table(table, definition);
    return apply(new DropTable(t.name(), Optional.of(t)));
  }

  /** Drops a table if it exists (DROP TABLE IF EXISTS). Irreversible. */
  public Operations dropTableIfExists(String table) {
    return apply(new DropTable(QualifiedName.parse(table), Optional.empty(), true));
  }

  /**
   * Drops a table if it exists, with the definition its reverse creates it from:
   *
   * <pre>{@code
   * op.dropTableIfExists("legacy_sessions", t -> t.column("id", bigint()).primaryKey());
   * }</pre>
   */
  public Operations dropTableIfExists(String table, Consumer<TableBuilder> definition) {
    Table t = table(table, definition);
    return apply(new DropTable(t.name(), Optional.of(t), true));
  }

  /** Renames a table; foreign keys that reference it follow. */
  public Operations renameTable(String from, String to) {
    return apply(new RenameTable(QualifiedName.parse(from), to));
  }

  /** Adds a nullable column. */
  public Operations addColumn(String table, String column, ColumnType type) {
    return addColumn(table, column, type, c -> {});
  }

  /** Adds a column refined by {@code spec} ({@code notNull()}, {@code defaultValue(...)}). */
  public Operations addColumn(
      String table, String column, ColumnType type, Consumer<ColumnBuilder> spec) {
    return apply(new AddColumn(QualifiedName.parse(table), column(column, type, spec)));
  }

  /** Drops a column. Irreversible: give its type to keep the downgrade. */
  public Operations dropColumn(String table, String column) {
    return apply(new DropColumn(QualifiedName.parse(table), column, Optional.empty()));
  }

  /** Drops a column whose definition is given, so that the op can be reversed. */
  public Operations dropColumn(
      String table, String column, ColumnType type, Consumer<ColumnBuilder> spec) {
    return apply(
        new DropColumn(
            QualifiedName.parse(table), column, Optional.of(column(column, type, spec))));
  }

  /** Changes a column's type, nullability, default or name. */
  public Operations alterColumn(String table, String column, Consumer<AlterColumnBuilder> change) {
    AlterColumnBuilder b = new AlterColumnBuilder();
    change.accept(b);
    return apply(b.build(QualifiedName.parse(table), column));
  }

  /** Creates an index. */
  public Operations createIndex(String name, String table, String... columns) {
    return apply(
        new CreateIndex(
            new Index(
                name, QualifiedName.parse(table), List.of(columns), false, Optional.empty())));
  }

  /** Creates a unique index. */
  public Operations createUniqueIndex(String name, String table, String... columns) {
    return apply(
        new CreateIndex(
            new Index(name, QualifiedName.parse(table), List.of(columns), true, Optional.empty())));
  }

  /**
   * Creates an index described by {@code spec}: keys that are columns or expressions, each with its
   * order, and the method, included columns, predicate, uniqueness. With {@code concurrently()}
   * PostgreSQL builds it without blocking writes, outside a transaction.
   *
   * <pre>{@code
   * op.createIndex("ix_orders_recent", "orders", ix -> ix
   *     .column("customer_id")
   *     .column("placed_at").desc().nullsLast()
   *     .include("total")
   *     .where("cancelled_at IS NULL")
   *     .concurrently());
   * op.createIndex("ux_users_email", "users", ix -> ix.expression("lower(email)").unique());
   * op.createIndex("ix_docs_body", "docs", ix -> ix.using("gin").column("body").opclass("jsonb_path_ops"));
   * }</pre>
   */
  public Operations createIndex(String name, String table, Consumer<IndexBuilder> spec) {
    IndexBuilder b = new IndexBuilder();
    spec.accept(b);
    return apply(new CreateIndex(b.build(name, QualifiedName.parse(table)), b.isConcurrently()));
  }

  /** Drops an index. Irreversible unless recreated by hand in the downgrade. */
  public Operations dropIndex(String name, String table) {
    return apply(new DropIndex(QualifiedName.parse(table), name, Optional.empty()));
  }

  /**
   * Drops an index whose definition is given as for {@link #createIndex(String, String, Consumer)},
   * so that the downgrade recreates it; {@code concurrently()} drops it, and recreates it, without
   * blocking the table.
   *
   * <pre>{@code
   * op.dropIndex("ix_orders_recent", "orders", ix -> ix.column("placed_at").desc().concurrently());
   * }</pre>
   */
  public Operations dropIndex(String name, String table, Consumer<IndexBuilder> definition) {
    IndexBuilder b = new IndexBuilder();
    definition.accept(b);
    QualifiedName t = QualifiedName.parse(table);
    return apply(new DropIndex(t, name, Optional.of(b.build(name, t)), b.isConcurrently()));
  }

  /**
   * Drops an index without blocking the table (PostgreSQL {@code DROP INDEX CONCURRENTLY}, run
   * outside a transaction). Irreversible: use {@link #dropIndex(String, String, Consumer)} to keep
   * the downgrade.
   */
  public Operations dropIndexConcurrently(String name, String table) {
    return apply(new DropIndex(QualifiedName.parse(table), name, Optional.empty(), true));
  }

  /** Adds a named foreign key with NO ACTION on delete and update. */
  public Operations createForeignKey(
      String name,
      String table,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns) {
    return createForeignKey(
        name,
        table,
        columns,
        referencedTable,
        referencedColumns,
        ReferentialAction.NO_ACTION,
        ReferentialAction.NO_ACTION);
  }

  /** Adds a named foreign key with the given actions. */
  public Operations createForeignKey(
      String name,
      String table,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate) {
    ForeignKeyBuilder fk =
        new ForeignKeyBuilder(name, columns)
            .references(referencedTable, referencedColumns.toArray(String[]::new))
            .onDelete(onDelete)
            .onUpdate(onUpdate);
    return apply(new AddConstraint(QualifiedName.parse(table), fk.build()));
  }

  /**
   * Adds a named foreign key over {@code columns}, described by {@code spec}:
   *
   * <pre>{@code
   * op.createForeignKey("fk_order_customer", "orders", List.of("customer_id"), fk -> fk
   *     .references("customers", "id")
   *     .onDelete(CASCADE)
   *     .initiallyDeferred()   // checked at COMMIT
   *     .notValid());          // existing rows are not checked now (PostgreSQL)
   * }</pre>
   */
  public Operations createForeignKey(
      String name, String table, List<String> columns, Consumer<ForeignKeyBuilder> spec) {
    ForeignKeyBuilder fk = new ForeignKeyBuilder(name, columns);
    spec.accept(fk);
    return apply(new AddConstraint(QualifiedName.parse(table), fk.build(), fk.isNotValid()));
  }

  /**
   * Adds a named primary key to a table that has none (to change a key, drop the old one first:
   * {@code dropConstraint}). On SQLite this rebuilds the table.
   *
   * <pre>{@code
   * op.createPrimaryKey("pk_order_lines", "order_lines", "order_id", "line_no");
   * }</pre>
   */
  public Operations createPrimaryKey(String name, String table, String... columns) {
    return apply(
        new AddConstraint(
            QualifiedName.parse(table), new PrimaryKey(Optional.of(name), List.of(columns))));
  }

  /** Adds a named unique constraint. */
  public Operations createUniqueConstraint(String name, String table, String... columns) {
    return apply(
        new AddConstraint(
            QualifiedName.parse(table), new UniqueConstraint(Optional.of(name), List.of(columns))));
  }

  /** Adds a named check constraint; {@code expression} is SQL. */
  public Operations createCheckConstraint(String name, String table, String expression) {
    return apply(
        new AddConstraint(
            QualifiedName.parse(table), new CheckConstraint(Optional.of(name), expression)));
  }

  /**
   * Adds a named check constraint without checking the existing rows (PostgreSQL {@code NOT
   * VALID}): only new and updated rows must pass it until it is validated.
   */
  public Operations createCheckConstraintNotValid(String name, String table, String expression) {
    return apply(
        new AddConstraint(
            QualifiedName.parse(table), new CheckConstraint(Optional.of(name), expression), true));
  }

  /** Drops a constraint by name. Irreversible unless recreated by hand in the downgrade. */
  public Operations dropConstraint(String name, String table) {
    return apply(new DropConstraint(QualifiedName.parse(table), name, Optional.empty()));
  }

  /**
   * Drops a foreign key, given the definition its reverse adds back:
   *
   * <pre>{@code
   * op.dropForeignKey("fk_goal_user", "goal", List.of("user_id"), fk -> fk
   *     .references("users", "id").onDelete(CASCADE));
   * }</pre>
   *
   * ({@code notValid()} in the spec makes the reverse add it back without checking existing rows.)
   */
  public Operations dropForeignKey(
      String name, String table, List<String> columns, Consumer<ForeignKeyBuilder> definition) {
    ForeignKeyBuilder fk = new ForeignKeyBuilder(name, columns);
    definition.accept(fk);
    return apply(
        new DropConstraint(
            QualifiedName.parse(table), name, Optional.of(fk.build()), fk.isNotValid()));
  }

  /** Drops a named primary key over {@code columns}, which its reverse adds back. */
  public Operations dropPrimaryKey(String name, String table, String... columns) {
    return apply(
        new DropConstraint(
            QualifiedName.parse(table),
            name,
            Optional.of(new PrimaryKey(Optional.of(name), List.of(columns)))));
  }

  /** Drops a named unique constraint over {@code columns}, which its reverse adds back. */
  public Operations dropUniqueConstraint(String name, String table, String... columns) {
    return apply(
        new DropConstraint(
            QualifiedName.parse(table),
            name,
            Optional.of(new UniqueConstraint(Optional.of(name), List.of(columns)))));
  }

  /** Drops a named check constraint, whose expression its reverse adds back. */
  public Operations dropCheckConstraint(String name, String table, String expression) {
    return apply(
        new DropConstraint(
            QualifiedName.parse(table),
            name,
            Optional.of(new CheckConstraint(Optional.of(name), expression))));
  }

  /**
   * Drops a named check constraint whose reverse adds it back without checking the existing rows
   * (PostgreSQL {@code NOT VALID}), as {@link #createCheckConstraintNotValid} added it.
   */
  public Operations dropCheckConstraintNotValid(String name, String table, String expression) {
    return apply(
        new DropConstraint(
            QualifiedName.parse(table),
            name,
            Optional.of(new CheckConstraint(Optional.of(name), expression)),
            true));
  }

  /**
   * Runs SQL as written, and names the SQL that undoes it, which the reverse (the generated
   * downgrade) runs:
   *
   * <pre>{@code
   * op.executeReversible("CREATE VIEW active_users AS SELECT * FROM users WHERE active",
   *     "DROP VIEW active_users");
   * }</pre>
   */
  public Operations executeReversible(String sql, String undoSql) {
    return apply(new ExecuteSql(sql, List.of(), Optional.of(undoSql)));
  }

  /**
   * Marks the migration unfinished: it stops here, before anything after this line runs, with
   * {@code note} as the reason. Autogenerate writes one first where the user must finish the
   * migration (a back-fill, say); delete the line when that is done.
   *
   * <pre>{@code
   * op.todo("fill users.username for the existing rows in the UPDATE below");
   * }</pre>
   *
   * @throws UsageException always: the migration is not finished
   */
  public Operations todo(String note) {
    throw new UsageException(
        "the migration is not finished: " + note + " (it runs once its op.todo line is gone)");
  }

  /** Runs SQL as written, binding {@code parameters} to its {@code ?} placeholders. */
  public Operations execute(String sql, Object... parameters) {
    return apply(new ExecuteSql(sql, Arrays.asList(parameters), Optional.empty()));
  }

  /**
   * The JDBC connection, for data code, inside the migration's transaction when it has one. Not
   * available with {@code --sql}: a migration that needs it cannot be rendered offline.
   */
  public Connection connection() {
    return sink.connection();
  }

  /** Whether this run writes an offline script. */
  public boolean isOffline() {
    return sink.isOffline();
  }

  /** The database's dialect name ({@code postgresql}, {@code sqlite}). */
  public String dialect() {
    return sink.dialectName();
  }

  /**
   * Checks existing rows against a constraint added {@code NOT VALID} and marks it valid; writes
   * continue meanwhile. Irreversible by nature: leave it out of the downgrade.
   *
   * <pre>{@code
   * op.execute("ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total >= 0) NOT VALID");
   * op.validateConstraint("ck_total", "orders");
   * }</pre>
   */
  public Operations validateConstraint(String name, String table) {
    return apply(new ValidateConstraint(QualifiedName.parse(table), name));
  }

  /**
   * Inserts rows, each a list of values for {@code columns} in order ({@code null} inserts NULL).
   * Values are bound as parameters, in multi-row statements of bounded size. Irreversible: delete
   * the rows in the downgrade.
   *
   * <pre>{@code
   * op.bulkInsert("country", List.of("code", "name"),
   *     List.of(List.of("fr", "France"), List.of("ci", "Côte d'Ivoire")));
   * }</pre>
   */
  public Operations bulkInsert(String table, List<String> columns, List<? extends List<?>> rows) {
    // Arrays.asList, unlike List.copyOf, keeps the nulls that stand for NULL
    List<List<Object>> values = rows.stream().map(row -> Arrays.asList(row.toArray())).toList();
    return apply(new BulkInsert(QualifiedName.parse(table), columns, values));
  }

  private static Table table(String table, Consumer<TableBuilder> spec) {
    TableBuilder b = new TableBuilder(QualifiedName.parse(table));
    spec.accept(b);
    return b.build();
  }

  private static Column column(String column, ColumnType type, Consumer<ColumnBuilder> spec) {
    ColumnBuilder b = new ColumnBuilder(null, column, type);
    spec.accept(b);
    if (b.isPrimaryKey() || b.isUnique()) {
      throw new IllegalArgumentException(
          "column "
              + column
              + ": primaryKey() and unique() belong in "
              + "createTable; on an existing table use createUniqueConstraint");
    }
    return b.build();
  }
}
