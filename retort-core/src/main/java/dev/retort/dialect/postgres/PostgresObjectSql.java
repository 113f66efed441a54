package dev.retort.dialect.postgres;

import dev.retort.dialect.Sql;
import dev.retort.ops.AddEnumValue;
import dev.retort.ops.AlterSequence;
import dev.retort.ops.BulkInsert;
import dev.retort.ops.CreateDomain;
import dev.retort.ops.CreateEnum;
import dev.retort.ops.CreateExtension;
import dev.retort.ops.CreateSchema;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.DropDomain;
import dev.retort.ops.DropEnum;
import dev.retort.ops.DropExtension;
import dev.retort.ops.DropSchema;
import dev.retort.ops.DropSequence;
import dev.retort.ops.RenameEnumValue;
import dev.retort.ops.RenameType;
import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.ops.ValidateConstraint;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.Domain;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PostgreSQL's objects other than tables: enum types, sequences, domains, schemas, extensions,
 * comments, constraint validation and bulk inserts. {@link PostgresRenderer} delegates here.
 */
final class PostgresObjectSql {

  /**
   * The wire protocol counts a statement's parameters in 16 bits, so 65,535 is a hard ceiling
   * (PostgreSQL manual, "Message Formats", Bind); staying well under it, and under 1,000 rows,
   * keeps each statement's parse and plan cheap.
   */
  static final int MAX_ROWS = 1000;

  static final int MAX_PARAMETERS = 30_000;

  private final PostgresDialect dialect;
  private final PostgresRenderer renderer;

  PostgresObjectSql(PostgresDialect dialect, PostgresRenderer renderer) {
    this.dialect = dialect;
    this.renderer = renderer;
  }

  List<Sql> createEnum(CreateEnum op) {
    String values = op.values().stream().map(dialect::literal).collect(Collectors.joining(", "));
    return one("CREATE TYPE " + q(op.name()) + " AS ENUM (" + values + ")");
  }

  List<Sql> dropEnum(DropEnum op) {
    return one("DROP TYPE " + q(op.name()));
  }

  List<Sql> addEnumValue(AddEnumValue op) {
    String place =
        op.before()
            .map(b -> " BEFORE " + dialect.literal(b))
            .or(() -> op.after().map(a -> " AFTER " + dialect.literal(a)))
            .orElse("");
    return one("ALTER TYPE " + q(op.name()) + " ADD VALUE " + dialect.literal(op.value()) + place);
  }

  /** {@code RENAME VALUE} exists since PostgreSQL 10, below Retort's floor of 12. */
  List<Sql> renameEnumValue(RenameEnumValue op) {
    return one(
        "ALTER TYPE "
            + q(op.name())
            + " RENAME VALUE "
            + dialect.literal(op.from())
            + " TO "
            + dialect.literal(op.to()));
  }

  /** ALTER TYPE renames enums and domains alike: both are rows of pg_type. */
  List<Sql> renameType(RenameType op) {
    return one("ALTER TYPE " + q(op.from()) + " RENAME TO " + q(op.to()));
  }

  /** Options at their default are left out, so the statement says only what was asked for. */
  List<Sql> createSequence(CreateSequence op) {
    Sequence s = op.sequence();
    List<String> options = new ArrayList<>();
    if (s.increment() != 1) {
      options.add("INCREMENT BY " + s.increment());
    }
    s.minValue().ifPresent(v -> options.add("MINVALUE " + v));
    s.maxValue().ifPresent(v -> options.add("MAXVALUE " + v));
    s.start().ifPresent(v -> options.add("START WITH " + v));
    if (s.cache() != 1) {
      options.add("CACHE " + s.cache());
    }
    if (s.cycle()) {
      options.add("CYCLE");
    }
    s.ownedBy().ifPresent(o -> options.add("OWNED BY " + column(o)));
    return one("CREATE SEQUENCE " + q(s.name()) + prefixed(options));
  }

  List<Sql> dropSequence(DropSequence op) {
    return one("DROP SEQUENCE " + q(op.name()));
  }

  /**
   * Only the options that differ. ALTER SEQUENCE keeps the current minimum and maximum of an option
   * left out, but their defaults depend on the direction, so when the increment changes sign an
   * empty bound is reset with NO MINVALUE / NO MAXVALUE ("ALTER SEQUENCE"). START WITH only changes
   * the value RESTART would go back to; the sequence's current value is kept.
   */
  List<Sql> alterSequence(AlterSequence op) {
    Sequence from = op.from();
    Sequence to = op.to();
    boolean flips = Long.signum(from.increment()) != Long.signum(to.increment());
    List<String> options = new ArrayList<>();
    if (from.increment() != to.increment()) {
      options.add("INCREMENT BY " + to.increment());
    }
    if (flips || !from.minValue().equals(to.minValue())) {
      options.add(to.minValue().map(v -> "MINVALUE " + v).orElse("NO MINVALUE"));
    }
    if (flips || !from.maxValue().equals(to.maxValue())) {
      options.add(to.maxValue().map(v -> "MAXVALUE " + v).orElse("NO MAXVALUE"));
    }
    if (from.effectiveStart() != to.effectiveStart()) {
      options.add("START WITH " + to.effectiveStart());
    }
    if (from.cache() != to.cache()) {
      options.add("CACHE " + to.cache());
    }
    if (from.cycle() != to.cycle()) {
      options.add(to.cycle() ? "CYCLE" : "NO CYCLE");
    }
    if (!from.ownedBy().equals(to.ownedBy())) {
      options.add("OWNED BY " + to.ownedBy().map(this::column).orElse("NONE"));
    }
    if (options.isEmpty()) {
      // the sequences differ only in how an option is spelt (an explicit start equal to the
      // default): the database already has what is asked for
      return List.of();
    }
    return one("ALTER SEQUENCE " + q(op.name()) + prefixed(options));
  }

  List<Sql> createDomain(CreateDomain op) {
    Domain d = op.domain();
    StringBuilder sql =
        new StringBuilder("CREATE DOMAIN ")
            .append(q(d.name()))
            .append(" AS ")
            .append(PostgresTypes.sql(d.baseType()));
    d.defaultValue()
        .ifPresent(
            v -> sql.append(" DEFAULT ").append(renderer.defaultSql(v, Optional.of(d.baseType()))));
    if (!d.nullable()) {
      sql.append(" NOT NULL");
    }
    d.checks()
        .forEach(
            c ->
                sql.append(" CONSTRAINT ")
                    .append(q(c.name().orElseThrow()))
                    .append(" CHECK (")
                    .append(c.expression())
                    .append(")"));
    return one(sql.toString());
  }

  List<Sql> dropDomain(DropDomain op) {
    return one("DROP DOMAIN " + q(op.name()));
  }

  List<Sql> createSchema(CreateSchema op) {
    return one("CREATE SCHEMA " + (op.ifNotExists() ? "IF NOT EXISTS " : "") + q(op.name()));
  }

  List<Sql> dropSchema(DropSchema op) {
    return one(
        "DROP SCHEMA "
            + (op.ifExists() ? "IF EXISTS " : "")
            + q(op.name())
            + (op.cascade() ? " CASCADE" : ""));
  }

  List<Sql> createExtension(CreateExtension op) {
    return one(
        "CREATE EXTENSION "
            + (op.ifNotExists() ? "IF NOT EXISTS " : "")
            + q(op.name())
            + op.schema().map(s -> " SCHEMA " + q(s)).orElse(""));
  }

  List<Sql> dropExtension(DropExtension op) {
    return one("DROP EXTENSION " + (op.ifExists() ? "IF EXISTS " : "") + q(op.name()));
  }

  /**
   * COMMENT is a utility statement and takes no bind parameters, so the text is a literal with its
   * quotes doubled; IS NULL removes the comment ("COMMENT" in the manual).
   */
  List<Sql> setTableComment(SetTableComment op) {
    return one("COMMENT ON TABLE " + q(op.table()) + " IS " + comment(op.comment()));
  }

  List<Sql> setColumnComment(SetColumnComment op) {
    return one(
        "COMMENT ON COLUMN "
            + q(op.table())
            + "."
            + q(op.column())
            + " IS "
            + comment(op.comment()));
  }

  List<Sql> validateConstraint(ValidateConstraint op) {
    return one("ALTER TABLE " + q(op.table()) + " VALIDATE CONSTRAINT " + q(op.name()));
  }

  /**
   * A function's or procedure's statements, after turning off the check of bodies for the rest of
   * the migration's transaction, as {@code pg_dump} does: PostgreSQL checks a SQL function's body
   * against the tables it reads, and a PL/pgSQL one's {@code %TYPE} declarations, when the function
   * is created, yet records no dependency on them, so no order of functions and tables is right for
   * every schema. The body was checked where the definition came from (the desired schema is loaded
   * into a scratch copy; a live database held it); it is checked again when called.
   */
  static List<Sql> withBodiesUnchecked(SchemaObject object, List<String> statements) {
    List<Sql> out = new ArrayList<>();
    if (object.kind() == SchemaObject.Kind.FUNCTION
        || object.kind() == SchemaObject.Kind.PROCEDURE) {
      out.add(Sql.of("SET LOCAL check_function_bodies = off"));
    }
    statements.forEach(s -> out.add(Sql.of(s)));
    return out;
  }

  /** Multi-row INSERT statements with every value a bound parameter, in batches. */
  List<Sql> bulkInsert(BulkInsert op) {
    return dev.retort.dialect.MultiRowInsert.statements(
        op, q(op.table()), this::q, MAX_ROWS, MAX_PARAMETERS);
  }

  private String comment(Optional<String> text) {
    return text.map(dialect::literal).orElse("NULL");
  }

  private String column(ColumnRef ref) {
    return q(ref.table()) + "." + q(ref.column());
  }

  private static String prefixed(List<String> options) {
    return options.isEmpty() ? "" : " " + String.join(" ", options);
  }

  private static List<Sql> one(String sql) {
    return List.of(Sql.of(sql));
  }

  private String q(String identifier) {
    return dialect.quote(identifier);
  }

  private String q(QualifiedName name) {
    return dialect.quote(name);
  }
}
