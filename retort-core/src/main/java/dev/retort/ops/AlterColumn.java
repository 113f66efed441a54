package dev.retort.ops;

import static java.util.Objects.requireNonNull;

import dev.retort.error.IrreversibleOperationException;
import dev.retort.schema.Identity;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Changes one column from what it is ({@code from}) to what it becomes ({@code to}); {@code
 * changes} says which aspects differ. Every changed aspect carries its value on both sides, so that
 * {@link #reverse()} is a swap, and a dialect renders by the change set. An aspect that does not
 * change has the same value, known or not, on both sides (MySQL restates the whole column and takes
 * what is not known from the live table).
 *
 * <pre>{@code
 * AlterColumn widen = AlterColumn.of(QualifiedName.of("users"), "password",
 *     c -> c.existingType(varchar(128)).type(varchar(255)));
 * }</pre>
 *
 * @param table the table
 * @param from the column as it is
 * @param to the column as it becomes
 * @param changes the aspects that change; never empty
 * @param using how PostgreSQL computes the new value from the old one on a type change ({@code
 *     USING}, see ALTER TABLE in the manual), overriding Retort's own choice of a cast; it names
 *     the column by its final name, because a rename is made first. SQLite copies the table through
 *     it instead.
 * @param reverseUsing the {@code USING} expression of the reverse type change. An expression cannot
 *     be inverted mechanically, so without it the reverse falls back to Retort's own cast rule (as
 *     a type change written without {@code using} does)
 */
public record AlterColumn(
    QualifiedName table,
    ColumnState from,
    ColumnState to,
    Set<ColumnChange> changes,
    Optional<String> using,
    Optional<String> reverseUsing)
    implements Op {

  /** PostgreSQL's name for the database's default collation ("Collation Support" in the manual). */
  public static final String DEFAULT_COLLATION = "default";

  public AlterColumn {
    requireNonNull(table, "table");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(using, "using");
    requireNonNull(reverseUsing, "reverseUsing");
    changes = changes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(changes));
    String what = "alterColumn " + table + "." + from.name();
    if ((using.isPresent() || reverseUsing.isPresent()) && !changes.contains(ColumnChange.TYPE)) {
      throw new IllegalArgumentException(
          what + ": using(...) applies to a type change; give the " + "new type");
    }
    if (changes.isEmpty()) {
      throw new IllegalArgumentException(
          what
              + " changes nothing: give a new type, "
              + "nullability, default, collation, identity, comment or name");
    }
    if (changes.contains(ColumnChange.TYPE) && to.type().isEmpty()
        || changes.contains(ColumnChange.NULLABILITY) && to.nullable().isEmpty()
        || changes.contains(ColumnChange.COLLATION) && to.collation().isEmpty()
        || changes.contains(ColumnChange.IDENTITY) && to.identity().isEmpty()) {
      throw new IllegalArgumentException(what + ": a changed aspect needs its new value");
    }
    if (changes.contains(ColumnChange.COLLATION) && from.type().isEmpty() && to.type().isEmpty()) {
      throw new IllegalArgumentException(
          what
              + ": a collation is changed together with the type "
              + "(PostgreSQL ALTER COLUMN .. TYPE .. COLLATE); give existingType");
    }
    // What the reverse needs and can be told: NOT NULL undone is NULL, a collation came from the
    // database's default, an identity added was none before.
    if (changes.contains(ColumnChange.NULLABILITY) && from.nullable().isEmpty()) {
      from = from.withNullable(Optional.of(!to.nullable().get()));
    }
    if (changes.contains(ColumnChange.COLLATION) && from.collation().isEmpty()) {
      from = from.withCollation(Optional.of(DEFAULT_COLLATION));
    }
    if (changes.contains(ColumnChange.IDENTITY)
        && from.identity().isEmpty()
        && to.identity().get() != Identity.NONE) {
      from = from.withIdentity(Optional.of(Identity.NONE));
    }
    // An unchanged aspect is what it is on both sides, said on either.
    from = from.withName(from.name());
    to = to.withName(changes.contains(ColumnChange.NAME) ? to.name() : from.name());
    if (!changes.contains(ColumnChange.TYPE)) {
      Optional<dev.retort.schema.ColumnType> t = from.type().or(to::type);
      from = from.withType(t);
      to = to.withType(t);
    }
    if (!changes.contains(ColumnChange.NULLABILITY)) {
      Optional<Boolean> n = from.nullable().or(to::nullable);
      from = from.withNullable(n);
      to = to.withNullable(n);
    }
    if (!changes.contains(ColumnChange.DEFAULT)) {
      Optional<dev.retort.schema.DefaultValue> d = from.defaultValue().or(to::defaultValue);
      from = from.withDefault(d);
      to = to.withDefault(d);
    }
    if (!changes.contains(ColumnChange.COLLATION)) {
      Optional<String> c = from.collation().or(to::collation);
      from = from.withCollation(c);
      to = to.withCollation(c);
    }
    if (!changes.contains(ColumnChange.IDENTITY)) {
      Optional<Identity> i = from.identity().or(to::identity);
      from = from.withIdentity(i);
      to = to.withIdentity(i);
    }
    if (!changes.contains(ColumnChange.COMMENT)) {
      Optional<String> c = from.comment().or(to::comment);
      from = from.withComment(c);
      to = to.withComment(c);
    }
    if (!changes.contains(ColumnChange.ON_UPDATE)) {
      Optional<String> u = from.onUpdate().or(to::onUpdate);
      from = from.withOnUpdate(u);
      to = to.withOnUpdate(u);
    }
  }

  /**
   * The change {@code spec} describes, as {@link Operations#alterColumn} reads it: {@code
   * AlterColumn.of(users, "email", c -> c.existingType(varchar(120)).type(varchar(255)))}.
   */
  public static AlterColumn of(
      QualifiedName table, String column, Consumer<AlterColumnBuilder> spec) {
    AlterColumnBuilder b = new AlterColumnBuilder();
    spec.accept(b);
    return b.build(table, column);
  }

  /** Whether {@code aspect} changes. */
  public boolean has(ColumnChange aspect) {
    return changes.contains(aspect);
  }

  /**
   * The new value of {@code aspect} when it changes: {@code op.changed(TYPE, ColumnState::type)}.
   */
  public <T> Optional<T> changed(ColumnChange aspect, Function<ColumnState, Optional<T>> value) {
    return has(aspect) ? value.apply(to) : Optional.empty();
  }

  /** The new name, when the column is renamed. */
  public Optional<String> renamedTo() {
    return has(ColumnChange.NAME) ? Optional.of(to.name()) : Optional.empty();
  }

  /** The column's current name. */
  public String column() {
    return from.name();
  }

  /** The column's name after this op. */
  public String finalName() {
    return to.name();
  }

  @Override
  public AlterColumn reverse() {
    if (has(ColumnChange.TYPE) && from.type().isEmpty()) {
      throw new IrreversibleOperationException(
          describe()
              + " cannot be reversed: the type change does not say the existing type (existingType)");
    }
    if (has(ColumnChange.IDENTITY) && from.identity().isEmpty()) {
      throw new IrreversibleOperationException(
          describe()
              + " cannot be reversed: dropping the identity does not say which it was "
              + "(existingIdentity BY_DEFAULT or ALWAYS)");
    }
    return new AlterColumn(table, to, from, changes, reverseUsing, using);
  }

  @Override
  public String describe() {
    List<String> what = new ArrayList<>();
    if (has(ColumnChange.NAME)) {
      what.add("rename to " + to.name());
    }
    changed(ColumnChange.TYPE, ColumnState::type).ifPresent(t -> what.add("type " + t));
    changed(ColumnChange.NULLABILITY, ColumnState::nullable)
        .ifPresent(n -> what.add(n ? "null" : "not null"));
    if (has(ColumnChange.DEFAULT)) {
      what.add(to.defaultValue().isPresent() ? "set default" : "drop default");
    }
    using.ifPresent(u -> what.add("using " + u));
    changed(ColumnChange.COLLATION, ColumnState::collation)
        .ifPresent(c -> what.add("collate " + c));
    changed(ColumnChange.IDENTITY, ColumnState::identity)
        .ifPresent(i -> what.add(i == Identity.NONE ? "drop identity" : "identity " + i));
    if (has(ColumnChange.COMMENT)) {
      what.add(to.comment().isPresent() ? "set comment" : "drop comment");
    }
    if (has(ColumnChange.ON_UPDATE)) {
      what.add(to.onUpdate().map(u -> "on update " + u).orElse("drop on update"));
    }
    return "alter column " + table + "." + from.name() + " (" + String.join(", ", what) + ")";
  }
}
