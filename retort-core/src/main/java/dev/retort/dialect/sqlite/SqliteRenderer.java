package dev.retort.dialect.sqlite;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Sql;
import dev.retort.dialect.SqlRenderer;
import dev.retort.error.UsageException;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.BulkInsert;
import dev.retort.ops.ColumnChange;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropIndex;
import dev.retort.ops.ExecuteSql;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Constraint;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Renders ops as SQLite DDL. What SQLite's ALTER TABLE can do (rename a table or a column, add a
 * plain column) is done in place; everything else is a table rebuild ({@link SqliteTableRebuild})
 * planned from the table as the catalog reads it when the op is rendered, so a live run must render
 * each op just before executing it.
 */
final class SqliteRenderer extends SqlRenderer {

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern BARE_KEYWORD =
      Pattern.compile("(?i)CURRENT_(TIME|DATE|TIMESTAMP)|NULL|TRUE|FALSE");
  private static final Pattern STRING = Pattern.compile("'([^']|'')*'");
  private static final Pattern BLOB = Pattern.compile("(?i)X'[0-9a-f]*'");

  private final SqliteDialect dialect;
  private final Catalog catalog;

  SqliteRenderer(SqliteDialect dialect, Catalog catalog) {
    super(dialect, SqliteTypes::isNumeric, SqliteTypes::isBoolean);
    this.dialect = dialect;
    this.catalog = catalog;
  }

  /**
   * Table and column comments are not kept: SQLite has no place for them (its catalog is the CREATE
   * text), so they are left out rather than refused, and a migration written for both databases
   * runs on both.
   */
  @Override
  public List<Sql> createTable(CreateTable op) {
    List<Sql> out = new ArrayList<>();
    String create = createTableStatement(op.table(), op.table().name());
    out.add(
        Sql.of(
            op.ifNotExists()
                ? create.replaceFirst("^CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")
                : create));
    op.table().indexes().forEach(i -> out.add(createIndex(i, op.ifNotExists())));
    return out;
  }

  /**
   * In place unless SQLite refuses (https://www.sqlite.org/lang_altertable.html#altertabaddcol): a
   * NOT NULL column needs a non-NULL default, a default must be a constant (we treat every
   * expression as possibly not one), and a generated key cannot be added; those are rebuilt.
   */
  @Override
  public List<Sql> addColumn(AddColumn op) {
    Column column = op.column();
    String refusal =
        column.autoIncrement()
            ? "an AUTOINCREMENT key"
            : !column.nullable() && column.defaultValue().isEmpty()
                ? "NOT NULL without a default"
                : column.defaultValue().orElse(null) instanceof DefaultValue.Expression
                    ? "an expression default"
                    : null;
    if (refusal == null) {
      return List.of(
          Sql.of(
              "ALTER TABLE " + q(op.table()) + " ADD COLUMN " + columnDefinition(column, false)));
    }
    String what = "add column " + op.table() + "." + column.name() + " (" + refusal + ")";
    Table before = existing(op.table(), what);
    List<Column> columns = new ArrayList<>(before.columns());
    columns.add(column);
    return rebuild(SqliteTableRebuild.of(before, before.withColumns(columns)));
  }

  /**
   * Against a live database, a rebuild, which works whatever keys, indexes and constraints use the
   * column. Ahead of time (an SQL migration's section, {@code --sql}) SQLite's own {@code ALTER
   * TABLE ... DROP COLUMN} (3.35+, 2021): it refuses, when the script runs, a column that a key, an
   * index or a constraint still uses, and autogenerate drops those first.
   */
  @Override
  public List<Sql> dropColumn(DropColumn op) {
    if (!catalog.isLive()) {
      return List.of(Sql.of("ALTER TABLE " + q(op.table()) + " DROP COLUMN " + q(op.column())));
    }
    Table before = existing(op.table(), "drop column " + op.table() + "." + op.column());
    return rebuild(SqliteTableRebuild.dropColumn(before, op.column()));
  }

  /**
   * A rename alone is done in place (SQLite 3.25+); a comment change alone does nothing, as SQLite
   * keeps no comments; any other change rebuilds the table.
   */
  @Override
  public List<Sql> alterColumn(AlterColumn op) {
    refuseOnUpdate(
        op.column(), op.changed(ColumnChange.ON_UPDATE, dev.retort.ops.ColumnState::onUpdate));
    if (!op.has(ColumnChange.TYPE)
        && !op.has(ColumnChange.NULLABILITY)
        && !op.has(ColumnChange.DEFAULT)
        && !op.has(ColumnChange.COLLATION)
        && !op.has(ColumnChange.IDENTITY)) {
      return op.renamedTo()
          .map(
              n ->
                  List.of(
                      Sql.of(
                          "ALTER TABLE "
                              + q(op.table())
                              + " RENAME COLUMN "
                              + q(op.column())
                              + " TO "
                              + q(n))))
          .orElse(List.of());
    }
    Table before = existing(op.table(), "change column " + op.table() + "." + op.column());
    return rebuild(SqliteTableRebuild.alterColumn(before, op));
  }

  /**
   * SQLite qualifies the index name, not the table, with the schema (lang_createindex.html). {@code
   * concurrently} is ignored: it asks not to block writers during the build, and SQLite has a
   * single writer whatever the statement, so there is nothing to honour or refuse, and a migration
   * written for PostgreSQL still runs.
   */
  @Override
  public List<Sql> createIndex(CreateIndex op) {
    return List.of(createIndex(op.index()));
  }

  /** {@code concurrently} is ignored, as for {@link #createIndex(CreateIndex)}. */
  @Override
  public List<Sql> dropIndex(DropIndex op) {
    return List.of(Sql.of("DROP INDEX " + q(op.table().withName(op.name()))));
  }

  @Override
  public List<Sql> addConstraint(AddConstraint op) {
    if (op.notValid()) {
      throw new UsageException(
          "SQLite cannot "
              + op.describe()
              + ": NOT VALID is PostgreSQL's; "
              + "SQLite checks a new constraint against every row when it rebuilds the table");
    }
    String what =
        "add "
            + kind(op.constraint())
            + op.constraint().name().map(n -> " " + n).orElse("")
            + " to "
            + op.table();
    Table before = existing(op.table(), what);
    return rebuild(SqliteTableRebuild.addConstraint(before, op.constraint()));
  }

  @Override
  public List<Sql> dropConstraint(DropConstraint op) {
    Table before = existing(op.table(), "drop constraint " + op.name() + " from " + op.table());
    return rebuild(SqliteTableRebuild.dropConstraint(before, op.name()));
  }

  @Override
  public List<Sql> executeSql(ExecuteSql op) {
    return List.of(new Sql(op.sql(), op.parameters()));
  }

  private List<Sql> rebuild(SqliteTableRebuild rebuild) {
    List<SqliteCatalog.Dependent> dependents =
        catalog instanceof SqliteCatalog live
            ? live.dependents(rebuild.before().name())
            : List.of();
    return rebuild.statements(this, dependents);
  }

  /** The table as the database has it now; a rebuild cannot be planned without it. */
  private Table existing(QualifiedName table, String what) {
    if (!catalog.isLive()) {
      throw new UsageException(
          "SQLite cannot "
              + what
              + " in place; Retort rebuilds the table, "
              + "which it plans from the live table when the migration runs, so it cannot be written "
              + "as SQL ahead of time");
    }
    return catalog
        .table(table)
        .orElseThrow(
            () ->
                new UsageException(
                    "SQLite cannot "
                        + what
                        + " in place, and the table rebuild that does it needs the table, which does not exist "
                        + "in the database"));
  }

  /** The CREATE TABLE statement for {@code table}, under the name {@code as}. */
  String createTableStatement(Table table, QualifiedName as) {
    Optional<String> inlineKey =
        table
            .primaryKey()
            .filter(pk -> pk.columns().size() == 1)
            .map(pk -> pk.columns().get(0))
            .filter(c -> table.column(c).map(Column::autoIncrement).orElse(false));
    for (Column column : table.columns()) {
      if (column.identity() == Identity.ALWAYS) {
        throw new UsageException(
            "SQLite cannot generate "
                + table.name()
                + "."
                + column.name()
                + " ALWAYS: AUTOINCREMENT accepts explicit values, which is Identity.BY_DEFAULT");
      }
      if (column.autoIncrement() && !inlineKey.equals(Optional.of(column.name()))) {
        throw new UsageException(
            "SQLite generates values only for a single-column INTEGER "
                + "PRIMARY KEY; column "
                + table.name()
                + "."
                + column.name()
                + " is autoIncrement "
                + "but is not the table's only primary key column");
      }
      if (column.autoIncrement() && !SqliteTypes.isInteger(column.type())) {
        throw new UsageException(
            "SQLite AUTOINCREMENT needs an INTEGER column; "
                + table.name()
                + "."
                + column.name()
                + " is "
                + column.type());
      }
    }
    // A single-column INTEGER PRIMARY KEY aliases the rowid and cannot hold NULL anyway; writing
    // NOT NULL on it would only make PRAGMA table_info differ from a table written without it.
    Optional<String> rowidAlias =
        table
            .primaryKey()
            .filter(pk -> pk.columns().size() == 1)
            .map(pk -> pk.columns().get(0))
            .filter(
                c ->
                    table
                        .column(c)
                        .map(col -> col.type().kind() == ColumnType.Kind.INTEGER)
                        .orElse(false));
    List<String> items = new ArrayList<>();
    for (Column column : table.columns()) {
      boolean inline = inlineKey.equals(Optional.of(column.name()));
      Column written =
          rowidAlias.equals(Optional.of(column.name())) ? column.withNullable(true) : column;
      items.add(
          columnDefinition(
              written,
              inline,
              inline ? table.primaryKey().flatMap(PrimaryKey::name) : Optional.empty()));
    }
    items.addAll(tableConstraints(table.primaryKey().filter(pk -> inlineKey.isEmpty()), table));
    return "CREATE TABLE " + q(as) + " (\n  " + String.join(",\n  ", items) + "\n)";
  }

  Sql createIndex(Index index) {
    return createIndex(index, false);
  }

  /**
   * Keys are columns or expressions with ASC/DESC, and the index may be partial
   * (https://www.sqlite.org/lang_createindex.html); SQLite has no index methods, operator classes,
   * INCLUDE columns or NULLS FIRST/LAST in an index, so those are refused rather than dropped, as
   * the index would not be the one asked for.
   */
  /** A column key with a collation of its own, as the inspector reads it: no parentheses needed. */
  private static final java.util.regex.Pattern COLLATED_COLUMN =
      java.util.regex.Pattern.compile(
          "(?:[a-z_][a-z0-9_]*|\"(?:[^\"]|\"\")+\") COLLATE (?:[A-Z_][A-Z0-9_]*|\"(?:[^\"]|\"\")+\")");

  Sql createIndex(Index index, boolean ifNotExists) {
    String what = "SQLite cannot create index " + index.name() + " on " + index.table() + ": ";
    index
        .method()
        .ifPresent(
            m -> {
              throw new UsageException(what + "it has no index methods (USING " + m + ")");
            });
    if (!index.include().isEmpty()) {
      throw new UsageException(what + "it has no INCLUDE columns " + index.include());
    }
    List<String> keys = new ArrayList<>();
    for (IndexPart part : index.parts()) {
      if (part.opclass().isPresent()) {
        throw new UsageException(
            what + "it has no operator classes (" + part.opclass().get() + ")");
      }
      if (part.nulls() != IndexPart.Nulls.DEFAULT) {
        throw new UsageException(
            what
                + "an index key cannot say NULLS "
                + part.nulls()
                + " (SQLite sorts NULLs first ascending, last descending)");
      }
      keys.add(
          (part.expression() && !COLLATED_COLUMN.matcher(part.text()).matches()
                  ? "(" + part.text() + ")"
                  : part.expression() ? part.text() : q(part.text()))
              + (part.order() == IndexPart.Order.DEFAULT ? "" : " " + part.order().name()));
    }
    return Sql.of(
        "CREATE "
            + (index.unique() ? "UNIQUE " : "")
            + "INDEX "
            + (ifNotExists ? "IF NOT EXISTS " : "")
            + q(index.table().withName(index.name()))
            + " ON "
            + q(index.table().name())
            + " ("
            + String.join(", ", keys)
            + ")"
            + index.where().map(w -> " WHERE " + w).orElse(""));
  }

  private String columnDefinition(Column column, boolean inlineKey) {
    return columnDefinition(column, inlineKey, Optional.empty());
  }

  /**
   * AUTOINCREMENT is only allowed on a column declared exactly INTEGER PRIMARY KEY, which aliases
   * the rowid (https://www.sqlite.org/autoinc.html), so a BIGINT key is declared INTEGER: both hold
   * 64-bit integers in SQLite. Such a column never holds NULL, so NOT NULL is left out.
   */
  private String columnDefinition(Column column, boolean inlineKey, Optional<String> keyName) {
    refuseOnUpdate(column.name(), column.onUpdate());
    if (inlineKey) {
      return q(column.name())
          + " INTEGER "
          + keyName.map(n -> "CONSTRAINT " + q(n) + " ").orElse("")
          + "PRIMARY KEY AUTOINCREMENT";
    }
    StringBuilder sql =
        new StringBuilder(q(column.name())).append(' ').append(SqliteTypes.sql(column.type()));
    // A column collation (BINARY, NOCASE, RTRIM or an application-defined one) is a column
    // constraint: COLLATE name (https://www.sqlite.org/datatype3.html#collation). Collation names
    // are case-insensitive, so a plain one is written bare, as the SQLite documentation does
    column
        .collation()
        .ifPresent(c -> sql.append(" COLLATE ").append(PLAIN_NAME.matcher(c).matches() ? c : q(c)));
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    column
        .defaultValue()
        .ifPresent(d -> sql.append(" DEFAULT ").append(defaultSql(d, column.type())));
    return sql.toString();
  }

  /**
   * A literal default is bare only for a numeric column (and a number) or a boolean column (and
   * true/false: SQLite knows TRUE and FALSE since 3.23); otherwise a quoted string. An expression
   * must be parenthesized unless it is a literal or one of CURRENT_TIME/DATE/TIMESTAMP
   * (https://www.sqlite.org/lang_createtable.html#dfltval), so anything else gets parentheses.
   */
  String defaultSql(DefaultValue value, ColumnType type) {
    if (value instanceof DefaultValue.Expression e) {
      String sql = e.sql().strip();
      boolean bare =
          sql.startsWith("(") && sql.endsWith(")")
              || BARE_KEYWORD.matcher(sql).matches()
              || NUMBER.matcher(sql).matches()
              || STRING.matcher(sql).matches()
              || BLOB.matcher(sql).matches();
      return bare ? sql : "(" + sql + ")";
    }
    return literalDefault(((DefaultValue.Literal) value).value(), Optional.of(type));
  }

  private static String kind(Constraint constraint) {
    if (constraint instanceof PrimaryKey) {
      return "primary key";
    }
    if (constraint instanceof ForeignKey) {
      return "foreign key";
    }
    return constraint instanceof UniqueConstraint ? "unique constraint" : "check constraint";
  }

  String literal(String text) {
    return dialect.literal(text);
  }

  /**
   * SQLite resolves a foreign key's parent in the child's own schema (foreignkeys.html): a bare
   * name.
   */
  @Override
  protected String referencedTable(ForeignKey fk) {
    return q(fk.referencedTable().name());
  }

  // Public, for the table rebuild and its SQL, which this package writes beside the renderer.

  @Override
  public String columns(List<String> names) {
    return super.columns(names);
  }

  @Override
  public String q(String identifier) {
    return super.q(identifier);
  }

  @Override
  public String q(QualifiedName name) {
    return super.q(name);
  }

  /**
   * Multi-row INSERT statements with bound values. SQLite allows 32,766 parameters per statement
   * since 3.32.0 but only 999 before (https://www.sqlite.org/limits.html, "Maximum Number Of Host
   * Parameters"), and 3.7.11 to 3.8.7 also capped a VALUES list at 500 rows; the library version is
   * unknown when rendering offline, so batches stay under both old limits. SQLite runs in process,
   * so smaller statements cost no network round trips.
   */
  @Override
  public List<Sql> bulkInsert(BulkInsert op) {
    return dev.retort.dialect.MultiRowInsert.statements(
        op, q(op.table()), this::q, MAX_INSERT_ROWS, MAX_PARAMETERS);
  }

  static final int MAX_INSERT_ROWS = 500;

  static final int MAX_PARAMETERS = 999;
}
