package dev.retort.dialect.mysql;

import dev.retort.dialect.Sql;
import dev.retort.error.UsageException;
import dev.retort.ops.AlterSequence;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.DropSequence;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * MariaDB's sequences (10.3 and later; MySQL has none). MariaDB keeps a sequence as a one-row table
 * whose columns are its options, so they are read in one statement, a {@code UNION ALL} of those
 * rows, after one catalog query for the names. Bounds and start at MariaDB's defaults (a minimum of
 * 1, a maximum of 2<sup>63</sup>-2, a start at the minimum) are read as left unsaid, which is how
 * the model spells them, and left out when written. The cache is said as it is: the model's cache
 * of 1 (one value at a time, PostgreSQL's default) is MariaDB's {@code NOCACHE}, which Hibernate
 * writes; MariaDB's own default, 1,000, is a cache of 1,000. A sequence has no owner here ({@code
 * OWNED BY} is PostgreSQL's).
 */
final class MySqlSequences {
  /** MariaDB's largest and smallest sequence values: one short of BIGINT's. */
  private static final long MAX = Long.MAX_VALUE - 1;

  private static final long MIN = Long.MIN_VALUE + 1;

  private MySqlSequences() {}

  /** The current database's sequences, less those named in {@code excluded}. */
  static List<Sequence> read(Connection c, Set<String> excluded) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!excluded.contains(rs.getString(1))) {
            names.add(rs.getString(1));
          }
        }
      }
    }
    List<Sequence> out = new ArrayList<>();
    if (names.isEmpty()) {
      return out;
    }
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      rows.add(
          "SELECT "
              + i
              + ", start_value, minimum_value, maximum_value, increment, cache_size, cycle_option"
              + " FROM "
              + quote(names.get(i)));
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(String.join(" UNION ALL ", rows))) {
      while (rs.next()) {
        out.add(sequence(names.get(rs.getInt(1)), rs));
      }
    }
    return out;
  }

  private static Sequence sequence(String name, ResultSet rs) throws SQLException {
    long increment = rs.getLong(5);
    long min = rs.getLong(3);
    long max = rs.getLong(4);
    long start = rs.getLong(2);
    long cache = rs.getLong(6);
    return new Sequence(
        QualifiedName.of(name),
        start == (increment > 0 ? min : max) ? Optional.empty() : Optional.of(start),
        increment,
        min == (increment > 0 ? 1 : MIN) ? Optional.empty() : Optional.of(min),
        max == (increment > 0 ? MAX : -1) ? Optional.empty() : Optional.of(max),
        cache == 0 ? 1 : cache,
        rs.getBoolean(7),
        Optional.empty());
  }

  static List<Sql> create(CreateSequence op, boolean mariaDb, Function<QualifiedName, String> q) {
    Sequence s = op.sequence();
    refuse(mariaDb, s, op);
    List<String> options = new ArrayList<>();
    if (s.increment() != 1) {
      options.add("INCREMENT BY " + s.increment());
    }
    s.minValue().ifPresent(v -> options.add("MINVALUE " + v));
    s.maxValue().ifPresent(v -> options.add("MAXVALUE " + v));
    s.start().ifPresent(v -> options.add("START WITH " + v));
    options.add(cache(s));
    if (s.cycle()) {
      options.add("CYCLE");
    }
    return List.of(
        Sql.of(
            "CREATE SEQUENCE "
                + q.apply(s.name())
                + (options.isEmpty() ? "" : " " + String.join(" ", options))));
  }

  static List<Sql> drop(DropSequence op, boolean mariaDb, Function<QualifiedName, String> q) {
    if (!mariaDb) {
      throw new UsageException(op.describe() + ": MySQL has no sequences (MariaDB has)");
    }
    return List.of(Sql.of("DROP SEQUENCE " + q.apply(op.name())));
  }

  /** Only the options that differ; one put back to its default is said as MariaDB says it. */
  static List<Sql> alter(AlterSequence op, boolean mariaDb, Function<QualifiedName, String> q) {
    Sequence from = op.from();
    Sequence to = op.to();
    refuse(mariaDb, to, op);
    List<String> options = new ArrayList<>();
    if (from.increment() != to.increment()) {
      options.add("INCREMENT BY " + to.increment());
    }
    if (!from.minValue().equals(to.minValue())) {
      options.add(to.minValue().map(v -> "MINVALUE " + v).orElse("NO MINVALUE"));
    }
    if (!from.maxValue().equals(to.maxValue())) {
      options.add(to.maxValue().map(v -> "MAXVALUE " + v).orElse("NO MAXVALUE"));
    }
    if (from.effectiveStart() != to.effectiveStart()) {
      options.add("START WITH " + to.effectiveStart());
    }
    if (from.cache() != to.cache()) {
      options.add(cache(to));
    }
    if (from.cycle() != to.cycle()) {
      options.add(to.cycle() ? "CYCLE" : "NOCYCLE");
    }
    return options.isEmpty()
        ? List.of()
        : List.of(Sql.of("ALTER SEQUENCE " + q.apply(to.name()) + " " + String.join(" ", options)));
  }

  private static String cache(Sequence s) {
    return s.cache() == 1 ? "NOCACHE" : "CACHE " + s.cache();
  }

  /** Refused as every renderer refuses an op: its description, then the reason. */
  private static void refuse(boolean mariaDb, Sequence s, dev.retort.ops.Op op) {
    if (!mariaDb) {
      throw new UsageException(
          op.describe() + ": MySQL has no sequences (MariaDB has); use an autoIncrement column");
    }
    if (s.ownedBy().isPresent()) {
      throw new UsageException(
          op.describe()
              + ": sequence "
              + s.name()
              + " is owned by a column, which only PostgreSQL has");
    }
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
