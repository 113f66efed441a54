package dev.retort.autogenerate;

import dev.retort.dialect.Dialect;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateTable;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.Op;
import dev.retort.ops.OpSink;
import dev.retort.ops.Operations;
import dev.retort.schema.Column;
import dev.retort.schema.Identity;
import dev.retort.schema.IndexPart;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Autogenerate is connected, so it can see what a plain op would do to the rows a table already
 * holds. A NOT NULL column without a default added to a table with rows fails on PostgreSQL and
 * fills {@code ''} or 0 on MariaDB; a unique key over duplicate values fails on every database.
 * Such steps are written the safe way instead: the column added nullable, a back-fill for the user
 * to write (it sets NULL until edited, which the NOT NULL after it refuses), then NOT NULL; and
 * every such step gets a note the migration refuses to run with until it is deleted ({@code
 * op.todo}, {@code -- retort:todo}), and a warning on standard error.
 */
final class DataAwareSteps {
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

  /**
   * The upgrade ops to write, the notes that keep the migration from running until the user has
   * finished it, and what to tell the user now.
   */
  record Result(List<Op> upgrade, List<String> todos, List<String> warnings) {}

  private final Dialect dialect;
  private final Connection c;
  private final Set<QualifiedName> created = new HashSet<>();
  private final List<Op> out = new ArrayList<>();
  private final List<String> todos = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private DataAwareSteps(Dialect dialect, Connection c) {
    this.dialect = dialect;
    this.c = c;
  }

  static Result rewrite(List<Op> ops, Dialect dialect, Connection c) throws SQLException {
    DataAwareSteps s = new DataAwareSteps(dialect, c);
    for (Op op : ops) {
      s.step(op);
    }
    return new Result(s.out, s.todos, s.warnings);
  }

  private void step(Op op) throws SQLException {
    if (op instanceof CreateTable t) {
      created.add(t.table().name());
    } else if (op instanceof AddColumn a && needsValues(a.column()) && hasRows(a.table())) {
      addInSteps(a);
      return;
    } else if (op instanceof AddConstraint a && a.constraint() instanceof UniqueConstraint u) {
      checkDuplicates(a.table(), u.columns(), "the unique constraint " + u.name().orElse(""));
    } else if (op instanceof CreateIndex i && i.index().unique() && i.index().where().isEmpty()) {
      List<String> columns = new ArrayList<>();
      for (IndexPart p : i.index().parts()) {
        if (p.expression()) {
          columns = null; // an expression key: the database alone can tell
          break;
        }
        columns.add(p.text());
      }
      if (columns != null) {
        checkDuplicates(i.index().table(), columns, "the unique index " + i.index().name());
      }
    }
    out.add(op);
  }

  /** NOT NULL with nothing that gives the existing rows a value. */
  private static boolean needsValues(Column c) {
    return !c.nullable() && c.defaultValue().isEmpty() && c.identity() == Identity.NONE;
  }

  private void addInSteps(AddColumn a) {
    Column column = a.column();
    String where = a.table() + "." + column.name();
    out.add(new AddColumn(a.table(), column.withNullable(true)));
    out.add(
        ExecuteSql.of(
            "UPDATE "
                + name(a.table())
                + " SET "
                + name(column.name())
                + " = NULL WHERE "
                + name(column.name())
                + " IS NULL"));
    List<Op> setNotNull = new ArrayList<>();
    new Operations(OpSink.recording(setNotNull, dialect.name()))
        .alterColumn(
            a.table().toString(),
            column.name(),
            ch -> ch.existingType(column.type()).existingNullable(true).nullable(false));
    out.addAll(setNotNull);
    todos.add(
        a.table()
            + " has rows, so "
            + where
            + " is added nullable, then made NOT NULL: edit"
            + " the UPDATE between them to give the rows their value (as written it sets NULL, which"
            + " NOT NULL refuses), then delete this line");
    warnings.add(
        a.table()
            + " has rows: "
            + where
            + " (NOT NULL, no default) is written as add"
            + " nullable, back-fill, set NOT NULL; write the back-fill in the migration, and delete"
            + " its todo line, before it runs");
  }

  private void checkDuplicates(QualifiedName table, List<String> columns, String what)
      throws SQLException {
    if (created.contains(table) || columns.isEmpty()) {
      return;
    }
    List<String> quoted = columns.stream().map(this::quoted).toList();
    String sql =
        "SELECT 1 FROM "
            + dialect.quote(table)
            + " WHERE "
            + String.join(" AND ", quoted.stream().map(q -> q + " IS NOT NULL").toList())
            + " GROUP BY "
            + String.join(", ", quoted)
            + " HAVING COUNT(*) > 1";
    if (exists(sql)) {
      String cols = table + " (" + String.join(", ", columns) + ")";
      todos.add(
          cols
              + " holds duplicate values, which "
              + what.strip()
              + " refuses: remove them"
              + " (or change the key) before it is added, then delete this line");
      warnings.add(
          cols
              + " holds duplicate values: "
              + what.strip()
              + " would fail on them; the"
              + " migration has a todo line to resolve first");
    }
  }

  private boolean hasRows(QualifiedName table) throws SQLException {
    return !created.contains(table) && exists("SELECT 1 FROM " + dialect.quote(table));
  }

  /** Whether the query returns a row; a table that is not there (yet) has none. */
  private boolean exists(String sql) throws SQLException {
    boolean auto = c.getAutoCommit();
    try (Statement s = c.createStatement()) {
      s.setMaxRows(1);
      try (ResultSet rs = s.executeQuery(sql)) {
        return rs.next();
      }
    } catch (SQLException e) {
      if (!auto) {
        c.rollback();
      }
      return false;
    }
  }

  private String quoted(String column) {
    return dialect.quote(column);
  }

  /**
   * An identifier for SQL that runs on every database: bare when it can be, else as this one quotes
   * it.
   */
  private String name(String identifier) {
    return PLAIN.matcher(identifier).matches() ? identifier : dialect.quote(identifier);
  }

  private String name(QualifiedName n) {
    return n.schema().map(s -> name(s) + ".").orElse("") + name(n.name());
  }
}
