package dev.retort.dialect.postgres;

import dev.retort.inspect.InspectOptions;
import dev.retort.inspect.Inspector;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Extension;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL's system catalogs into a {@link Schema} with eight queries ({@link
 * PostgresCatalogQueries}), whatever the number of tables.
 */
final class PostgresInspector implements Inspector {
  // 'it''s'::character varying, 42, -1.5, true: literals PostgreSQL stores as written, with a cast
  private static final Pattern STRING_LITERAL =
      Pattern.compile("(?s)^'((?:[^']|'')*)'(?:::[\\w \\[\\]\"().,]+)?$");
  private static final Pattern QUOTED_NUMBER =
      Pattern.compile(
          "^'-?\\d+(?:\\.\\d+)?'::(?:bigint|integer|smallint|numeric|real|double precision)$");
  private static final Pattern NUMBER =
      Pattern.compile("^\\(?(-?\\d+(?:\\.\\d+)?)\\)?(?:::[\\w ]+)?$");
  private static final Pattern SERIAL = Pattern.compile("^nextval\\('.*'::regclass\\)$");
  private static final Pattern CHECK = Pattern.compile("(?s)^CHECK \\((.*)\\)(?: NOT VALID)?$");

  /** A table being assembled, keyed by its oid. */
  private static final class Builder {
    final QualifiedName name;
    final Optional<String> comment;
    final Map<String, String> options;
    final List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey;
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();

    Builder(QualifiedName name, Optional<String> comment, Map<String, String> options) {
      this.name = name;
      this.comment = comment;
      this.options = options;
    }

    Table build() {
      return new Table(
          name,
          columns,
          Optional.ofNullable(primaryKey),
          foreignKeys,
          uniques,
          checks,
          indexes,
          comment,
          options);
    }
  }

  @Override
  public Schema inspect(Connection c, InspectOptions options) throws SQLException {
    String currentSchema;
    String jit;
    String workers;
    try (var s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT current_schema(), current_setting('jit', true),"
                    + " current_setting('max_parallel_workers_per_gather')")) {
      rs.next();
      currentSchema = rs.getString(1);
      jit = rs.getString(2);
      workers = rs.getString(3);
    }
    // Two settings are turned off for the catalog queries. On a large catalog their cost estimates
    // pass jit_above_cost, and compiling them took longer than running them (190 of 320 ms for the
    // columns at 1,000 tables). And they are planned with a parallel worker, a new process that
    // starts with empty caches: the eight queries took 271 ms without one and 308 ms with it, on a
    // fresh connection at 1,000 tables. Inside a transaction the settings are local to it;
    // otherwise they are put back afterwards.
    boolean local = !c.getAutoCommit();
    Map<String, String> off = new LinkedHashMap<>();
    Map<String, String> before = new LinkedHashMap<>();
    if ("on".equals(jit)) {
      off.put("jit", "off");
      before.put("jit", jit);
    }
    if (!"0".equals(workers)) {
      off.put("max_parallel_workers_per_gather", "0");
      before.put("max_parallel_workers_per_gather", workers);
    }
    if (!off.isEmpty()) {
      set(c, off, local);
    }
    try {
      return read(c, options, currentSchema);
    } finally {
      if (!off.isEmpty() && !local) {
        set(c, before, false);
      }
    }
  }

  /** Sets the settings in one statement, for the transaction only when {@code local}. */
  private static void set(Connection c, Map<String, String> settings, boolean local)
      throws SQLException {
    String sql =
        "SELECT " + String.join(", ", Collections.nCopies(settings.size(), "set_config(?, ?, ?)"));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 0;
      for (Map.Entry<String, String> e : settings.entrySet()) {
        ps.setString(++i, e.getKey());
        ps.setString(++i, e.getValue());
        ps.setBoolean(++i, local);
      }
      ps.execute();
    }
  }

  private Schema read(Connection c, InspectOptions options, String currentSchema)
      throws SQLException {
    List<String> schemas = options.schemas().isEmpty() ? List.of(currentSchema) : options.schemas();
    boolean qualify = !options.schemas().isEmpty();
    Array names = c.createArrayOf("text", schemas.toArray());
    Map<Long, Builder> tables = new LinkedHashMap<>();
    query(
        c,
        PostgresCatalogQueries.TABLES,
        names,
        rs -> {
          String table = rs.getString(3);
          if (!options.excludeTables().contains(table)) {
            QualifiedName name =
                qualify ? QualifiedName.of(rs.getString(2), table) : QualifiedName.of(table);
            tables.put(
                rs.getLong(1),
                new Builder(
                    name,
                    Optional.ofNullable(rs.getString(4)),
                    PostgresPartitions.options(rs.getString(5), rs.getString(6))));
          }
        });
    query(
        c,
        PostgresCatalogQueries.COLUMNS,
        names,
        rs -> {
          Builder t = tables.get(rs.getLong(1));
          if (t != null) {
            t.columns.add(column(rs));
          }
        });
    query(
        c,
        PostgresCatalogQueries.CONSTRAINTS,
        names,
        rs -> {
          Builder t = tables.get(rs.getLong(1));
          if (t != null) {
            constraint(t, rs, qualify);
          }
        });
    query(
        c,
        PostgresCatalogQueries.INDEXES,
        names,
        rs -> {
          Builder t = tables.get(rs.getLong(1));
          if (t != null) {
            t.indexes.add(index(t.name, rs));
          }
        });
    List<dev.retort.schema.EnumType> enums = new ArrayList<>();
    query(
        c,
        PostgresCatalogQueries.ENUMS,
        names,
        rs ->
            enums.add(
                new dev.retort.schema.EnumType(
                    qualify
                        ? QualifiedName.of(rs.getString(1), rs.getString(2))
                        : QualifiedName.of(rs.getString(2)),
                    strings(rs.getArray(3)))));
    List<dev.retort.schema.Domain> domains = new ArrayList<>();
    query(
        c,
        PostgresCatalogQueries.DOMAINS,
        names,
        rs -> {
          List<String> checkNames = strings(rs.getArray(6));
          List<String> checkDefs = strings(rs.getArray(7));
          List<CheckConstraint> checks = new ArrayList<>();
          for (int k = 0; k < checkNames.size(); k++) {
            Matcher m = CHECK.matcher(checkDefs.get(k));
            checks.add(
                new CheckConstraint(
                    Optional.of(checkNames.get(k)), m.matches() ? m.group(1) : checkDefs.get(k)));
          }
          domains.add(
              new dev.retort.schema.Domain(
                  qualify
                      ? QualifiedName.of(rs.getString(1), rs.getString(2))
                      : QualifiedName.of(rs.getString(2)),
                  type(rs.getString(3)),
                  !rs.getBoolean(4),
                  Optional.ofNullable(rs.getString(5)).map(PostgresInspector::defaultValue),
                  checks));
        });
    List<Table> built = tables.values().stream().map(Builder::build).toList();
    List<Sequence> sequences = new ArrayList<>();
    query(
        c,
        PostgresCatalogQueries.SEQUENCES,
        names,
        rs -> {
          Sequence s = sequence(rs, qualify);
          if (!(rs.getBoolean(12) && isSerialOf(built, s))) {
            sequences.add(s);
          }
        });
    List<Extension> extensions = new ArrayList<>();
    query(
        c,
        PostgresCatalogQueries.EXTENSIONS,
        names,
        rs ->
            extensions.add(
                new Extension(
                    rs.getString(1), qualify ? Optional.of(rs.getString(2)) : Optional.empty())));
    List<dev.retort.schema.SchemaObject> objects =
        PostgresObjects.read(c, names, qualify, c.getMetaData().getDatabaseMajorVersion() * 10000);
    return new Schema(
        built, enums, domains, sequences, extensions, List.of(), Optional.of(objects));
  }

  /**
   * A sequence with the options the catalog always fills in given back as empty where they are the
   * defaults for the sequence's direction, as a definition would leave them out.
   */
  private static Sequence sequence(ResultSet rs, boolean qualify) throws SQLException {
    long increment = rs.getLong(4);
    long min = rs.getLong(5);
    long max = rs.getLong(6);
    Optional<Long> minValue =
        min == (increment > 0 ? 1L : Long.MIN_VALUE) ? Optional.empty() : Optional.of(min);
    Optional<Long> maxValue =
        max == (increment > 0 ? Long.MAX_VALUE : -1L) ? Optional.empty() : Optional.of(max);
    long start = rs.getLong(3);
    Optional<Long> startValue =
        start == (increment > 0 ? min : max) ? Optional.empty() : Optional.of(start);
    Optional<ColumnRef> owner = Optional.empty();
    if (rs.getString(9) != null) {
      QualifiedName t =
          qualify
              ? QualifiedName.of(rs.getString(10), rs.getString(9))
              : QualifiedName.of(rs.getString(9));
      owner = Optional.of(new ColumnRef(t, rs.getString(11)));
    }
    QualifiedName name =
        qualify
            ? QualifiedName.of(rs.getString(1), rs.getString(2))
            : QualifiedName.of(rs.getString(2));
    return new Sequence(
        name, startValue, increment, minValue, maxValue, rs.getLong(7), rs.getBoolean(8), owner);
  }

  /**
   * Whether the sequence's owner was read as a serial column, which the sequence belongs to; the
   * sequence of an excluded table's column goes with that table.
   */
  private static boolean isSerialOf(List<Table> tables, Sequence s) {
    ColumnRef owner = s.ownedBy().orElseThrow();
    Optional<Table> table = tables.stream().filter(t -> t.name().equals(owner.table())).findFirst();
    return table.isEmpty()
        || table.get().columns().stream()
            .filter(col -> col.name().equals(owner.column()))
            .anyMatch(col -> col.identity() == dev.retort.schema.Identity.SERIAL);
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(Connection c, String sql, Array schemas, RowReader reader)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, schemas);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  private static Column column(ResultSet rs) throws SQLException {
    String typeText = rs.getString(3);
    String defaultText = rs.getString(5);
    String identity = rs.getString(6);
    boolean ownSequence =
        rs.getBoolean(9) && defaultText != null && SERIAL.matcher(defaultText).matches();
    boolean autoIncrement = identity != null && !identity.isEmpty() || ownSequence;
    Optional<DefaultValue> dflt =
        autoIncrement
            ? Optional.empty()
            : Optional.ofNullable(defaultText).map(PostgresInspector::defaultValue);
    Column c =
        new Column(
                rs.getString(2),
                type(typeText),
                !rs.getBoolean(4),
                dflt,
                autoIncrement,
                Optional.ofNullable(rs.getString(7)))
            .withCollation(Optional.ofNullable(rs.getString(8)));
    // attidentity: 'a' GENERATED ALWAYS, 'd' BY DEFAULT; nextval() on a sequence the column owns is
    // serial
    if ("a".equals(identity)) {
      return c.withIdentity(dev.retort.schema.Identity.ALWAYS);
    }
    boolean serial = (identity == null || identity.isEmpty()) && ownSequence;
    if (!serial) {
      return c;
    }
    ColumnType.Kind kind = c.type().kind();
    if (kind == ColumnType.Kind.SMALLINT
        || kind == ColumnType.Kind.INTEGER
        || kind == ColumnType.Kind.BIGINT) {
      return c.withIdentity(dev.retort.schema.Identity.SERIAL);
    }
    // a sequence default on another type (a domain, say) is no serial: keep it as the expression
    return c.withIdentity(dev.retort.schema.Identity.NONE)
        .withDefault(Optional.of(DefaultValue.expression(defaultText)));
  }

  /** format_type's spelling of a sized type; compiled once, as it is matched for every column. */
  private static final Pattern SIZED_TYPE =
      Pattern.compile("^(character varying|character|numeric)\\((\\d+)(?:,(\\d+))?\\)$");

  /** The portable type for {@code format_type}'s text, or a raw type. */
  static ColumnType type(String text) {
    Matcher m = SIZED_TYPE.matcher(text);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(2));
      return switch (m.group(1)) {
        case "character varying" -> ColumnType.varchar(n);
        case "character" -> ColumnType.fixedChar(n);
        default -> ColumnType.numeric(n, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
      };
    }
    return switch (text) {
      case "smallint" -> ColumnType.smallint();
      case "integer" -> ColumnType.integer();
      case "bigint" -> ColumnType.bigint();
      case "text" -> ColumnType.text();
      case "boolean" -> ColumnType.bool();
      case "real" -> ColumnType.real();
      case "double precision" -> ColumnType.doublePrecision();
      case "date" -> ColumnType.date();
      case "time without time zone" -> ColumnType.time();
      case "timestamp without time zone" -> ColumnType.timestamp();
      case "timestamp with time zone" -> ColumnType.timestamptz();
      case "uuid" -> ColumnType.uuid();
      case "json" -> ColumnType.json();
      case "jsonb" -> ColumnType.jsonb();
      case "bytea" -> ColumnType.bytes();
      default -> ColumnType.raw(text);
    };
  }

  /**
   * A stored default back as a literal where it is one, else as the expression PostgreSQL shows.
   */
  static DefaultValue defaultValue(String text) {
    if (QUOTED_NUMBER.matcher(text).matches()) {
      // DEFAULT '0' on a number column: kept as written, so that it reads back the same
      return DefaultValue.expression(text);
    }
    Matcher s = STRING_LITERAL.matcher(text);
    if (s.matches()) {
      return DefaultValue.literal(s.group(1).replace("''", "'"));
    }
    Matcher n = NUMBER.matcher(text);
    if (n.matches()) {
      return DefaultValue.literal(n.group(1));
    }
    if (text.equals("true") || text.equals("false")) {
      return DefaultValue.literal(text);
    }
    return DefaultValue.expression(text);
  }

  private static Index index(QualifiedName table, ResultSet rs) throws SQLException {
    List<String> columns = strings(rs.getArray(5));
    List<String> texts = strings(rs.getArray(6));
    Integer[] options = (Integer[]) rs.getArray(7).getArray();
    List<String> opclasses = strings(rs.getArray(8));
    List<dev.retort.schema.IndexPart> parts = new ArrayList<>();
    for (int k = 0; k < texts.size(); k++) {
      boolean expression = columns.get(k) == null;
      int option = options[k] == null ? 0 : options[k];
      boolean desc = (option & 1) != 0;
      boolean nullsFirst = (option & 2) != 0;
      // the defaults are ASC NULLS LAST and DESC NULLS FIRST: only a departure is spelled out
      dev.retort.schema.IndexPart.Nulls nulls =
          desc == nullsFirst
              ? dev.retort.schema.IndexPart.Nulls.DEFAULT
              : nullsFirst
                  ? dev.retort.schema.IndexPart.Nulls.FIRST
                  : dev.retort.schema.IndexPart.Nulls.LAST;
      parts.add(
          new dev.retort.schema.IndexPart(
              expression ? texts.get(k) : columns.get(k),
              expression,
              desc
                  ? dev.retort.schema.IndexPart.Order.DESC
                  : dev.retort.schema.IndexPart.Order.DEFAULT,
              nulls,
              Optional.ofNullable(k < opclasses.size() ? opclasses.get(k) : null)));
    }
    String method = rs.getString(9);
    return new Index(
        rs.getString(2),
        table,
        parts,
        rs.getBoolean(3),
        Optional.ofNullable(rs.getString(4)),
        "btree".equals(method) ? Optional.empty() : Optional.of(method),
        strings(rs.getArray(10)));
  }

  private static void constraint(Builder t, ResultSet rs, boolean qualify) throws SQLException {
    Optional<String> name = Optional.of(rs.getString(2));
    List<String> columns = strings(rs.getArray(4));
    switch (rs.getString(3)) {
      case "p" -> t.primaryKey = new PrimaryKey(name, columns);
      case "u" -> t.uniques.add(new UniqueConstraint(name, columns));
      case "c" -> {
        Matcher m = CHECK.matcher(rs.getString(10));
        t.checks.add(new CheckConstraint(name, m.matches() ? m.group(1) : rs.getString(10)));
      }
      case "f" -> {
        QualifiedName target =
            qualify
                ? QualifiedName.of(rs.getString(5), rs.getString(6))
                : QualifiedName.of(rs.getString(6));
        t.foreignKeys.add(
            new ForeignKey(
                name,
                columns,
                target,
                strings(rs.getArray(7)),
                PostgresCatalogQueries.action(rs.getString(8)),
                PostgresCatalogQueries.action(rs.getString(9)),
                rs.getBoolean(11),
                rs.getBoolean(12),
                rs.getBoolean(13)));
      }
      default -> throw new IllegalStateException("unexpected constraint type " + rs.getString(3));
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
