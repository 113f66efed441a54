package dev.retort.dialect;

import static dev.retort.schema.ColumnType.integer;
import static dev.retort.schema.ColumnType.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.retort.error.UsageException;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AddEnumValue;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.AlterSequence;
import dev.retort.ops.BulkInsert;
import dev.retort.ops.CreateDomain;
import dev.retort.ops.CreateEnum;
import dev.retort.ops.CreateExtension;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateSchema;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropDomain;
import dev.retort.ops.DropEnum;
import dev.retort.ops.DropExtension;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropSchema;
import dev.retort.ops.DropSequence;
import dev.retort.ops.DropTable;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.Op;
import dev.retort.ops.RenameEnumValue;
import dev.retort.ops.RenameTable;
import dev.retort.ops.RenameType;
import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.ops.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Domain;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Proves that every dialect renders every op: the dispatch ladder in {@link Renderer#render(Op)}
 * covers each permitted subtype of {@link Op}, and no renderer throws for a plain sample. A new op
 * without a sample here fails the first test, so it cannot be forgotten.
 */
class RendererCoverageTest {

  private static final QualifiedName T = QualifiedName.of("t");
  private static final QualifiedName MOOD = QualifiedName.of("mood");
  private static final Table TABLE =
      new Table(
          T,
          List.of(Column.of("id", integer()).withNullable(false), Column.of("name", text())),
          Optional.of(PrimaryKey.of("id")),
          List.of(),
          List.of(new UniqueConstraint(Optional.of("uq_name"), List.of("name"))),
          List.of(),
          List.of(),
          Optional.empty());

  /**
   * A live catalog that knows the sample table, so that SQLite can plan rebuilds and MySQL can
   * restate altered columns and find the kind of a dropped constraint.
   */
  private static final Catalog LIVE =
      name -> name.equals(T) ? Optional.of(TABLE) : Optional.empty();

  static Map<Class<?>, Op> samples() {
    Index index = new Index("ix_t_name", T, List.of("name"), false, Optional.empty());
    Sequence sequence =
        new Sequence(
            QualifiedName.of("seq_t"),
            Optional.of(10L),
            5,
            Optional.empty(),
            Optional.of(1000L),
            1,
            false,
            Optional.empty());
    Domain domain =
        new Domain(
            QualifiedName.of("positive"),
            integer(),
            false,
            Optional.of(DefaultValue.literal(1)),
            List.of(new CheckConstraint(Optional.of("positive_check"), "VALUE > 0")));
    Map<Class<?>, Op> samples = new LinkedHashMap<>();
    dev.retort.schema.SchemaObject view =
        dev.retort.schema.SchemaObject.of(
            dev.retort.schema.SchemaObject.Kind.VIEW, "v", "CREATE VIEW v AS SELECT 1 AS one");
    for (Op op :
        List.<Op>of(
            new CreateTable(TABLE),
            new DropTable(T, Optional.of(TABLE)),
            new RenameTable(T, "u"),
            new AddColumn(T, Column.of("extra", text())),
            new DropColumn(T, "name", Optional.empty()),
            AlterColumn.of(T, "name", c -> c.existingType(text()).type(integer())),
            new CreateIndex(index),
            new DropIndex(T, "ix_t_name", Optional.of(index)),
            new AddConstraint(T, new UniqueConstraint(Optional.of("uq2"), List.of("id", "name"))),
            new DropConstraint(T, "uq_name", Optional.empty()),
            ExecuteSql.of("SELECT 1"),
            new CreateEnum(MOOD, List.of("sad", "happy")),
            new DropEnum(MOOD, Optional.of(List.of("sad", "happy"))),
            new AddEnumValue(MOOD, "ok", Optional.of("happy"), Optional.empty()),
            new RenameEnumValue(MOOD, "ok", "fine"),
            new RenameType(MOOD, "feeling"),
            new CreateSequence(sequence),
            new DropSequence(sequence.name(), Optional.of(sequence)),
            new AlterSequence(sequence.name(), Sequence.of(sequence.name()), sequence),
            new CreateDomain(domain),
            new DropDomain(domain.name(), Optional.of(domain)),
            new CreateSchema("audit", true),
            new DropSchema("audit", false, false),
            new CreateExtension("citext", Optional.empty(), true),
            new DropExtension("citext", Optional.empty(), true),
            new SetTableComment(T, Optional.empty(), Optional.of("it's a table")),
            new dev.retort.ops.AlterTableOptions(
                T,
                java.util.Map.of("ENGINE", "MyISAM", "ROW_FORMAT", "COMPACT"),
                java.util.Map.of("ENGINE", "InnoDB", "COMMENT_TEXT", "it's")),
            new SetColumnComment(T, "name", Optional.of("old"), Optional.empty()),
            new ValidateConstraint(T, "ck_t"),
            new BulkInsert(
                T, List.of("id", "name"), List.of(List.of(1, "a"), Arrays.asList(2, null))),
            new dev.retort.ops.CreateObject(view),
            new dev.retort.ops.DropObject(view),
            new dev.retort.ops.ReplaceObject(view, view))) {
      samples.put(op.getClass(), op);
    }
    return samples;
  }

  @Test
  void thereIsASampleOfEveryOp() {
    Set<Class<?>> permitted =
        Arrays.stream(Op.class.getPermittedSubclasses()).collect(Collectors.toSet());
    assertThat(permitted).isNotEmpty();
    assertThat(samples().keySet()).containsExactlyInAnyOrderElementsOf(permitted);
  }

  /**
   * Every dialect either renders each op or refuses it with a {@link UsageException} that names the
   * op; an {@link AssertionError} from the dispatch ladder, or any other exception, fails.
   */
  @Test
  void everyDialectRendersOrRefusesEveryOpByName() {
    List<Dialect> dialects = Dialects.all();
    assertThat(dialects).extracting(Dialect::name).contains("postgresql", "sqlite", "mysql");
    for (Dialect dialect : dialects) {
      Renderer renderer = dialect.renderer(LIVE);
      for (Op op : samples().values()) {
        String what = dialect.name() + ": " + op.describe();
        AtomicReference<List<Sql>> sql = new AtomicReference<>();
        Throwable refusal = catchThrowable(() -> sql.set(renderer.render(op)));
        if (refusal != null) {
          assertThat(refusal)
              .as(what)
              .isInstanceOf(UsageException.class)
              .hasMessageStartingWith(op.describe() + ": ");
          continue;
        }
        if (op instanceof dev.retort.ops.AlterTableOptions && !dialect.name().equals("mysql")) {
          // table options are MySQL's alone: elsewhere there are none to change
          assertThat(sql.get()).as(what).isEmpty();
          continue;
        }
        assertThat(sql.get())
            .as(what)
            .isNotEmpty()
            .allSatisfy(s -> assertThat(s.text()).isNotBlank());
      }
    }
  }

  /**
   * PostgreSQL refuses none of the ops; SQLite refuses all but the ones it can express; neither has
   * MySQL's table options, so changing them does nothing there.
   */
  @Test
  void whoRefusesWhat() {
    Renderer postgres =
        Dialects.all().stream()
            .filter(d -> d.name().equals("postgresql"))
            .findFirst()
            .orElseThrow()
            .renderer(LIVE);
    Renderer sqlite =
        Dialects.all().stream()
            .filter(d -> d.name().equals("sqlite"))
            .findFirst()
            .orElseThrow()
            .renderer(LIVE);
    for (Op op : samples().values()) {
      if (!(op instanceof dev.retort.ops.AlterTableOptions)) {
        assertThat(postgres.render(op)).as(op.describe()).isNotEmpty();
      }
    }
    assertThat(postgres.render(samples().get(dev.retort.ops.AlterTableOptions.class))).isEmpty();
    assertThat(sqlite.render(samples().get(dev.retort.ops.AlterTableOptions.class))).isEmpty();
    assertThat(sqlite.render(samples().get(BulkInsert.class))).isNotEmpty();
    assertThat(catchThrowable(() -> sqlite.render(samples().get(CreateEnum.class))))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "create enum mood: enum types are a PostgreSQL feature; sqlite has none — use "
                + "a text column with a check constraint");
    assertThat(catchThrowable(() -> sqlite.render(samples().get(SetTableComment.class))))
        .isInstanceOf(UsageException.class)
        .hasMessage("set comment on table t: sqlite cannot store comments on tables");
  }

  /**
   * SQLite batches stay under 999 parameters and 500 rows, the oldest libraries' limits, and the
   * rows land exactly, NULLs and quotes included, in an in-memory database.
   */
  @Test
  void sqliteBulkInsertsBatchUnderTheOldLimitsAndLand() throws Exception {
    Dialect sqlite =
        Dialects.all().stream().filter(d -> d.name().equals("sqlite")).findFirst().orElseThrow();
    List<List<Object>> rows = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      String name = i % 4 == 0 ? null : "it's \"" + i + "\" ü";
      rows.add(Arrays.asList(i, name));
      expected.add(i + "|" + name);
    }
    List<Sql> two = sqlite.renderer(LIVE).render(new BulkInsert(T, List.of("id", "name"), rows));
    assertThat(two)
        .extracting(s -> s.parameters().size())
        .containsExactly(998, 998, 998, 998, 998, 10);
    List<Sql> one =
        sqlite
            .renderer(LIVE)
            .render(
                new BulkInsert(
                    QualifiedName.of("u"),
                    List.of("id"),
                    rows.stream().map(r -> List.of(r.get(0))).toList()));
    assertThat(one).extracting(s -> s.parameters().size()).containsExactly(500, 500, 500, 500, 500);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
      for (Sql sql : two) {
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
          for (int i = 0; i < sql.parameters().size(); i++) {
            ps.setObject(i + 1, sql.parameters().get(i));
          }
          ps.execute();
        }
      }
      List<String> landed = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT id, name FROM t ORDER BY id")) {
        while (rs.next()) {
          landed.add(rs.getInt(1) + "|" + rs.getString(2));
        }
      }
      assertThat(landed).containsExactlyElementsOf(expected);
    }
  }
}
