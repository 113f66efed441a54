package dev.retort.ops;

import dev.retort.schema.ColumnType;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.SchemaObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The operations on schema objects other than tables: enum types, sequences, domains, schemas,
 * extensions, comments, and the objects kept as the database defines them (functions, views,
 * triggers...). Dialects that lack an object refuse its op with a message naming it (see {@code
 * dev.retort.dialect.Renderer}). Migrations call them on {@link Operations}.
 */
abstract sealed class ObjectOperations permits Operations {
  ObjectOperations() {}

  /** Sends {@code op}; every method here is one op. */
  public abstract Operations apply(Op op);

  /**
   * Creates an enum type whose values sort in the order given. PostgreSQL only.
   *
   * <pre>{@code
   * op.createEnum("mood", "sad", "ok", "happy");
   * op.addColumn("person", "current_mood", raw("mood"));
   * }</pre>
   */
  public Operations createEnum(String name, String... values) {
    return apply(new CreateEnum(QualifiedName.parse(name), List.of(values)));
  }

  /**
   * Drops an enum type. Give its values, in order, to keep the downgrade; without them the op is
   * irreversible.
   *
   * <pre>{@code
   * op.dropEnum("mood", "sad", "ok", "happy");
   * }</pre>
   */
  public Operations dropEnum(String name, String... values) {
    return apply(
        new DropEnum(
            QualifiedName.parse(name),
            values.length == 0 ? Optional.empty() : Optional.of(List.of(values))));
  }

  /**
   * Adds a value at the end of an enum type. Irreversible: PostgreSQL cannot remove an enum value.
   * Before PostgreSQL 12 this cannot run inside a transaction; from 12 on it can, but the new value
   * cannot be used until the migration's transaction commits, so insert rows that use it in a later
   * migration.
   *
   * <pre>{@code
   * op.addEnumValue("mood", "ecstatic");
   * }</pre>
   */
  public Operations addEnumValue(String name, String value) {
    return apply(
        new AddEnumValue(QualifiedName.parse(name), value, Optional.empty(), Optional.empty()));
  }

  /**
   * Adds a value to an enum type just before an existing one; see {@link #addEnumValue(String,
   * String)} for transactions.
   *
   * <pre>{@code
   * op.addEnumValueBefore("mood", "meh", "ok");
   * }</pre>
   */
  public Operations addEnumValueBefore(String name, String value, String before) {
    return apply(
        new AddEnumValue(QualifiedName.parse(name), value, Optional.of(before), Optional.empty()));
  }

  /**
   * Adds a value to an enum type just after an existing one; see {@link #addEnumValue(String,
   * String)} for transactions.
   *
   * <pre>{@code
   * op.addEnumValueAfter("mood", "content", "ok");
   * }</pre>
   */
  public Operations addEnumValueAfter(String name, String value, String after) {
    return apply(
        new AddEnumValue(QualifiedName.parse(name), value, Optional.empty(), Optional.of(after)));
  }

  /**
   * Renames a value of an enum type; rows holding it follow.
   *
   * <pre>{@code
   * op.renameEnumValue("mood", "ok", "fine");
   * }</pre>
   */
  public Operations renameEnumValue(String name, String from, String to) {
    return apply(new RenameEnumValue(QualifiedName.parse(name), from, to));
  }

  /**
   * Renames a type (an enum or a domain) within its schema.
   *
   * <pre>{@code
   * op.renameType("mood", "feeling");
   * }</pre>
   */
  public Operations renameType(String from, String to) {
    return apply(new RenameType(QualifiedName.parse(from), to));
  }

  /**
   * Creates a sequence counting up by 1 from 1.
   *
   * <pre>{@code
   * op.createSequence("ticket_no");
   * }</pre>
   */
  public Operations createSequence(String name) {
    return createSequence(name, s -> {});
  }

  /**
   * Creates a sequence with the options set in {@code spec}.
   *
   * <pre>{@code
   * op.createSequence("order_no", s -> s.start(1000).increment(10).cache(20).ownedBy("orders", "no"));
   * }</pre>
   */
  public Operations createSequence(String name, Consumer<SequenceBuilder> spec) {
    return apply(new CreateSequence(sequence(name, spec).build()));
  }

  /**
   * Changes a sequence's options: {@code existing} describes it as it is, {@code change} as it will
   * be, so that the downgrade can put it back. Only what differs is altered; the current value is
   * kept, so new bounds must admit it (see {@link AlterSequence}).
   *
   * <pre>{@code
   * op.alterSequence("order_no", s -> s.start(1000).increment(10), s -> s.start(1000).increment(5).maxValue(99_999));
   * }</pre>
   */
  public Operations alterSequence(
      String name, Consumer<SequenceBuilder> existing, Consumer<SequenceBuilder> change) {
    return apply(
        new AlterSequence(
            QualifiedName.parse(name),
            sequence(name, existing).build(),
            sequence(name, change).build()));
  }

  /**
   * Drops a sequence. Irreversible: use {@link #dropSequence(String, Consumer)} to keep the
   * downgrade.
   *
   * <pre>{@code
   * op.dropSequence("ticket_no");
   * }</pre>
   */
  public Operations dropSequence(String name) {
    return apply(new DropSequence(QualifiedName.parse(name), Optional.empty()));
  }

  /**
   * Drops a sequence whose definition is given, so that the op can be reversed (the recreated
   * sequence starts over from its start value).
   *
   * <pre>{@code
   * op.dropSequence("order_no", s -> s.start(1000).increment(10));
   * }</pre>
   */
  public Operations dropSequence(String name, Consumer<SequenceBuilder> definition) {
    return apply(
        new DropSequence(
            QualifiedName.parse(name), Optional.of(sequence(name, definition).build())));
  }

  /**
   * Creates a domain over {@code baseType}, refined by {@code spec}.
   *
   * <pre>{@code
   * op.createDomain("email", text(), d -> d.notNull().check("email_has_at", "VALUE LIKE '%@%'"));
   * op.addColumn("person", "email", raw("email"));
   * }</pre>
   */
  public Operations createDomain(String name, ColumnType baseType, Consumer<DomainBuilder> spec) {
    return apply(new CreateDomain(domain(name, baseType, spec).build()));
  }

  /**
   * Drops a domain. Irreversible: use {@link #dropDomain(String, ColumnType, Consumer)} to keep the
   * downgrade.
   *
   * <pre>{@code
   * op.dropDomain("email");
   * }</pre>
   */
  public Operations dropDomain(String name) {
    return apply(new DropDomain(QualifiedName.parse(name), Optional.empty()));
  }

  /**
   * Drops a domain whose definition is given, so that the op can be reversed.
   *
   * <pre>{@code
   * op.dropDomain("email", text(), d -> d.notNull().check("email_has_at", "VALUE LIKE '%@%'"));
   * }</pre>
   */
  public Operations dropDomain(
      String name, ColumnType baseType, Consumer<DomainBuilder> definition) {
    return apply(
        new DropDomain(
            QualifiedName.parse(name), Optional.of(domain(name, baseType, definition).build())));
  }

  /**
   * Creates a schema; the downgrade drops it.
   *
   * <pre>{@code
   * op.createSchema("audit");
   * op.createTable("audit.events", t -> t.column("id", bigint()).primaryKey());
   * }</pre>
   */
  public Operations createSchema(String name) {
    return apply(new CreateSchema(name, false));
  }

  /**
   * Creates a schema, or leaves an existing one alone when {@code ifNotExists}; the downgrade then
   * drops it only if it exists and is empty.
   *
   * <pre>{@code
   * op.createSchema("audit", true);
   * }</pre>
   */
  public Operations createSchema(String name, boolean ifNotExists) {
    return apply(new CreateSchema(name, ifNotExists));
  }

  /**
   * Drops an empty schema; the downgrade recreates it, empty.
   *
   * <pre>{@code
   * op.dropSchema("audit");
   * }</pre>
   */
  public Operations dropSchema(String name) {
    return apply(new DropSchema(name, false, false));
  }

  /**
   * Drops a schema; with {@code cascade}, everything in it too, which makes the op irreversible.
   *
   * <pre>{@code
   * op.dropSchema("scratch", true);
   * }</pre>
   */
  public Operations dropSchema(String name, boolean cascade) {
    return apply(new DropSchema(name, false, cascade));
  }

  /** Drops a schema if it exists (DROP SCHEMA IF EXISTS), without cascading. */
  public Operations dropSchemaIfExists(String name) {
    return apply(new DropSchema(name, true, false));
  }

  /**
   * Loads an extension into the database. PostgreSQL only; the extension must be installed on the
   * server, and creating most extensions needs superuser or the database owner.
   *
   * <pre>{@code
   * op.createExtension("citext");
   * }</pre>
   */
  public Operations createExtension(String name) {
    return apply(new CreateExtension(name, Optional.empty(), false));
  }

  /**
   * Loads an extension into {@code schema} (null: the first schema on the search path); with {@code
   * ifNotExists} an extension already there is left alone, and the downgrade drops it only if it is
   * there.
   *
   * <pre>{@code
   * op.createExtension("pgcrypto", "extensions", true);
   * }</pre>
   */
  public Operations createExtension(String name, String schema, boolean ifNotExists) {
    return apply(new CreateExtension(name, Optional.ofNullable(schema), ifNotExists));
  }

  /**
   * Removes an extension; the downgrade loads it again.
   *
   * <pre>{@code
   * op.dropExtension("citext");
   * }</pre>
   */
  public Operations dropExtension(String name) {
    return apply(new DropExtension(name, Optional.empty(), false));
  }

  /**
   * Removes an extension that lived in {@code schema} (null: unknown), so that the downgrade puts
   * it back there; with {@code ifExists} a missing extension is not an error.
   *
   * <pre>{@code
   * op.dropExtension("pgcrypto", "extensions", true);
   * }</pre>
   */
  public Operations dropExtension(String name, String schema, boolean ifExists) {
    return apply(new DropExtension(name, Optional.ofNullable(schema), ifExists));
  }

  /**
   * Sets a table's comment on a table that had none (the downgrade removes it again).
   *
   * <pre>{@code
   * op.setTableComment("users", "People who can log in");
   * }</pre>
   */
  public Operations setTableComment(String table, String comment) {
    return setTableComment(table, null, comment);
  }

  /**
   * Replaces a table's comment: {@code existing} is the one it has (null: none), which the
   * downgrade restores; a null {@code comment} removes it.
   *
   * <pre>{@code
   * op.setTableComment("users", "People who can log in", "Accounts, human or not");
   * }</pre>
   */
  public Operations setTableComment(String table, String existing, String comment) {
    return apply(
        new SetTableComment(
            QualifiedName.parse(table),
            Optional.ofNullable(existing),
            Optional.ofNullable(comment)));
  }

  /**
   * Changes MySQL table options ({@link dev.retort.schema.TableOptions}): {@code existing} are the
   * values they have (which the downgrade restores; one left out there goes back to the server's
   * default), {@code options} the new ones. PostgreSQL and SQLite have no table options and do
   * nothing.
   *
   * <pre>{@code
   * op.alterTableOptions("users", Map.of("ROW_FORMAT", "COMPACT"), Map.of("ROW_FORMAT", "DYNAMIC"));
   * }</pre>
   */
  public Operations alterTableOptions(
      String table, java.util.Map<String, String> existing, java.util.Map<String, String> options) {
    return apply(new AlterTableOptions(QualifiedName.parse(table), existing, options));
  }

  /**
   * Sets a column's comment on a column that had none (the downgrade removes it again).
   *
   * <pre>{@code
   * op.setColumnComment("users", "email", "Lower-cased on write");
   * }</pre>
   */
  public Operations setColumnComment(String table, String column, String comment) {
    return setColumnComment(table, column, null, comment);
  }

  /**
   * Replaces a column's comment: {@code existing} is the one it has (null: none), which the
   * downgrade restores; a null {@code comment} removes it.
   *
   * <pre>{@code
   * op.setColumnComment("users", "email", "Lower-cased on write", null);
   * }</pre>
   */
  public Operations setColumnComment(String table, String column, String existing, String comment) {
    return apply(
        new SetColumnComment(
            QualifiedName.parse(table),
            column,
            Optional.ofNullable(existing),
            Optional.ofNullable(comment)));
  }

  /**
   * Creates a schema object (a function, a view, a trigger, a policy...) with its own statements,
   * which run as written; the downgrade drops it as its kind is dropped, or with the statements
   * {@link SchemaObject#withDrop} gives. Autogenerate writes these from the catalog.
   *
   * <pre>{@code
   * op.createObject(SchemaObject.of(VIEW, "active_users",
   *     "CREATE VIEW active_users AS SELECT id, email FROM users WHERE active"));
   * }</pre>
   */
  public Operations createObject(SchemaObject object) {
    return apply(new CreateObject(object));
  }

  /**
   * Drops a schema object. Its statements are what the downgrade runs to create it again, so give
   * the definition it has now.
   */
  public Operations dropObject(SchemaObject object) {
    return apply(new DropObject(object));
  }

  /**
   * Replaces a schema object's definition in place ({@code CREATE OR REPLACE FUNCTION}, a new
   * comment or setting): runs {@code to}'s statements; the downgrade runs {@code from}'s.
   */
  public Operations replaceObject(SchemaObject from, SchemaObject to) {
    return apply(new ReplaceObject(from, to));
  }

  private static SequenceBuilder sequence(String name, Consumer<SequenceBuilder> spec) {
    SequenceBuilder b = new SequenceBuilder(QualifiedName.parse(name));
    spec.accept(b);
    return b;
  }

  private static DomainBuilder domain(
      String name, ColumnType baseType, Consumer<DomainBuilder> spec) {
    DomainBuilder b = new DomainBuilder(QualifiedName.parse(name), baseType);
    spec.accept(b);
    return b;
  }
}
