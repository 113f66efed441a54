package dev.retort.dialect.mysql;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Sql;
import dev.retort.dialect.SqlRenderer;
import dev.retort.error.UsageException;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.ColumnState;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropIndex;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.RenameTable;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Constraint;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Renders ops as MySQL/MariaDB DDL. Changes are made in place with {@code ALTER TABLE}; a column
 * whose type or nullability changes is restated whole ({@code CHANGE COLUMN}), which needs what the
 * op does not say from {@code catalog}.
 */
final class MySqlRenderer extends SqlRenderer {

  /** The options of a table that states none: {@link MySqlTableOptions#create}. */
  static final String TABLE_OPTIONS = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

  private final MySqlDialect dialect;
  private final Catalog catalog;
  private final MySqlServer server;

  private final MySqlIndexSql index;
  private final MySqlTableOptions options;

  MySqlRenderer(MySqlDialect dialect, Catalog catalog, MySqlServer server) {
    super(dialect, MySqlTypes::isNumeric, MySqlTypes::isBoolean);
    this.dialect = dialect;
    this.catalog = catalog;
    this.server = server;
    this.index = new MySqlIndexSql(dialect);
    this.options = new MySqlTableOptions(this::literal);
  }

  /**
   * The keys go in the table's order, which MySQL keeps (within unique and plain keys) and lists
   * them in: unique constraints, checks, indexes, then foreign keys, so that the index InnoDB makes
   * for a foreign key that no index serves comes after the table's own, as when the keys are added
   * after the table.
   */
  @Override
  public List<Sql> createTable(CreateTable op) {
    Table table = op.table();
    Map<String, CheckConstraint> onColumns = MySqlColumnChecks.of(table, server.mariaDb());
    List<String> items = new ArrayList<>();
    table
        .columns()
        .forEach(
            c ->
                items.add(
                    columnDefinition(c)
                        + Optional.ofNullable(onColumns.get(c.name()))
                            .map(k -> " CHECK (" + checkExpression(k) + ")")
                            .orElse("")));
    table.primaryKey().ifPresent(pk -> items.add(constraint(pk)));
    table.uniques().forEach(u -> items.add(constraint(u)));
    table.checks().stream()
        .filter(c -> !onColumns.containsValue(c))
        .forEach(c -> items.add(constraint(c)));
    table.indexes().forEach(i -> items.add(index.inline(i)));
    table.foreignKeys().forEach(fk -> items.add(constraint(fk)));
    for (Column column : table.columns()) {
      if (column.autoIncrement() && !leadsAKey(table, column.name())) {
        // InnoDB needs an AUTO_INCREMENT column to lead an index, to find the next value
        // ("Using AUTO_INCREMENT"); PostgreSQL's identity does not, so add a plain one.
        items.add("KEY (" + q(column.name()) + ")");
      }
    }
    String comment = table.comment().map(c -> " COMMENT=" + literal(c)).orElse("");
    return List.of(
        Sql.of(
            "CREATE TABLE "
                + (op.ifNotExists() ? "IF NOT EXISTS " : "")
                + q(table.name())
                + " (\n  "
                + String.join(",\n  ", items)
                + "\n)"
                + options.create(table.options())
                + comment));
  }

  @Override
  public List<Sql> createSequence(dev.retort.ops.CreateSequence op) {
    return MySqlSequences.create(op, server.mariaDb(), this::q);
  }

  @Override
  public List<Sql> dropSequence(dev.retort.ops.DropSequence op) {
    return MySqlSequences.drop(op, server.mariaDb(), this::q);
  }

  @Override
  public List<Sql> alterSequence(dev.retort.ops.AlterSequence op) {
    return MySqlSequences.alter(op, server.mariaDb(), this::q);
  }

  @Override
  public List<Sql> alterTableOptions(dev.retort.ops.AlterTableOptions op) {
    List<String> clauses = options.alter(op);
    return clauses.isEmpty()
        ? List.of()
        : List.of(Sql.of("ALTER TABLE " + q(op.table()) + " " + String.join(" ", clauses)));
  }

  /**
   * The new name takes the old one's database: unqualified, RENAME TABLE moves to the current one.
   */
  @Override
  public List<Sql> renameTable(RenameTable op) {
    return List.of(
        Sql.of("RENAME TABLE " + q(op.from()) + " TO " + q(op.from().withName(op.to()))));
  }

  /**
   * An AUTO_INCREMENT column gets its own index, which it needs and the new column cannot have yet.
   */
  @Override
  public List<Sql> addColumn(AddColumn op) {
    Column column = op.column();
    return List.of(
        Sql.of(
            "ALTER TABLE "
                + q(op.table())
                + " ADD COLUMN "
                + columnDefinition(column)
                + (column.autoIncrement() ? ", ADD KEY (" + q(column.name()) + ")" : "")));
  }

  @Override
  public List<Sql> dropColumn(DropColumn op) {
    return List.of(Sql.of("ALTER TABLE " + q(op.table()) + " DROP COLUMN " + q(op.column())));
  }

  /**
   * A change of type or nullability restates the column with {@code CHANGE COLUMN old new
   * <definition>}, renaming it in the same statement; MySQL resets whatever the definition leaves
   * out ("ALTER TABLE Statement", "Renaming, Redefining, and Reordering Columns"), so the default,
   * AUTO_INCREMENT and comment are restated too. A rename or a default change alone needs no
   * definition: {@code RENAME COLUMN} and {@code ALTER COLUMN ... SET DEFAULT}.
   */
  @Override
  public List<Sql> alterColumn(AlterColumn op) {
    String table = q(op.table());
    if (op.using().isPresent()) {
      throw new UsageException(
          op.describe()
              + ": USING is a PostgreSQL clause; MySQL and MariaDB "
              + "convert values by their own rules, so change the type without it or convert the data first");
    }
    boolean redefine =
        op.has(ColumnChange.TYPE)
            || op.has(ColumnChange.NULLABILITY)
            || (op.has(ColumnChange.NAME) && !server.renameColumn())
            || op.has(ColumnChange.COLLATION)
            || op.has(ColumnChange.IDENTITY)
            || op.has(ColumnChange.COMMENT)
            || op.has(ColumnChange.ON_UPDATE);
    if (redefine) {
      // MySQL restates the whole column: collation, AUTO_INCREMENT and comment included
      Column column = MySqlColumnChange.resolve(op, catalog);
      if (op.has(ColumnChange.COLLATION)) {
        column = column.withCollation(op.changed(ColumnChange.COLLATION, ColumnState::collation));
      }
      if (op.has(ColumnChange.IDENTITY)) {
        column =
            column.withIdentity(op.changed(ColumnChange.IDENTITY, ColumnState::identity).get());
      }
      if (op.has(ColumnChange.COMMENT)) {
        column = column.withComment(op.to().comment());
      }
      return List.of(
          Sql.of(
              "ALTER TABLE "
                  + table
                  + " CHANGE COLUMN "
                  + q(op.column())
                  + " "
                  + columnDefinition(column)));
    }
    List<Sql> out = new ArrayList<>();
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
    if (op.has(ColumnChange.DEFAULT)) {
      String column = "ALTER TABLE " + table + " ALTER COLUMN " + q(op.finalName());
      Optional<ColumnType> type =
          op.to().type().or(() -> MySqlColumnChange.live(op, catalog).map(Column::type));
      out.add(
          Sql.of(
              op.to()
                  .defaultValue()
                  .map(d -> column + " SET DEFAULT " + defaultSql(d, type))
                  .orElse(column + " DROP DEFAULT")));
    }
    return out;
  }

  @Override
  public List<Sql> createIndex(CreateIndex op) {
    return List.of(Sql.of(index.create(op.index())));
  }

  @Override
  public List<Sql> dropIndex(DropIndex op) {
    return List.of(Sql.of("DROP INDEX " + q(op.name()) + " ON " + q(op.table())));
  }

  @Override
  public List<Sql> addConstraint(AddConstraint op) {
    if (op.notValid()) {
      throw new UsageException(
          op.describe()
              + ": NOT VALID is a PostgreSQL feature; MySQL and "
              + "MariaDB check every row when a constraint is added");
    }
    return List.of(Sql.of("ALTER TABLE " + q(op.table()) + " ADD " + constraint(op.constraint())));
  }

  /**
   * MySQL drops each kind of constraint with its own clause, so the kind comes from the op's
   * definition or, failing that, from the live table. Dropping a foreign key leaves behind the
   * index InnoDB made for it ("FOREIGN KEY Constraints", "Dropping Foreign Key Constraints"); when
   * the live table has one named after the key it is dropped too, so that the drop undoes the add.
   */
  @Override
  public List<Sql> dropConstraint(DropConstraint op) {
    String alter = "ALTER TABLE " + q(op.table()) + " ";
    Optional<Constraint> kind = op.definition().or(() -> lookUp(op));
    if (kind.isEmpty()) {
      return List.of(Sql.of(alter + "DROP CONSTRAINT " + q(op.name())));
    }
    Constraint c = kind.get();
    if (c instanceof PrimaryKey) {
      return List.of(Sql.of(alter + "DROP PRIMARY KEY"));
    }
    if (c instanceof UniqueConstraint) {
      return List.of(Sql.of(alter + "DROP INDEX " + q(op.name())));
    }
    if (c instanceof CheckConstraint) {
      return List.of(Sql.of(alter + server.dropCheckClause() + q(op.name())));
    }
    List<Sql> out = new ArrayList<>();
    out.add(Sql.of(alter + "DROP FOREIGN KEY " + q(op.name())));
    if (catalog instanceof MySqlCatalog live && live.hasIndex(op.table(), op.name())) {
      out.add(Sql.of(alter + "DROP INDEX " + q(op.name())));
    }
    return out;
  }

  @Override
  public List<Sql> executeSql(ExecuteSql op) {
    return List.of(new Sql(op.sql(), op.parameters()));
  }

  /**
   * The constraint's kind from the live table; names compare case-insensitively, as MySQL's do.
   * Offline, without a definition, empty: the generic {@code DROP CONSTRAINT} is then written,
   * which MariaDB 10.6+ and MySQL 8.0.19+ accept for every kind.
   */
  private Optional<Constraint> lookUp(DropConstraint op) {
    if (!catalog.isLive()) {
      return Optional.empty();
    }
    Table table =
        catalog
            .table(op.table())
            .orElseThrow(
                () ->
                    new UsageException(
                        "Cannot drop constraint "
                            + op.name()
                            + ": table "
                            + op.table()
                            + " does not exist"));
    Stream<Constraint> all =
        Stream.of(
                table.primaryKey().stream()
                    .map(pk -> (Constraint) new PrimaryKey(Optional.of("PRIMARY"), pk.columns())),
                table.foreignKeys().stream().map(Constraint.class::cast),
                table.uniques().stream().map(Constraint.class::cast),
                table.checks().stream().map(Constraint.class::cast))
            .flatMap(s -> s);
    return Optional.of(
        all.filter(c -> c.name().filter(op.name()::equalsIgnoreCase).isPresent())
            .findFirst()
            .orElseThrow(
                () ->
                    new UsageException(
                        "Cannot drop constraint "
                            + op.name()
                            + " on "
                            + op.table()
                            + ": the table has no constraint of that name (MySQL names "
                            + "every primary key PRIMARY; an index is dropped with dropIndex)")));
  }

  private static boolean leadsAKey(Table table, String column) {
    Stream<List<String>> keys =
        Stream.of(
                table.primaryKey().stream().map(PrimaryKey::columns),
                table.uniques().stream().map(UniqueConstraint::columns),
                table.indexes().stream().map(Index::columns))
            .flatMap(s -> s);
    return keys.anyMatch(cols -> cols.get(0).equals(column));
  }

  String columnDefinition(Column column) {
    if (column.identity() == dev.retort.schema.Identity.ALWAYS) {
      throw new UsageException(
          "column "
              + column.name()
              + " is GENERATED ALWAYS AS IDENTITY, a "
              + "PostgreSQL feature; MySQL's AUTO_INCREMENT accepts explicit values (use autoIncrement())");
    }
    StringBuilder sql =
        new StringBuilder(q(column.name())).append(' ').append(MySqlTypes.sql(column.type()));
    // "default" (PostgreSQL's name) is the table's: a column restated without one takes it
    column
        .collation()
        .filter(c -> !c.equals(AlterColumn.DEFAULT_COLLATION))
        .ifPresent(c -> sql.append(" COLLATE ").append(q(c)));
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    column
        .defaultValue()
        .ifPresent(d -> sql.append(" DEFAULT ").append(defaultSql(d, Optional.of(column.type()))));
    column.onUpdate().ifPresent(u -> sql.append(" ON UPDATE ").append(u));
    if (column.autoIncrement()) {
      sql.append(" AUTO_INCREMENT");
    }
    column.comment().ifPresent(c -> sql.append(" COMMENT ").append(literal(c)));
    return sql.toString();
  }

  /**
   * A literal default is bare when the column is numeric (and the text a number) or boolean (and
   * the text true/false); otherwise a quoted string, which MySQL converts to the column's type. On
   * TEXT, BLOB and JSON columns it is written as an expression, {@code ('x')}, the only default
   * MySQL allows there. An expression default passes through unchanged.
   */
  String defaultSql(DefaultValue value, Optional<ColumnType> type) {
    if (value instanceof DefaultValue.Expression e) {
      return e.sql();
    }
    return literalDefault(((DefaultValue.Literal) value).value(), type);
  }

  @Override
  protected String quotedDefault(String text, Optional<ColumnType> type) {
    return type.isPresent() && MySqlTypes.needsExpressionDefault(type.get())
        ? "(" + literal(text) + ")"
        : literal(text);
  }

  /**
   * A primary key is written without its name: MySQL names every primary key PRIMARY and drops any
   * other name silently ("CREATE TABLE Statement", "PRIMARY KEY").
   */
  @Override
  protected String constraintName(dev.retort.schema.Constraint constraint) {
    return constraint instanceof PrimaryKey ? "" : super.constraintName(constraint);
  }

  @Override
  protected String checkExpression(CheckConstraint c) {
    if (!server.checkEnforced()) {
      throw new UsageException(
          "CHECK constraint"
              + c.name().map(n -> " " + n).orElse("")
              + " would be parsed and ignored by "
              + server.describe()
              + "; CHECK is enforced from "
              + "MySQL 8.0.16 and MariaDB 10.2.1");
    }
    return c.expression();
  }

  /** MySQL and MariaDB check keys at once: a deferrable key is refused, not silently immediate. */
  @Override
  protected String deferral(ForeignKey fk) {
    if (fk.deferrable()) {
      throw new UsageException(
          "foreign key "
              + fk.name().orElse(fk.columns().toString())
              + " is DEFERRABLE, which MySQL and MariaDB do not have: they check keys at once");
    }
    return "";
  }

  private String literal(String text) {
    return dialect.literal(text, server);
  }

  /** Multi-row inserts; MySQL prepared statements take at most 65,535 parameters. */
  @Override
  public List<Sql> bulkInsert(dev.retort.ops.BulkInsert op) {
    return dev.retort.dialect.MultiRowInsert.statements(op, q(op.table()), this::q, 1000, 30_000);
  }

  /** {@code ALTER TABLE .. COMMENT}; MySQL has no NULL comment, so removing one sets ''. */
  @Override
  public List<Sql> setTableComment(dev.retort.ops.SetTableComment op) {
    return List.of(
        Sql.of(
            "ALTER TABLE "
                + q(op.table())
                + " COMMENT = "
                + dialect.literal(op.comment().orElse(""))));
  }

  /**
   * A column comment is part of the column's definition in MySQL, so this restates the column (the
   * rest read from the live table) as an alter that changes only the comment.
   */
  @Override
  public List<Sql> setColumnComment(dev.retort.ops.SetColumnComment op) {
    return alterColumn(
        new AlterColumn(
            op.table(),
            ColumnState.named(op.column()).withComment(op.existing()),
            ColumnState.named(op.column()).withComment(op.comment()),
            java.util.Set.of(ColumnChange.COMMENT),
            Optional.empty(),
            Optional.empty()));
  }

  /** In MySQL a schema is a database: {@code CREATE SCHEMA} is its synonym. */
  @Override
  public List<Sql> createSchema(dev.retort.ops.CreateSchema op) {
    return List.of(
        Sql.of(
            "CREATE SCHEMA "
                + (op.ifNotExists() ? "IF NOT EXISTS " : "")
                + q(op.name())
                + " DEFAULT CHARACTER SET utf8mb4"));
  }

  /** Dropping a MySQL schema drops everything in it, so only an explicit CASCADE may. */
  @Override
  public List<Sql> dropSchema(dev.retort.ops.DropSchema op) {
    if (!op.cascade()) {
      throw new UsageException(
          op.describe()
              + ": in MySQL and MariaDB a schema is a database, and "
              + "dropping it drops every table in it; say cascade to mean that");
    }
    return List.of(Sql.of("DROP SCHEMA " + (op.ifExists() ? "IF EXISTS " : "") + q(op.name())));
  }
}
