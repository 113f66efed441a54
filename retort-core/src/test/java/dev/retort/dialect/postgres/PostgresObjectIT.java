package dev.retort.dialect.postgres;

import static dev.retort.dialect.postgres.PgTestDatabase.execute;
import static dev.retort.dialect.postgres.PgTestDatabase.rows;
import static dev.retort.schema.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.error.IrreversibleOperationException;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The enum, sequence, domain, schema, extension, comment, validation and bulk insert ops against a
 * real PostgreSQL: each op is executed and checked in the system catalogs, then its reverse, after
 * which the catalogs must be exactly as before.
 */
@Tag("postgres")
class PostgresObjectIT {

  private static final Renderer RENDERER = new PostgresDialect().renderer(Catalog.NONE);
  private static PgTestDatabase db;
  private static Connection c;

  /**
   * Every user schema's types, enum labels, domains, sequences, extensions, comments, constraints.
   */
  private static final String SNAPSHOT =
      """
      WITH ns AS (SELECT oid, nspname FROM pg_namespace
                  WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema')
      SELECT 'schema ' || nspname FROM ns
      UNION ALL
      SELECT 'enum ' || ns.nspname || '.' || t.typname || ' '
             || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
      FROM pg_type t JOIN ns ON ns.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      GROUP BY ns.nspname, t.typname
      UNION ALL
      SELECT 'domain ' || ns.nspname || '.' || t.typname || ' '
             || format_type(t.typbasetype, t.typtypmod)
             || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END
             || COALESCE(' default ' || t.typdefault, '')
             || COALESCE((SELECT ' ' || string_agg(co.conname || ' ' || pg_get_constraintdef(co.oid),
                          ' ' ORDER BY co.conname) FROM pg_constraint co WHERE co.contypid = t.oid), '')
      FROM pg_type t JOIN ns ON ns.oid = t.typnamespace WHERE t.typtype = 'd'
      UNION ALL
      SELECT 'sequence ' || s.schemaname || '.' || s.sequencename || ' start ' || s.start_value
             || ' min ' || s.min_value || ' max ' || s.max_value || ' by ' || s.increment_by
             || ' cache ' || s.cache_size || CASE WHEN s.cycle THEN ' cycle' ELSE '' END
             || COALESCE((SELECT ' owned by ' || d.refobjid::regclass || '.' || a.attname
                          FROM pg_depend d JOIN pg_attribute a
                            ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                          WHERE d.classid = 'pg_class'::regclass
                            AND d.objid = (quote_ident(s.schemaname) || '.'
                                           || quote_ident(s.sequencename))::regclass
                            AND d.deptype = 'a' AND d.refobjsubid > 0), '')
      FROM pg_sequences s JOIN ns ON ns.nspname = s.schemaname
      UNION ALL
      SELECT 'extension ' || x.extname || ' in ' || x.extnamespace::regnamespace FROM pg_extension x
      WHERE x.extname <> 'plpgsql'
      UNION ALL
      SELECT 'table ' || ns.nspname || '.' || cl.relname
             || COALESCE(' comment ' || obj_description(cl.oid, 'pg_class'), '')
      FROM pg_class cl JOIN ns ON ns.oid = cl.relnamespace WHERE cl.relkind = 'r'
      UNION ALL
      SELECT 'column ' || ns.nspname || '.' || cl.relname || '.' || a.attname || ' '
             || format_type(a.atttypid, a.atttypmod)
             || COALESCE(' comment ' || col_description(cl.oid, a.attnum), '')
      FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid
      JOIN ns ON ns.oid = cl.relnamespace
      WHERE cl.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      UNION ALL
      SELECT 'constraint ' || ns.nspname || '.' || cl.relname || ' ' || co.conname
             || CASE WHEN co.convalidated THEN ' valid' ELSE ' not valid' END
      FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
      JOIN ns ON ns.oid = cl.relnamespace
      ORDER BY 1""";

  @BeforeAll
  static void createDatabase() throws SQLException {
    db = PgTestDatabase.create();
    c = db.connect();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (c != null) {
      c.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @BeforeEach
  void freshSchemas() throws SQLException {
    c.setAutoCommit(true);
    for (String schema :
        rows(
            c,
            "SELECT quote_ident(nspname) FROM pg_namespace WHERE nspname "
                + "NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public')")) {
      execute(c, "DROP SCHEMA " + schema + " CASCADE");
    }
    execute(c, "DROP SCHEMA public CASCADE; CREATE SCHEMA public; CREATE SCHEMA app");
  }

  static QualifiedName app(String name) {
    return QualifiedName.of("app", name);
  }

  static Stream<Arguments> roundTrips() {
    QualifiedName mood = app("Mood");
    String moodSql = "CREATE TYPE app.\"Mood\" AS ENUM ('sad', 'it''s ok', 'Happy')";
    Sequence full =
        new Sequence(
            app("order_no"),
            Optional.of(1000L),
            10,
            Optional.of(1000L),
            Optional.of(99_999L),
            20,
            true,
            Optional.of(new ColumnRef(app("Orders"), "no")));
    Sequence plain = Sequence.of(app("order_no"));
    Sequence changed =
        new Sequence(
            app("order_no"),
            Optional.of(100L),
            5,
            Optional.empty(),
            Optional.of(1_000_000L),
            10,
            true,
            Optional.of(new ColumnRef(app("Orders"), "no")));
    String orders = "CREATE TABLE app.\"Orders\" (no bigint, total numeric)";
    Domain email =
        new Domain(
            app("email"),
            varchar(255),
            false,
            Optional.of(DefaultValue.literal("it's@example.org")),
            List.of(
                new CheckConstraint(Optional.of("email_has_at"), "VALUE LIKE '%@%'"),
                new CheckConstraint(Optional.of("Not Blank"), "VALUE <> ''")));
    String emailSql =
        "CREATE DOMAIN app.email AS varchar(255) DEFAULT 'it''s@example.org' NOT NULL "
            + "CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%') CONSTRAINT \"Not Blank\" CHECK (VALUE <> '')";
    String users =
        "CREATE TABLE \"user\" (id integer, \"order\" text); "
            + "COMMENT ON TABLE \"user\" IS 'old ''one'''; COMMENT ON COLUMN \"user\".\"order\" IS 'old'";
    return Stream.of(
        Arguments.of(
            "create enum",
            List.of(),
            new CreateEnum(mood, List.of("sad", "it's ok", "Happy")),
            List.of("enum app.Mood sad,it's ok,Happy")),
        Arguments.of(
            "drop enum with its values",
            List.of(moodSql),
            new DropEnum(mood, Optional.of(List.of("sad", "it's ok", "Happy"))),
            List.of()),
        Arguments.of(
            "rename enum value",
            List.of(moodSql),
            new RenameEnumValue(mood, "it's ok", "Fine"),
            List.of("enum app.Mood sad,Fine,Happy")),
        Arguments.of(
            "rename enum type",
            List.of(moodSql),
            new RenameType(mood, "feeling"),
            List.of("enum app.feeling sad,it's ok,Happy")),
        Arguments.of(
            "rename domain",
            List.of(emailSql),
            new RenameType(app("email"), "Mail"),
            List.of(
                "domain app.Mail character varying(255) not null default "
                    + "'it''s@example.org'::character varying Not Blank CHECK (((VALUE)::text <> ''::text)) "
                    + "email_has_at CHECK (((VALUE)::text ~~ '%@%'::text))")),
        Arguments.of(
            "create sequence with every option, owned by a column",
            List.of(orders),
            new CreateSequence(full),
            List.of(
                "sequence app.order_no start 1000 min 1000 max 99999 by 10 cache 20 cycle "
                    + "owned by app.\"Orders\".no")),
        Arguments.of(
            "create plain sequence",
            List.of(),
            new CreateSequence(plain),
            List.of("sequence app.order_no start 1 min 1 max 9223372036854775807 by 1 cache 1")),
        Arguments.of(
            "drop sequence with its definition",
            List.of(orders, new CreateSequence(full)),
            new DropSequence(full.name(), Optional.of(full)),
            List.of()),
        Arguments.of(
            "alter sequence",
            List.of(orders, new CreateSequence(plain)),
            new AlterSequence(plain.name(), plain, changed),
            List.of(
                "sequence app.order_no start 100 min 1 max 1000000 by 5 cache 10 cycle "
                    + "owned by app.\"Orders\".no")),
        Arguments.of(
            "create domain with default, not null and checks",
            List.of(),
            new CreateDomain(email),
            List.of(
                "domain app.email character varying(255) not null "
                    + "default 'it''s@example.org'::character varying "
                    + "Not Blank CHECK (((VALUE)::text <> ''::text)) "
                    + "email_has_at CHECK (((VALUE)::text ~~ '%@%'::text))")),
        Arguments.of(
            "drop domain with its definition",
            List.of(emailSql),
            new DropDomain(email.name(), Optional.of(email)),
            List.of()),
        Arguments.of(
            "create schema",
            List.of(),
            new CreateSchema("Audit Log", false),
            List.of("schema Audit Log")),
        Arguments.of(
            "create schema if not exists",
            List.of(),
            new CreateSchema("audit", true),
            List.of("schema audit")),
        Arguments.of(
            "drop empty schema",
            List.of("CREATE SCHEMA audit"),
            new DropSchema("audit", false, false),
            List.of()),
        Arguments.of(
            "set table comment over an existing one",
            List.of(users),
            new SetTableComment(
                QualifiedName.of("user"),
                Optional.of("old 'one'"),
                Optional.of("who's \"who\" — ünïcode \\ here")),
            List.of("table public.user comment who's \"who\" — ünïcode \\ here")),
        Arguments.of(
            "remove a table comment",
            List.of(users),
            new SetTableComment(
                QualifiedName.of("user"), Optional.of("old 'one'"), Optional.empty()),
            List.of("table public.user")),
        Arguments.of(
            "set column comment on a reserved word",
            List.of(users),
            new SetColumnComment(
                QualifiedName.of("user"), "order", Optional.of("old"), Optional.of("it's")),
            List.of("column public.user.order text comment it's")),
        Arguments.of(
            "set column comment where there was none",
            List.of(users),
            new SetColumnComment(
                QualifiedName.of("user"), "id", Optional.empty(), Optional.of("key")),
            List.of("column public.user.id integer comment key")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roundTrips")
  void opThenReverseLeavesTheCatalogAsBefore(
      String name, List<Object> setup, Op op, List<String> expected) throws SQLException {
    for (Object step : setup) {
      if (step instanceof Op o) {
        run(o);
      } else {
        execute(c, (String) step);
      }
    }
    Set<String> before = snapshot();
    run(op);
    Set<String> after = snapshot();
    assertThat(after).isNotEqualTo(before).containsAll(expected);
    run(op.reverse());
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void addEnumValueLastBeforeAndAfter() throws SQLException {
    execute(c, "CREATE TYPE app.mood AS ENUM ('sad', 'happy')");
    run(new AddEnumValue(app("mood"), "ecstatic", Optional.empty(), Optional.empty()));
    run(new AddEnumValue(app("mood"), "it's ok", Optional.of("happy"), Optional.empty()));
    run(new AddEnumValue(app("mood"), "meh", Optional.empty(), Optional.of("sad")));
    assertThat(snapshot()).contains("enum app.mood sad,meh,it's ok,happy,ecstatic");
    assertThatThrownBy(
            () -> new AddEnumValue(app("mood"), "x", Optional.empty(), Optional.empty()).reverse())
        .isInstanceOf(IrreversibleOperationException.class);
  }

  /**
   * What AddEnumValue's documentation warns of (PostgreSQL 12+): the value can be added inside a
   * transaction, but not used before the commit.
   */
  @Test
  void anEnumValueAddedInATransactionCannotBeUsedBeforeTheCommit() throws SQLException {
    execute(c, "CREATE TYPE app.mood AS ENUM ('sad', 'happy'); CREATE TABLE app.t (m app.mood)");
    c.setAutoCommit(false);
    try {
      run(new AddEnumValue(app("mood"), "meh", Optional.empty(), Optional.empty()));
      assertThatThrownBy(() -> execute(c, "INSERT INTO app.t VALUES ('meh')"))
          .hasMessageContaining("unsafe use of new value");
      c.rollback();
      run(new AddEnumValue(app("mood"), "meh", Optional.empty(), Optional.empty()));
      c.commit();
      execute(c, "INSERT INTO app.t VALUES ('meh')");
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
    assertThat(rows(c, "SELECT m FROM app.t")).containsExactly("meh");
  }

  /** As AlterSequence documents: it never restarts, so bounds must admit the current value. */
  @Test
  void alterSequenceKeepsTheCurrentValueAndRefusesBoundsThatExcludeIt() throws SQLException {
    Sequence plain = Sequence.of(app("n"));
    run(new CreateSequence(plain));
    assertThat(rows(c, "SELECT nextval('app.n'), nextval('app.n')")).containsExactly("1|2");
    Sequence by10 =
        new Sequence(
            plain.name(),
            Optional.empty(),
            10,
            Optional.empty(),
            Optional.empty(),
            1,
            false,
            Optional.empty());
    run(new AlterSequence(plain.name(), plain, by10));
    assertThat(rows(c, "SELECT nextval('app.n')")).containsExactly("12");
    Sequence from1000 =
        new Sequence(
            plain.name(),
            Optional.empty(),
            10,
            Optional.of(1000L),
            Optional.empty(),
            1,
            false,
            Optional.empty());
    assertThatThrownBy(() -> run(new AlterSequence(plain.name(), by10, from1000)))
        .hasMessageContaining("cannot be less than MINVALUE (1000)");
  }

  @Test
  void dropSchemaCascadeDropsItsObjectsAndCannotBeReversed() throws SQLException {
    execute(
        c,
        "CREATE SCHEMA scratch; CREATE TABLE scratch.t (id int); "
            + "CREATE TYPE scratch.e AS ENUM ('a')");
    DropSchema drop = new DropSchema("scratch", false, true);
    run(drop);
    assertThat(snapshot()).noneMatch(line -> line.contains("scratch"));
    assertThatThrownBy(drop::reverse)
        .isInstanceOf(IrreversibleOperationException.class)
        .hasMessageContaining("drop schema scratch cascade cannot be reversed");
  }

  @Test
  void dropSchemaWithoutCascadeRefusesASchemaThatHoldsObjects() throws SQLException {
    execute(c, "CREATE SCHEMA keep; CREATE TABLE keep.t (id int)");
    assertThatThrownBy(() -> run(new DropSchema("keep", false, false)))
        .hasMessageContaining("depend");
    assertThat(snapshot()).contains("table keep.t");
  }

  @Test
  void createExtensionInASchemaAndItsReverse() throws SQLException {
    String extension =
        rows(
                c,
                "SELECT name FROM pg_available_extensions "
                    + "WHERE name IN ('citext', 'pgcrypto') ORDER BY name")
            .stream()
            .findFirst()
            .orElse(null);
    Assumptions.assumeTrue(
        extension != null,
        "neither citext nor pgcrypto is installed on this "
            + "server (postgresql-contrib); skipping the extension round trip");
    Set<String> before = snapshot();
    CreateExtension create = new CreateExtension(extension, Optional.of("app"), false);
    run(create);
    assertThat(snapshot()).contains("extension " + extension + " in app");
    run(create.reverse());
    assertThat(snapshot()).isEqualTo(before);

    run(new CreateExtension(extension, Optional.empty(), true));
    run(new CreateExtension(extension, Optional.empty(), true));
    assertThat(snapshot()).contains("extension " + extension + " in public");
    DropExtension drop = new DropExtension(extension, Optional.empty(), true);
    run(drop);
    run(drop);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void validateConstraintMarksNotValidConstraintsValid() throws SQLException {
    execute(
        c,
        "CREATE TABLE app.\"Orders\" (id int PRIMARY KEY, total numeric);"
            + "CREATE TABLE app.lines (order_id int); INSERT INTO app.\"Orders\" VALUES (1, 5);"
            + "INSERT INTO app.lines VALUES (1);"
            + "ALTER TABLE app.\"Orders\" ADD CONSTRAINT \"Ck Total\" CHECK (total >= 0) NOT VALID;"
            + "ALTER TABLE app.lines ADD CONSTRAINT fk_order FOREIGN KEY (order_id) "
            + "REFERENCES app.\"Orders\" (id) NOT VALID");
    assertThat(snapshot())
        .contains(
            "constraint app.Orders Ck Total not valid", "constraint app.lines fk_order not valid");
    run(new ValidateConstraint(app("Orders"), "Ck Total"));
    run(new ValidateConstraint(app("lines"), "fk_order"));
    assertThat(snapshot())
        .contains("constraint app.Orders Ck Total valid", "constraint app.lines fk_order valid");
    assertThatThrownBy(() -> new ValidateConstraint(app("lines"), "fk_order").reverse())
        .isInstanceOf(IrreversibleOperationException.class);
  }

  @Test
  void validateConstraintFailsOnARowThatBreaksIt() throws SQLException {
    execute(
        c,
        "CREATE TABLE app.o (total numeric); INSERT INTO app.o VALUES (-1);"
            + "ALTER TABLE app.o ADD CONSTRAINT ck CHECK (total >= 0) NOT VALID");
    assertThatThrownBy(() -> run(new ValidateConstraint(app("o"), "ck")))
        .hasMessageContaining("violated by some row");
    assertThat(snapshot()).contains("constraint app.o ck not valid");
  }

  @Test
  void bulkInsertOf2500RowsLandsExactly() throws SQLException {
    execute(
        c,
        "CREATE TABLE app.\"People\" (id integer PRIMARY KEY, \"Name\" text, \"order\" integer, "
            + "note varchar(50))");
    List<List<Object>> rows = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    String[] names = {
      "O'Brien", "Zoë \"Z\" Ünïcode", "日本語", "emoji 🎉", "back\\slash", "semi; -- x", ""
    };
    for (int i = 1; i <= 2500; i++) {
      String name = i % 10 == 0 ? null : names[i % names.length] + " " + i;
      Integer order = i % 7 == 0 ? null : i * 3;
      String note = i % 3 == 0 ? null : "it's row " + i;
      rows.add(Arrays.asList(i, name, order, note));
      expected.add(i + "|" + name + "|" + order + "|" + note);
    }
    BulkInsert insert = new BulkInsert(app("People"), List.of("id", "Name", "order", "note"), rows);
    List<Sql> statements = RENDERER.render(insert);
    assertThat(statements).hasSize(3);
    run(insert);
    assertThat(rows(c, "SELECT id, \"Name\", \"order\", note FROM app.\"People\" ORDER BY id"))
        .containsExactlyElementsOf(expected);
    assertThat(
            rows(
                c,
                "SELECT count(*) FILTER (WHERE \"Name\" IS NULL), "
                    + "count(*) FILTER (WHERE \"order\" IS NULL), count(*) FILTER (WHERE note IS NULL) "
                    + "FROM app.\"People\""))
        .containsExactly("250|357|833");
    assertThatThrownBy(insert::reverse)
        .isInstanceOf(IrreversibleOperationException.class)
        .hasMessageStartingWith("bulk insert 2500 rows into app.People cannot be reversed");
  }

  private static void run(Op op) throws SQLException {
    for (Sql sql : RENDERER.render(op)) {
      try (PreparedStatement st = c.prepareStatement(sql.text())) {
        for (int i = 0; i < sql.parameters().size(); i++) {
          st.setObject(i + 1, sql.parameters().get(i));
        }
        st.execute();
      } catch (SQLException e) {
        throw new SQLException(e.getMessage() + "\n  in: " + sql.text(), e.getSQLState(), e);
      }
    }
  }

  private static Set<String> snapshot() throws SQLException {
    return new TreeSet<>(rows(c, SNAPSHOT));
  }
}
