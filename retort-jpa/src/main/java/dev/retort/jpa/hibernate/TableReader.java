package dev.retort.jpa.hibernate;

import dev.retort.jpa.ServerNames;
import dev.retort.jpa.TypeText;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.UniqueConstraint;
import dev.retort.source.InitialRows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.InitCommand;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.unique.CreateTableUniqueDelegate;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * One {@link Table} of the boot metamodel as a Retort table, with what Hibernate's schema creation
 * would give the database: column order as Hibernate writes it, constraint names as Hibernate gives
 * them or, where its DDL leaves them unnamed, as the database names them (Retort matches
 * constraints by name).
 */
final class TableReader {
  private final Metadata metadata;
  private final Dialect dialect;
  private final String retortDialect;
  private final boolean mariaDb;
  private final boolean inlineUniques;
  private final SqlStringGenerationContext context;
  private final Set<org.hibernate.mapping.CheckConstraint> unordered;

  /**
   * @param unordered the column checks whose order Hibernate leaves open, written in {@link
   *     BeanValidation#ORDER}
   */
  TableReader(
      Metadata metadata,
      String retortDialect,
      Set<org.hibernate.mapping.CheckConstraint> unordered) {
    this.metadata = metadata;
    this.unordered = unordered;
    this.dialect = metadata.getDatabase().getDialect();
    this.retortDialect = retortDialect;
    this.mariaDb = dialect.getClass().getName().contains("MariaDB");
    // PostgreSQL and SQLite put unique clauses in CREATE TABLE, named only when the mapping
    // names them; the others add every unique key by ALTER TABLE under Hibernate's name
    this.inlineUniques = dialect.getUniqueDelegate() instanceof CreateTableUniqueDelegate;
    this.context =
        SqlStringGenerationContextImpl.forTests(metadata.getDatabase().getJdbcEnvironment());
  }

  /**
   * An identifier as the database keeps it: Hibernate writes names unquoted unless the mapping
   * quotes them, and PostgreSQL folds unquoted names to lower case (the others keep them).
   */
  String fold(String name) {
    return retortDialect.equals("postgresql") ? name.toLowerCase(Locale.ROOT) : name;
  }

  private String col(org.hibernate.mapping.Column c) {
    return c.isQuoted() ? c.getName() : fold(c.getName());
  }

  private String tableName(Table t) {
    return t.isQuoted() ? t.getName() : fold(t.getName());
  }

  QualifiedName name(Table t) {
    return retortDialect.equals("postgresql") && t.getSchema() != null
        ? QualifiedName.of(t.isSchemaQuoted() ? t.getSchema() : fold(t.getSchema()), tableName(t))
        : QualifiedName.of(tableName(t));
  }

  dev.retort.schema.Table table(Table t) {
    QualifiedName name = name(t);
    Set<String> taken = new HashSet<>();
    List<Column> columns = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    List<String> pk =
        t.getPrimaryKey() == null
            ? List.of()
            : t.getPrimaryKey().getColumns().stream().map(this::col).toList();
    for (org.hibernate.mapping.Column c : t.getColumns()) {
      columns.add(column(c, pk.contains(col(c))));
      columnChecks(t, c, taken).forEach(checks::add);
    }
    int anonymous = 0;
    for (org.hibernate.mapping.CheckConstraint c : t.getChecks()) {
      Optional<String> n = Optional.ofNullable(c.getName()).map(this::fold);
      if (n.isEmpty()) {
        n = unnamedCheck(t, firstColumn(t, c.getConstraint()), ++anonymous, taken);
      }
      checks.add(new CheckConstraint(n, c.getConstraint()));
    }
    return new dev.retort.schema.Table(
        name,
        columns,
        pk.isEmpty() ? Optional.empty() : Optional.of(new PrimaryKey(Optional.empty(), pk)),
        foreignKeys(t),
        uniques(t, taken),
        checks,
        indexes(t, name),
        Optional.ofNullable(t.getComment()));
  }

  private Column column(org.hibernate.mapping.Column c, boolean inPrimaryKey) {
    dev.retort.schema.ColumnType type = TypeText.of(retortDialect, c.getSqlType(metadata));
    if (retortDialect.equals("sqlite") && typeCode(c) == JSON) {
      // SQLite's dialect writes JSON as plain text; Retort's portable jsonb keeps the migration
      // meaning JSON (jsonb on PostgreSQL, json on MariaDB) with the same TEXT affinity here
      type = dev.retort.schema.ColumnType.jsonb();
    }
    Column out =
        new Column(
            col(c),
            type,
            c.isNullable() && !inPrimaryKey,
            Optional.ofNullable(c.getDefaultValue()).map(DefaultValue.Expression::new),
            false,
            Optional.ofNullable(c.getComment()));
    if (c.getCollation() != null) {
      out = out.withCollation(Optional.of(c.getCollation()));
    }
    return c.isIdentity() ? out.withIdentity(Identity.BY_DEFAULT) : out;
  }

  /** {@code org.hibernate.type.SqlTypes.JSON}. */
  private static final int JSON = 3001;

  private java.lang.reflect.Method typeCode;

  /**
   * The column's JDBC type code. {@code Column.getSqlTypeCode} takes a {@code Mapping} in 6.6 and a
   * {@code MappingContext} in 7, and the metadata is both, so the method is found by name.
   */
  private int typeCode(org.hibernate.mapping.Column c) {
    try {
      if (typeCode == null) {
        for (java.lang.reflect.Method m : org.hibernate.mapping.Column.class.getMethods()) {
          if (m.getName().equals("getSqlTypeCode")
              && m.getParameterCount() == 1
              && m.getParameterTypes()[0].isInstance(metadata)) {
            typeCode = m;
          }
        }
      }
      return typeCode == null ? 0 : (Integer) typeCode.invoke(c, metadata);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * A column's checks: its unnamed ones as one check joined by {@code and}, as Hibernate writes
   * them in the column's definition, and each named one.
   */
  private List<CheckConstraint> columnChecks(
      Table t, org.hibernate.mapping.Column c, Set<String> taken) {
    List<CheckConstraint> out = new ArrayList<>();
    List<String> anonymous = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (org.hibernate.mapping.CheckConstraint k : c.getCheckConstraints()) {
      if (k.isAnonymous()) {
        (unordered.contains(k) ? open : anonymous).add(k.getConstraint());
      } else {
        out.add(new CheckConstraint(Optional.of(fold(k.getName())), k.getConstraint()));
      }
    }
    // Bean Validation's come after the mapping's own, in an order of Retort's where it has none
    open.sort(BeanValidation.ORDER);
    anonymous.addAll(open);
    if (!anonymous.isEmpty()) {
      String expression =
          anonymous.size() == 1 ? anonymous.get(0) : "(" + String.join(") and (", anonymous) + ")";
      Optional<String> name =
          mariaDb
              ? Optional.of(col(c)) // MariaDB names a column check after its column
              : unnamedCheck(t, Optional.of(col(c)), 0, taken);
      out.add(0, new CheckConstraint(name, expression));
    }
    return out;
  }

  /** The name the database gives a check without one; empty where it keeps none (SQLite). */
  private Optional<String> unnamedCheck(
      Table t, Optional<String> column, int ordinal, Set<String> taken) {
    if (retortDialect.equals("postgresql")) {
      return Optional.of(
          ServerNames.postgres(tableName(t), column.stream().toList(), "check", taken));
    }
    if (retortDialect.equals("mysql")) {
      return Optional.of(mariaDb ? "CONSTRAINT_" + ordinal : t.getName() + "_chk_" + ordinal);
    }
    return Optional.empty();
  }

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  /**
   * The first of the table's columns a check expression names (PostgreSQL names the check after
   * it).
   */
  private static Optional<String> firstColumn(Table t, String expression) {
    Set<String> columns = new HashSet<>();
    t.getColumns().forEach(c -> columns.add(c.getName().toLowerCase(Locale.ROOT)));
    // the first column named, as the table holds it
    Matcher m = WORD.matcher(expression.replaceAll("'(?:[^']|'')*'", "''"));
    while (m.find()) {
      if (columns.contains(m.group().toLowerCase(Locale.ROOT))) {
        return Optional.of(m.group());
      }
    }
    return Optional.empty();
  }

  private List<UniqueConstraint> uniques(Table t, Set<String> taken) {
    Map<String, UniqueConstraint> out = new LinkedHashMap<>();
    Map<String, UniqueKey> keys = t.getUniqueKeys();
    List<UniqueConstraint> inline = new ArrayList<>();
    for (org.hibernate.mapping.Column c : t.getColumns()) {
      if (!c.isUnique() || t.isPrimaryKey(c)) {
        continue;
      }
      if (inlineUniques) {
        inline.add(unnamedUnique(t, List.of(col(c)), taken));
      } else if (!hasKeyOn(keys, c)) {
        // a unique key of the mapping on this column alone stands for the column's own, which
        // Hibernate then leaves out (@Column(unique = true) with a named @UniqueConstraint)
        String key =
            c.getUniqueKeyName() != null
                ? c.getUniqueKeyName()
                : "UK_" + t.getName() + "_" + c.getName();
        if (!keys.containsKey(key)) {
          out.put(key, new UniqueConstraint(Optional.of(fold(key)), List.of(col(c))));
        }
      }
    }
    for (UniqueKey k : keys.values()) {
      List<String> cols = k.getColumns().stream().map(this::col).toList();
      if (!inlineUniques) {
        out.put(k.getName(), new UniqueConstraint(Optional.of(fold(k.getName())), cols));
      } else if (!(cols.size() == 1 && isUniqueColumn(t, k))) {
        out.put(
            k.getName(),
            k.isNameExplicit()
                ? new UniqueConstraint(Optional.of(fold(k.getName())), cols)
                : unnamedUnique(t, cols, taken));
      }
    }
    List<UniqueConstraint> all = new ArrayList<>(inline);
    all.addAll(out.values());
    return all;
  }

  private static boolean hasKeyOn(Map<String, UniqueKey> keys, org.hibernate.mapping.Column c) {
    for (UniqueKey k : keys.values()) {
      if (k.getColumnSpan() == 1 && k.getColumn(0).getName().equals(c.getName())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUniqueColumn(Table t, UniqueKey k) {
    org.hibernate.mapping.Column c = k.getColumn(0);
    org.hibernate.mapping.Column own = t.getColumn(c);
    return c.isUnique() || own != null && own.isUnique();
  }

  private UniqueConstraint unnamedUnique(Table t, List<String> cols, Set<String> taken) {
    return new UniqueConstraint(
        retortDialect.equals("postgresql")
            ? Optional.of(ServerNames.postgres(tableName(t), cols, "key", taken))
            : Optional.empty(),
        cols);
  }

  private List<ForeignKey> foreignKeys(Table t) {
    List<ForeignKey> out = new ArrayList<>();
    for (org.hibernate.mapping.ForeignKey fk : t.getForeignKeys().values()) {
      if (!fk.isCreationEnabled() || !fk.isPhysicalConstraint()) {
        continue;
      }
      Table target = fk.getReferencedTable();
      List<org.hibernate.mapping.Column> refs =
          fk.isReferenceToPrimaryKey()
              ? target.getPrimaryKey().getColumns()
              : fk.getReferencedColumns();
      out.add(
          new ForeignKey(
              Optional.ofNullable(fk.getName()).map(this::fold),
              fk.getColumns().stream().map(this::col).toList(),
              name(target),
              refs.stream().map(this::col).toList(),
              action(fk.getOnDeleteAction()),
              ReferentialAction.NO_ACTION));
    }
    return out;
  }

  private static ReferentialAction action(OnDeleteAction a) {
    if (a == null) {
      return ReferentialAction.NO_ACTION;
    }
    return switch (a.name()) {
      case "CASCADE" -> ReferentialAction.CASCADE;
      case "SET_NULL" -> ReferentialAction.SET_NULL;
      case "SET_DEFAULT" -> ReferentialAction.SET_DEFAULT;
      case "RESTRICT" -> ReferentialAction.RESTRICT;
      default -> ReferentialAction.NO_ACTION;
    };
  }

  private List<Index> indexes(Table t, QualifiedName name) {
    List<Index> out = new ArrayList<>();
    for (org.hibernate.mapping.Index i : t.getIndexes().values()) {
      Map<org.hibernate.mapping.Column, String> order = i.getColumnOrderMap();
      List<IndexPart> parts = new ArrayList<>();
      for (org.hibernate.mapping.Column c : i.getColumns()) {
        IndexPart p = IndexPart.column(col(c));
        String o = order.get(c);
        if (o != null && o.strip().equalsIgnoreCase("desc")) {
          p = p.desc();
        } else if (o != null && o.strip().equalsIgnoreCase("asc")) {
          p = p.asc();
        }
        parts.add(p);
      }
      out.add(
          new Index(
              fold(i.getName()),
              name,
              parts,
              i.isUnique(),
              Optional.empty(),
              Optional.empty(),
              List.of()));
    }
    return out;
  }

  /**
   * The rows Hibernate's schema creation inserts right after creating the table (the one row of a
   * table that stands in for a sequence where the database has none, the segment row of a table
   * generator), as Hibernate writes them for this database.
   */
  Optional<InitialRows> initialRows(Table t) {
    List<String> out = new ArrayList<>();
    for (InitCommand c : t.getInitCommands(context)) {
      for (String sql : c.getInitCommands()) {
        out.add(sql.strip());
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(new InitialRows(name(t), out));
  }
}
