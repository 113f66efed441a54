package dev.retort.dialect.postgres;

import static dev.retort.schema.ColumnType.numeric;
import static dev.retort.schema.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Renderer;
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
import dev.retort.ops.Op;
import dev.retort.ops.RenameEnumValue;
import dev.retort.ops.RenameType;
import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.ops.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Domain;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Op → SQL text for the PostgreSQL objects other than tables. */
class PostgresObjectRendererTest {

  private static final Renderer PG = new PostgresDialect().renderer(Catalog.NONE);
  private static final QualifiedName MOOD = QualifiedName.of("Mood");
  private static final QualifiedName APP_MOOD = QualifiedName.of("app", "mood");
  private static final QualifiedName SEQ = QualifiedName.of("app", "order_no");

  static Sequence seq(
      Long start,
      long increment,
      Long min,
      Long max,
      long cache,
      boolean cycle,
      ColumnRef ownedBy) {
    return new Sequence(
        SEQ,
        Optional.ofNullable(start),
        increment,
        Optional.ofNullable(min),
        Optional.ofNullable(max),
        cache,
        cycle,
        Optional.ofNullable(ownedBy));
  }

  static Stream<Arguments> cases() {
    ColumnRef ownedBy = new ColumnRef(QualifiedName.of("app", "Orders"), "no");
    Sequence full = seq(1000L, 10, 1000L, 99_999L, 20, true, ownedBy);
    Sequence plain = Sequence.of(SEQ);
    Domain email =
        new Domain(
            QualifiedName.of("app", "email"),
            varchar(255),
            false,
            Optional.of(DefaultValue.literal("it's@example.org")),
            List.of(
                new CheckConstraint(Optional.of("email_has_at"), "VALUE LIKE '%@%'"),
                new CheckConstraint(Optional.of("Not Blank"), "VALUE <> ''")));
    Domain amount =
        new Domain(
            QualifiedName.of("amount"),
            numeric(10, 2),
            true,
            Optional.of(DefaultValue.literal(0)),
            List.of());
    QualifiedName user = QualifiedName.of("user");
    return Stream.of(
        Arguments.of(
            new CreateEnum(MOOD, List.of("sad", "it's ok", "Happy")),
            List.of("CREATE TYPE \"Mood\" AS ENUM ('sad', 'it''s ok', 'Happy')")),
        Arguments.of(
            new CreateEnum(APP_MOOD, List.of()), List.of("CREATE TYPE app.mood AS ENUM ()")),
        Arguments.of(new DropEnum(MOOD, Optional.empty()), List.of("DROP TYPE \"Mood\"")),
        Arguments.of(
            new AddEnumValue(APP_MOOD, "meh", Optional.empty(), Optional.empty()),
            List.of("ALTER TYPE app.mood ADD VALUE 'meh'")),
        Arguments.of(
            new AddEnumValue(APP_MOOD, "o'k", Optional.of("happy"), Optional.empty()),
            List.of("ALTER TYPE app.mood ADD VALUE 'o''k' BEFORE 'happy'")),
        Arguments.of(
            new AddEnumValue(MOOD, "meh", Optional.empty(), Optional.of("it's ok")),
            List.of("ALTER TYPE \"Mood\" ADD VALUE 'meh' AFTER 'it''s ok'")),
        Arguments.of(
            new RenameEnumValue(MOOD, "it's ok", "fine"),
            List.of("ALTER TYPE \"Mood\" RENAME VALUE 'it''s ok' TO 'fine'")),
        Arguments.of(
            new RenameType(APP_MOOD, "Feeling"),
            List.of("ALTER TYPE app.mood RENAME TO \"Feeling\"")),
        Arguments.of(new CreateSequence(plain), List.of("CREATE SEQUENCE app.order_no")),
        Arguments.of(
            new CreateSequence(full),
            List.of(
                "CREATE SEQUENCE app.order_no INCREMENT BY 10 "
                    + "MINVALUE 1000 MAXVALUE 99999 START WITH 1000 CACHE 20 CYCLE OWNED BY app.\"Orders\".no")),
        Arguments.of(
            new CreateSequence(seq(null, -1, null, null, 1, false, null)),
            List.of("CREATE SEQUENCE app.order_no INCREMENT BY -1")),
        Arguments.of(
            new DropSequence(SEQ, Optional.empty()), List.of("DROP SEQUENCE app.order_no")),
        Arguments.of(
            new AlterSequence(SEQ, plain, full),
            List.of(
                "ALTER SEQUENCE app.order_no "
                    + "INCREMENT BY 10 MINVALUE 1000 MAXVALUE 99999 START WITH 1000 CACHE 20 CYCLE "
                    + "OWNED BY app.\"Orders\".no")),
        Arguments.of(
            new AlterSequence(SEQ, full, plain),
            List.of(
                "ALTER SEQUENCE app.order_no "
                    + "INCREMENT BY 1 NO MINVALUE NO MAXVALUE START WITH 1 CACHE 1 NO CYCLE OWNED BY NONE")),
        Arguments.of(
            new AlterSequence(SEQ, plain, seq(null, 1, null, 500L, 1, false, null)),
            List.of("ALTER SEQUENCE app.order_no MAXVALUE 500")),
        // a sign flip resets empty bounds, whose defaults depend on the direction
        Arguments.of(
            new AlterSequence(SEQ, plain, seq(null, -1, null, null, 1, false, null)),
            List.of(
                "ALTER SEQUENCE app.order_no INCREMENT BY -1 NO MINVALUE NO MAXVALUE START WITH -1")),
        // an explicit start equal to the default changes nothing in the database
        Arguments.of(
            new AlterSequence(SEQ, plain, seq(1L, 1, null, null, 1, false, null)), List.of()),
        Arguments.of(
            new CreateDomain(email),
            List.of(
                "CREATE DOMAIN app.email AS varchar(255) "
                    + "DEFAULT 'it''s@example.org' NOT NULL CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%') "
                    + "CONSTRAINT \"Not Blank\" CHECK (VALUE <> '')")),
        Arguments.of(
            new CreateDomain(amount), List.of("CREATE DOMAIN amount AS numeric(10,2) DEFAULT 0")),
        Arguments.of(
            new DropDomain(email.name(), Optional.of(email)), List.of("DROP DOMAIN app.email")),
        Arguments.of(new CreateSchema("audit", false), List.of("CREATE SCHEMA audit")),
        Arguments.of(
            new CreateSchema("Audit Log", true),
            List.of("CREATE SCHEMA IF NOT EXISTS \"Audit Log\"")),
        Arguments.of(new DropSchema("audit", false, false), List.of("DROP SCHEMA audit")),
        Arguments.of(
            new DropSchema("select", true, true),
            List.of("DROP SCHEMA IF EXISTS \"select\" CASCADE")),
        Arguments.of(
            new CreateExtension("citext", Optional.empty(), false),
            List.of("CREATE EXTENSION citext")),
        Arguments.of(
            new CreateExtension("uuid-ossp", Optional.of("Ext"), true),
            List.of("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" SCHEMA \"Ext\"")),
        Arguments.of(
            new DropExtension("citext", Optional.of("ext"), false),
            List.of("DROP EXTENSION citext")),
        Arguments.of(
            new DropExtension("uuid-ossp", Optional.empty(), true),
            List.of("DROP EXTENSION IF EXISTS \"uuid-ossp\"")),
        Arguments.of(
            new SetTableComment(user, Optional.empty(), Optional.of("who's \"who\" \\ here")),
            List.of("COMMENT ON TABLE \"user\" IS 'who''s \"who\" \\ here'")),
        Arguments.of(
            new SetTableComment(
                QualifiedName.of("app", "Orders"), Optional.of("x"), Optional.empty()),
            List.of("COMMENT ON TABLE app.\"Orders\" IS NULL")),
        Arguments.of(
            new SetColumnComment(user, "order", Optional.empty(), Optional.of("it's")),
            List.of("COMMENT ON COLUMN \"user\".\"order\" IS 'it''s'")),
        Arguments.of(
            new SetColumnComment(
                QualifiedName.of("app", "t"), "Total", Optional.of("x"), Optional.empty()),
            List.of("COMMENT ON COLUMN app.t.\"Total\" IS NULL")),
        Arguments.of(
            new ValidateConstraint(QualifiedName.of("app", "Orders"), "Ck Total"),
            List.of("ALTER TABLE app.\"Orders\" VALIDATE CONSTRAINT \"Ck Total\"")),
        Arguments.of(
            new BulkInsert(
                user,
                List.of("id", "Name", "order"),
                List.of(List.of(1, "it's", 3), Arrays.asList(2, null, null))),
            List.of("INSERT INTO \"user\" (id, \"Name\", \"order\") VALUES (?, ?, ?), (?, ?, ?)")),
        Arguments.of(new BulkInsert(user, List.of("id"), List.of()), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersExactly(Op op, List<String> expected) {
    assertThat(PG.render(op)).extracting(Sql::text).containsExactlyElementsOf(expected);
  }

  @Test
  void bulkInsertBindsEveryValueInOrderAndWritesNoneIntoTheText() {
    BulkInsert op =
        new BulkInsert(
            QualifiedName.of("t"),
            List.of("a", "b"),
            List.of(List.of(1, "x'); DROP TABLE t; --"), Arrays.asList(2, null)));
    List<Sql> sql = PG.render(op);
    assertThat(sql).hasSize(1);
    assertThat(sql.get(0).parameters()).containsExactly(1, "x'); DROP TABLE t; --", 2, null);
    assertThat(sql.get(0).text()).doesNotContain("DROP").doesNotContain("x'");
  }

  /** 1,000 rows per statement, unless 30,000 parameters come first. */
  @Test
  void bulkInsertBatchesAtTheRowAndParameterBoundaries() {
    assertThat(batchSizes(1000, 1)).containsExactly(1000);
    assertThat(batchSizes(1001, 1)).containsExactly(1000, 1);
    assertThat(batchSizes(2500, 2)).containsExactly(1000, 1000, 500);
    // 40 columns: 30,000 / 40 = 750 rows per statement
    assertThat(batchSizes(750, 40)).containsExactly(750);
    assertThat(batchSizes(751, 40)).containsExactly(750, 1);
    // 31 columns: 967 rows (29,977 parameters); 968 would be 30,008
    assertThat(batchSizes(1000, 31)).containsExactly(967, 33);
  }

  private static List<Integer> batchSizes(int rows, int columns) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      names.add("c" + c);
    }
    List<List<Object>> values = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        row.add(r * columns + c);
      }
      values.add(row);
    }
    List<Sql> sql = PG.render(new BulkInsert(QualifiedName.of("t"), names, values));
    List<Integer> sizes = new ArrayList<>();
    int next = 0;
    for (Sql s : sql) {
      int params = s.parameters().size();
      assertThat(params % columns).isZero();
      assertThat(params).isLessThanOrEqualTo(30_000);
      int tuples = s.text().split("\\), \\(", -1).length;
      assertThat(tuples * columns).as("placeholders match parameters").isEqualTo(params);
      assertThat(s.text().chars().filter(ch -> ch == '?').count()).isEqualTo(params);
      // the parameters continue where the previous statement stopped
      assertThat(s.parameters().get(0)).isEqualTo(next);
      next += params;
      sizes.add(params / columns);
    }
    assertThat(next).isEqualTo(rows * columns);
    return sizes;
  }
}
