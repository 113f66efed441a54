package dev.retort.codegen;

import static dev.retort.schema.ColumnType.bigint;
import static dev.retort.schema.ColumnType.integer;
import static dev.retort.schema.ColumnType.jsonb;
import static dev.retort.schema.ColumnType.numeric;
import static dev.retort.schema.ColumnType.raw;
import static dev.retort.schema.ColumnType.text;
import static dev.retort.schema.ColumnType.timestamptz;
import static dev.retort.schema.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.retort.ops.CreateObject;
import dev.retort.ops.CreateSchema;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropDomain;
import dev.retort.ops.DropEnum;
import dev.retort.ops.DropExtension;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropObject;
import dev.retort.ops.DropSchema;
import dev.retort.ops.DropSequence;
import dev.retort.ops.DropTable;
import dev.retort.ops.ExecuteSql;
import dev.retort.ops.Op;
import dev.retort.ops.Operations;
import dev.retort.ops.RenameEnumValue;
import dev.retort.ops.RenameTable;
import dev.retort.ops.RenameType;
import dev.retort.ops.ReplaceObject;
import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.ops.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.ColumnType;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.Domain;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexPart;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The central property of the printer: for a sample of every op, with every option the op has,
 * print → compile → run against a recording sink gives back an op equal to the original.
 */
class OpSourcePrinterTest {
  private static final String TRICKY =
      "it's \"quoted\", back\\slash \\u0041, tab\there,\nnewline, Côte d'Ivoire ✓";

  /** Samples by label; the label says what the sample exercises. */
  static final Map<String, Op> SAMPLES = new LinkedHashMap<>();

  private static Class<?> compiled;
  private static final Map<String, String> SOURCES = new LinkedHashMap<>();

  static {
    QualifiedName users = QualifiedName.of("users");
    QualifiedName appUsers = QualifiedName.of("app", "users");

    Table rich =
        new Table(
            appUsers,
            List.of(
                new Column("id", integer(), false, Optional.empty(), true, Optional.empty()),
                new Column("email", varchar(120), false, Optional.empty(), false, Optional.empty()),
                new Column("org_id", integer(), true, Optional.empty(), false, Optional.empty()),
                new Column(
                    "nick",
                    text(),
                    true,
                    Optional.of(DefaultValue.literal(TRICKY)),
                    false,
                    Optional.of(TRICKY),
                    Optional.of("C"),
                    Identity.NONE),
                new Column(
                    "score",
                    integer(),
                    false,
                    Optional.of(DefaultValue.literal("0")),
                    false,
                    Optional.empty()),
                new Column(
                    "zip",
                    varchar(5),
                    true,
                    Optional.of(DefaultValue.literal("007")),
                    false,
                    Optional.empty()),
                new Column(
                    "active",
                    ColumnType.bool(),
                    false,
                    Optional.of(DefaultValue.literal("false")),
                    false,
                    Optional.empty()),
                new Column(
                    "seq",
                    bigint(),
                    false,
                    Optional.empty(),
                    true,
                    Optional.empty(),
                    Optional.empty(),
                    Identity.ALWAYS),
                new Column(
                    "created_at",
                    timestamptz(),
                    false,
                    Optional.of(DefaultValue.expression("CURRENT_TIMESTAMP")),
                    false,
                    Optional.empty()),
                new Column(
                    "price", numeric(10, 2), true, Optional.empty(), false, Optional.empty()),
                new Column("tags", raw("text[]"), true, Optional.empty(), false, Optional.empty())),
            Optional.of(new PrimaryKey(Optional.empty(), List.of("id"))),
            List.of(
                new ForeignKey(
                    Optional.of("users_org_id_fkey"),
                    List.of("org_id"),
                    QualifiedName.of("app", "orgs"),
                    List.of("id"),
                    ReferentialAction.CASCADE,
                    ReferentialAction.SET_NULL),
                new ForeignKey(
                    Optional.of("fk_users_pair"),
                    List.of("org_id", "seq"),
                    QualifiedName.of("pairs"),
                    List.of("a", "b"),
                    ReferentialAction.RESTRICT,
                    ReferentialAction.NO_ACTION,
                    true,
                    true,
                    true)),
            List.of(
                new UniqueConstraint(Optional.of("users_email_key"), List.of("email")),
                new UniqueConstraint(Optional.of("uq_users_nick_zip"), List.of("nick", "zip"))),
            List.of(new CheckConstraint(Optional.of("ck_score"), "score >= 0 AND nick <> 'x'")),
            List.of(
                new Index("ix_users_org", appUsers, List.of("org_id"), false, Optional.empty()),
                new Index(
                    "ux_users_nick", appUsers, List.of("nick", "zip"), true, Optional.empty()),
                new Index(
                    "ix_users_recent",
                    appUsers,
                    List.of(
                        IndexPart.column("created_at").desc().nullsLast(),
                        IndexPart.expression("lower(email)").opclass("text_pattern_ops")),
                    false,
                    Optional.of("score > 0"),
                    Optional.of("btree"),
                    List.of("nick"))),
            Optional.of("people; \"all\" of them"));
    SAMPLES.put("create table with every option", new CreateTable(rich));

    Table composite =
        new Table(
            QualifiedName.of("memberships"),
            List.of(
                Column.of("user_id", integer()).withNullable(false),
                Column.of("group_id", integer()).withNullable(false)),
            Optional.of(PrimaryKey.of("user_id", "group_id")),
            List.of(
                new ForeignKey(
                    Optional.empty(),
                    List.of("user_id"),
                    users,
                    List.of("id"),
                    ReferentialAction.NO_ACTION,
                    ReferentialAction.NO_ACTION)),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    SAMPLES.put(
        "create table if not exists, composite key, unnamed foreign key",
        new CreateTable(composite, true));
    SAMPLES.put(
        "create table with a named primary key",
        new CreateTable(
            composite.withPrimaryKey(
                Optional.of(new PrimaryKey(Optional.of("pk_m"), List.of("user_id", "group_id"))))));
    SAMPLES.put(
        "create table with a nullable single-column key",
        new CreateTable(
            composite
                .withPrimaryKey(Optional.of(PrimaryKey.of("user_id")))
                .withColumns(
                    List.of(Column.of("user_id", integer()), Column.of("group_id", integer())))));

    SAMPLES.put(
        "create table with MySQL options, a collation and ON UPDATE",
        new CreateTable(
            composite
                .withColumns(
                    List.of(
                        Column.of("user_id", integer()).withNullable(false),
                        Column.of("group_id", integer()).withNullable(false),
                        Column.of("name", varchar(20)).withCollation(Optional.of("utf8mb4_bin")),
                        Column.of("changed", ColumnType.raw("timestamp"))
                            .withOnUpdate(Optional.of("current_timestamp()"))))
                .withOptions(
                    Map.of("ENGINE", "InnoDB", "ROW_FORMAT", "DYNAMIC", "COMMENT_X", TRICKY))));
    SAMPLES.put("drop table with definition", new DropTable(appUsers, Optional.of(rich)));
    SAMPLES.put("drop table without definition", new DropTable(users, Optional.empty()));
    SAMPLES.put(
        "drop table if exists", new DropTable(users, Optional.of(composite.withName(users)), true));
    SAMPLES.put("rename table", new RenameTable(appUsers, "people"));

    SAMPLES.put("add column", new AddColumn(users, Column.of("bio", text())));
    SAMPLES.put(
        "add column with options",
        new AddColumn(
            appUsers,
            new Column(
                "code",
                varchar(10),
                false,
                Optional.of(DefaultValue.literal("a\\b")),
                false,
                Optional.of("the code"),
                Optional.of("und-x-icu"),
                Identity.NONE)));
    SAMPLES.put(
        "add identity column",
        new AddColumn(
            users, Column.of("n", bigint()).withNullable(false).withIdentity(Identity.ALWAYS)));
    SAMPLES.put(
        "drop column with definition",
        new DropColumn(
            users,
            "bio",
            Optional.of(
                new Column(
                    "bio",
                    text(),
                    false,
                    Optional.of(DefaultValue.expression("''")),
                    false,
                    Optional.of("about")))));
    SAMPLES.put("drop column without definition", new DropColumn(users, "bio", Optional.empty()));

    SAMPLES.put(
        "alter column type",
        AlterColumn.of(
            users,
            "email",
            c -> c.existingType(varchar(120)).type(varchar(255)).existingNullable(false)));
    SAMPLES.put(
        "alter column every aspect",
        AlterColumn.of(
            appUsers,
            "code",
            c ->
                c.rename("kode")
                    .existingType(varchar(10))
                    .type(integer())
                    .existingNullable(true)
                    .nullable(false)
                    .existingDefault("x'y")
                    .defaultExpr("0")
                    .using("nullif(kode, '')::integer")
                    .reverseUsing("kode::text")
                    .existingCollation("C")
                    .collation("default")
                    .existingIdentity(Identity.NONE)
                    .identity(Identity.BY_DEFAULT)
                    .existingComment("old")
                    .comment(TRICKY)));
    SAMPLES.put(
        "alter column drops default and comment",
        AlterColumn.of(
            users,
            "a",
            c ->
                c.existingDefaultExpr("now()")
                    .dropDefault()
                    .existingIdentity(Identity.ALWAYS)
                    .identity(Identity.NONE)
                    .existingComment("c")
                    .dropComment()));
    SAMPLES.put(
        "alter column literal default 42",
        AlterColumn.of(users, "n", c -> c.existingDefault("-7").defaultValue("42")));
    SAMPLES.put(
        "rename column keeping its known default",
        AlterColumn.of(users, "n", c -> c.rename("m").existingDefault("1")));

    Index complex =
        new Index(
            "ix_events_recent",
            QualifiedName.of("app", "events"),
            List.of(
                IndexPart.column("account_id").asc().nullsFirst(),
                IndexPart.column("created_at").desc().nullsLast(),
                IndexPart.expression("(payload->>'kind')").opclass("text_pattern_ops")),
            true,
            Optional.of("deleted_at IS NULL AND note <> 'a\\b'"),
            Optional.of("btree"),
            List.of("title", "body"));
    SAMPLES.put(
        "create index",
        new CreateIndex(
            new Index(
                "ix_users_email", users, List.of("email", "org_id"), false, Optional.empty())));
    SAMPLES.put(
        "create unique index",
        new CreateIndex(
            new Index("ux_users_email", users, List.of("email"), true, Optional.empty())));
    SAMPLES.put(
        "create index with parts, method, include, where, concurrently",
        new CreateIndex(complex, true));
    SAMPLES.put(
        "create gin index",
        new CreateIndex(
            new Index(
                "ix_docs_body",
                QualifiedName.of("docs"),
                List.of(IndexPart.column("body").opclass("jsonb_path_ops")),
                false,
                Optional.empty(),
                Optional.of("gin"),
                List.of())));
    SAMPLES.put("drop index", new DropIndex(users, "ix_users_email", Optional.empty()));
    SAMPLES.put("drop index concurrently", new DropIndex(users, "ix_a", Optional.empty(), true));
    SAMPLES.put(
        "drop index with definition",
        new DropIndex(
            QualifiedName.of("app", "events"), "ix_events_recent", Optional.of(complex), true));

    ForeignKey fk =
        new ForeignKey(
            Optional.of("fk_goal_user"),
            List.of("user_id"),
            appUsers,
            List.of("id"),
            ReferentialAction.CASCADE,
            ReferentialAction.SET_DEFAULT,
            true,
            false);
    SAMPLES.put(
        "add plain foreign key",
        new AddConstraint(
            QualifiedName.of("goal"),
            new ForeignKey(
                Optional.of("fk_a"),
                List.of("a", "b"),
                users,
                List.of("x", "y"),
                ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION)));
    SAMPLES.put(
        "add foreign key with actions, deferrable, not valid",
        new AddConstraint(QualifiedName.of("goal"), fk, true));
    SAMPLES.put(
        "add primary key",
        new AddConstraint(users, new PrimaryKey(Optional.of("pk_users"), List.of("id"))));
    SAMPLES.put(
        "add unique",
        new AddConstraint(
            users,
            new UniqueConstraint(Optional.of("uq_users_email"), List.of("email", "org_id"))));
    SAMPLES.put(
        "add unnamed unique (no API form)",
        new AddConstraint(users, new UniqueConstraint(Optional.empty(), List.of("email"))));
    SAMPLES.put(
        "add check",
        new AddConstraint(users, new CheckConstraint(Optional.of("ck_a"), "a <> 'x\\y'")));
    SAMPLES.put(
        "add check not valid",
        new AddConstraint(users, new CheckConstraint(Optional.of("ck_a"), "a > 0"), true));
    SAMPLES.put("drop constraint", new DropConstraint(users, "ck_a", Optional.empty()));
    SAMPLES.put(
        "drop constraint with definition",
        new DropConstraint(QualifiedName.of("goal"), "fk_goal_user", Optional.of(fk), true));

    SAMPLES.put("execute", ExecuteSql.of("UPDATE users SET a = 'x\\y' WHERE b = \"c\""));
    SAMPLES.put(
        "execute with parameters",
        new ExecuteSql(
            "INSERT INTO t VALUES (?, ?, ?, ?)",
            Arrays.asList(1, null, "a'b", 5L),
            Optional.empty()));
    SAMPLES.put(
        "execute with a lone null parameter",
        new ExecuteSql("SELECT ?", Arrays.asList((Object) null), Optional.empty()));
    SAMPLES.put(
        "execute with undo",
        new ExecuteSql("CREATE VIEW v AS SELECT 1", List.of(), Optional.of("DROP VIEW v")));

    SAMPLES.put(
        "create enum",
        new CreateEnum(QualifiedName.of("app", "mood"), List.of("happy", "it's ok", "sad")));
    SAMPLES.put(
        "drop enum with values",
        new DropEnum(QualifiedName.of("mood"), Optional.of(List.of("a", "b"))));
    SAMPLES.put("drop enum", new DropEnum(QualifiedName.of("mood"), Optional.empty()));
    SAMPLES.put(
        "drop enum with no values (no API form)",
        new DropEnum(QualifiedName.of("mood"), Optional.of(List.of())));
    SAMPLES.put(
        "add enum value",
        new AddEnumValue(QualifiedName.of("mood"), "meh", Optional.empty(), Optional.empty()));
    SAMPLES.put(
        "add enum value before",
        new AddEnumValue(QualifiedName.of("mood"), "meh", Optional.of("sad"), Optional.empty()));
    SAMPLES.put(
        "add enum value after",
        new AddEnumValue(
            QualifiedName.of("app", "mood"), "meh", Optional.empty(), Optional.of("happy")));
    SAMPLES.put("rename enum value", new RenameEnumValue(QualifiedName.of("mood"), "sad", "blue"));
    SAMPLES.put("rename type", new RenameType(QualifiedName.of("app", "mood"), "feeling"));

    Sequence full =
        new Sequence(
            QualifiedName.of("app", "order_no"),
            Optional.of(1000L),
            -10,
            Optional.of(Long.MIN_VALUE),
            Optional.of(5_000_000_000L),
            20,
            true,
            Optional.of(new ColumnRef(QualifiedName.of("app", "orders"), "no")));
    SAMPLES.put("create sequence", new CreateSequence(Sequence.of(QualifiedName.of("s"))));
    SAMPLES.put("create sequence with every option", new CreateSequence(full));
    SAMPLES.put(
        "create sequence owned by a table in another schema",
        new CreateSequence(
            new Sequence(
                QualifiedName.of("app", "s"),
                Optional.empty(),
                1,
                Optional.empty(),
                Optional.empty(),
                1,
                false,
                Optional.of(new ColumnRef(QualifiedName.of("t"), "c")))));
    SAMPLES.put("drop sequence", new DropSequence(QualifiedName.of("s"), Optional.empty()));
    SAMPLES.put("drop sequence with definition", new DropSequence(full.name(), Optional.of(full)));
    SAMPLES.put(
        "alter sequence",
        new AlterSequence(
            full.name(),
            full,
            new Sequence(
                full.name(),
                Optional.empty(),
                1,
                Optional.empty(),
                Optional.empty(),
                1,
                false,
                Optional.empty())));

    Domain email =
        new Domain(
            QualifiedName.of("app", "email"),
            text(),
            false,
            Optional.of(DefaultValue.literal("nobody@example.com")),
            List.of(
                new CheckConstraint(Optional.of("email_has_at"), "VALUE LIKE '%@%'"),
                new CheckConstraint(Optional.of("email_short"), "length(VALUE) < 255")));
    SAMPLES.put("create domain", new CreateDomain(email));
    SAMPLES.put(
        "create plain domain",
        new CreateDomain(
            new Domain(
                QualifiedName.of("d"),
                jsonb(),
                true,
                Optional.of(DefaultValue.expression("'{}'::jsonb")),
                List.of())));
    SAMPLES.put("drop domain", new DropDomain(QualifiedName.of("d"), Optional.empty()));
    SAMPLES.put("drop domain with definition", new DropDomain(email.name(), Optional.of(email)));

    SAMPLES.put("create schema", new CreateSchema("app", false));
    SAMPLES.put("create schema if not exists", new CreateSchema("app", true));
    SAMPLES.put("drop schema", new DropSchema("app", false, false));
    SAMPLES.put("drop schema cascade", new DropSchema("app", false, true));
    SAMPLES.put("drop schema if exists", new DropSchema("app", true, false));
    SAMPLES.put("create extension", new CreateExtension("pgcrypto", Optional.empty(), false));
    SAMPLES.put(
        "create extension in schema", new CreateExtension("citext", Optional.of("ext"), true));
    SAMPLES.put(
        "create extension if not exists", new CreateExtension("citext", Optional.empty(), true));
    SAMPLES.put("drop extension", new DropExtension("pgcrypto", Optional.empty(), false));
    SAMPLES.put(
        "drop extension with schema", new DropExtension("citext", Optional.of("ext"), true));

    SAMPLES.put(
        "set table comment", new SetTableComment(users, Optional.empty(), Optional.of(TRICKY)));
    SAMPLES.put(
        "change table comment", new SetTableComment(appUsers, Optional.of("a"), Optional.of("b")));
    SAMPLES.put(
        "remove table comment", new SetTableComment(users, Optional.of("a"), Optional.empty()));
    SAMPLES.put(
        "alter table options",
        new dev.retort.ops.AlterTableOptions(
            users,
            Map.of("ENGINE", "MyISAM", "ROW_FORMAT", "COMPACT"),
            Map.of("ENGINE", "InnoDB", "COLLATE", TRICKY)));
    SAMPLES.put(
        "set column comment",
        new SetColumnComment(users, "email", Optional.empty(), Optional.of("login")));
    SAMPLES.put(
        "remove column comment",
        new SetColumnComment(appUsers, "email", Optional.of("login"), Optional.empty()));
    SAMPLES.put("validate constraint", new ValidateConstraint(appUsers, "ck_a"));

    SAMPLES.put(
        "bulk insert with nulls and every value type",
        new BulkInsert(
            QualifiedName.of("app", "country"),
            List.of("code", "name", "n", "big", "ok", "price", "day", "ratio"),
            List.of(
                Arrays.asList(
                    "fr",
                    "France",
                    1,
                    5_000_000_000L,
                    true,
                    new BigDecimal("1.50"),
                    LocalDate.of(2026, 1, 2),
                    0.1),
                Arrays.asList("ci", "Côte d'Ivoire \"CI\" \\", null, null, null, null, null, null),
                Arrays.asList(
                    null,
                    TRICKY,
                    -1,
                    -1L,
                    false,
                    new BigDecimal("-0"),
                    LocalDate.of(1999, 12, 31),
                    -2.5e300))));
    SAMPLES.put(
        "bulk insert of no rows", new BulkInsert(QualifiedName.of("t"), List.of("a"), List.of()));

    String function =
        "CREATE OR REPLACE FUNCTION add_one(x integer)\n RETURNS integer\n LANGUAGE sql\n"
            + "AS $function$ SELECT x + 1 $function$\n";
    SAMPLES.put(
        "create function with its comment",
        new CreateObject(
            SchemaObject.of(
                SchemaObject.Kind.FUNCTION,
                "add_one(x integer)",
                function,
                "COMMENT ON FUNCTION add_one(x integer) IS 'adds one'")));
    // every way text could end a text block or change its value: three quotes, backslashes, a
    // unicode escape in words, whitespace at line ends, tabs, a carriage return, blank lines, no
    // final newline
    String hostile =
        "CREATE VIEW \"\"\"odd\"\"\"\"\" AS\n SELECT '\\u0022; DROP TABLE x; --' AS a,  \n"
            + "\t'\\' AS b\t\n\n   \n\r E'\\n' AS c, '\"\"\"' AS d\n\"\"\"); op.execute(\"x\"); //";
    SAMPLES.put(
        "drop view with hostile text",
        new DropObject(SchemaObject.of(SchemaObject.Kind.VIEW, "\"odd\"", hostile)));
    SAMPLES.put(
        "replace a setting in place",
        new ReplaceObject(
            SchemaObject.of(
                    SchemaObject.Kind.STORAGE,
                    "t.c",
                    "ALTER TABLE t ALTER COLUMN c SET STORAGE EXTERNAL")
                .withDrop("ALTER TABLE t ALTER COLUMN c SET STORAGE EXTENDED"),
            SchemaObject.of(
                    SchemaObject.Kind.STORAGE,
                    "t.c",
                    "ALTER TABLE t ALTER COLUMN c SET STORAGE MAIN")
                .withDrop("ALTER TABLE t ALTER COLUMN c SET STORAGE EXTENDED")));
  }

  @BeforeAll
  static void compileEverySample() {
    Imports imports = new Imports();
    StringBuilder methods = new StringBuilder();
    int i = 0;
    for (Map.Entry<String, Op> e : SAMPLES.entrySet()) {
      String statements = OpSourcePrinter.print(e.getValue(), imports);
      SOURCES.put(e.getKey(), statements);
      methods
          .append("  // ")
          .append(dev.retort.text.Inert.text(e.getKey()))
          .append('\n')
          .append("  public static void sample")
          .append(i++)
          .append("(Operations op) {\n");
      for (String line : statements.split("\n")) {
        methods.append("    ").append(line).append('\n');
      }
      methods.append("  }\n\n");
    }
    imports.type(Operations.class);
    String source = imports.render() + "\npublic final class PrintedSamples {\n" + methods + "}\n";
    compiled = InMemoryJava.compile("PrintedSamples", source);
  }

  @TestFactory
  Stream<DynamicTest> printCompileRunGivesTheSameOp() {
    List<String> labels = new ArrayList<>(SAMPLES.keySet());
    return labels.stream()
        .map(
            label ->
                DynamicTest.dynamicTest(
                    label,
                    () -> {
                      Method m =
                          compiled.getMethod("sample" + labels.indexOf(label), Operations.class);
                      List<Op> recorded = new ArrayList<>();
                      m.invoke(null, InMemoryJava.recording(recorded));
                      assertThat(recorded)
                          .as("ops recorded by:\n%s", SOURCES.get(label))
                          .containsExactly(SAMPLES.get(label));
                    }));
  }

  @Test
  void everyPermittedOpHasASample() {
    Set<Class<?>> sampled =
        SAMPLES.values().stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(sampled).containsExactlyInAnyOrder(Op.class.getPermittedSubclasses());
  }

  @Test
  void readableFormsAreUsedWhereTheApiSaysItAll() {
    Set<String> fallbacks =
        SOURCES.entrySet().stream()
            .filter(e -> e.getValue().startsWith("op.apply("))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(fallbacks)
        .containsExactlyInAnyOrder(
            "add unnamed unique (no API form)",
            "drop enum with no values (no API form)",
            "create sequence owned by a table in another schema");
  }

  @Test
  void createTableReadsLikeAHandWrittenMigration() {
    String src = SOURCES.get("create table with every option");
    assertThat(src)
        .startsWith("op.createTable(\"app.users\", t -> {\n")
        .contains("  t.column(\"id\", integer()).primaryKey().autoIncrement();\n")
        .contains("  t.column(\"email\", varchar(120)).notNull().unique();\n")
        .contains(
            "  t.column(\"org_id\", integer()).references(\"app.orgs\", \"id\")"
                + ".onDelete(CASCADE).onUpdate(SET_NULL);\n")
        .contains(".defaultValue(0)")
        .contains(".defaultValue(\"007\")")
        .contains(".defaultValue(false)")
        .contains(".identity(Identity.ALWAYS)")
        .contains(
            "  t.foreignKey(\"fk_users_pair\", \"org_id\", \"seq\").references(\"pairs\", "
                + "\"a\", \"b\").matchFull().onDelete(RESTRICT).initiallyDeferred();\n")
        .contains("  t.index(\"ix_users_org\", \"org_id\");\n")
        .contains("  t.uniqueIndex(\"ux_users_nick\", \"nick\", \"zip\");\n")
        .contains(
            "ix -> ix.column(\"created_at\").desc().nullsLast()"
                + ".expression(\"lower(email)\").opclass(\"text_pattern_ops\").using(\"btree\")"
                + ".include(\"nick\").where(\"score > 0\")")
        .endsWith("});");
  }

  @Test
  void dropsCarryTheirDefinitionSoTheSourceStaysReversible() {
    assertThat(SOURCES.get("drop table with definition"))
        .startsWith("op.dropTable(\"app.users\", t -> {\n");
    assertThat(SOURCES.get("drop column with definition"))
        .isEqualTo(
            "op.dropColumn(\"users\", \"bio\", text(), "
                + "c -> c.notNull().defaultExpr(\"''\").comment(\"about\"));");
    assertThat(SOURCES.get("drop index with definition"))
        .startsWith("op.dropIndex(\"ix_events_recent\", \"app.events\", ix -> ix.column(")
        .endsWith(".unique().concurrently());");
  }

  @Test
  void stringsAreEscapedAsJavaLiterals() {
    assertThat(JavaValues.string(TRICKY))
        .isEqualTo(
            "\"it's \\\"quoted\\\", back\\\\slash "
                + "\\\\u0041, tab\\there,\\nnewline, Côte d'Ivoire ✓\"");
    assertThat(JavaValues.string("\u0000\u2028")).isEqualTo("\"\\u0000\\u2028\"");
  }
}
