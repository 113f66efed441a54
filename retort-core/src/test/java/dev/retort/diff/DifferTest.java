package dev.retort.diff;

import static dev.retort.schema.ColumnType.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.AddColumn;
import dev.retort.ops.AddConstraint;
import dev.retort.ops.AlterColumn;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropConstraint;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropTable;
import dev.retort.ops.Op;
import dev.retort.ops.RenameTable;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.DefaultValue;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DifferTest {
  private static final QualifiedName USERS = QualifiedName.of("users");
  private static final QualifiedName POSTS = QualifiedName.of("posts");
  private final Differ differ = new Differ();

  private static Column col(String name, dev.retort.schema.ColumnType type, boolean nullable) {
    return new Column(name, type, nullable, Optional.empty(), false, Optional.empty());
  }

  private static Table users() {
    return new Table(
        USERS,
        List.of(
            new Column("id", integer(), false, Optional.empty(), true, Optional.empty()),
            col("email", varchar(120), false),
            col("name", text(), true)),
        Optional.of(PrimaryKey.of("id")),
        List.of(),
        List.of(new UniqueConstraint(Optional.of("users_email_key"), List.of("email"))),
        List.of(new CheckConstraint(Optional.of("ck_email"), "email <> ''")),
        List.of(new Index("ix_users_name", USERS, List.of("name"), false, Optional.empty())),
        Optional.empty());
  }

  private static ForeignKey postsToUsers(ReferentialAction onDelete) {
    return new ForeignKey(
        Optional.of("posts_user_id_fkey"),
        List.of("user_id"),
        USERS,
        List.of("id"),
        onDelete,
        ReferentialAction.NO_ACTION);
  }

  private static Table posts() {
    return new Table(
        POSTS,
        List.of(col("id", bigint(), false), col("user_id", integer(), false)),
        Optional.of(PrimaryKey.of("id")),
        List.of(postsToUsers(ReferentialAction.CASCADE)),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  private static Schema schema(Table... tables) {
    return new Schema(List.of(tables));
  }

  private List<Op> diff(Schema from, Schema to) {
    return differ.diff(from, to, DiffOptions.defaults()).ops();
  }

  /**
   * Options are compared where the desired table states them; a change of character set carries the
   * old collation too, and a changed default collation is spelt out on the columns that follow it,
   * so that the reverse is exact.
   */
  @Test
  void tableOptionsAreComparedWhereStatedAndReverseExactly() {
    Table live =
        users()
            .withOptions(
                Map.of(
                    "ENGINE", "InnoDB",
                    "CHARSET", "utf8mb4",
                    "COLLATE", "utf8mb4_unicode_ci",
                    "ROW_FORMAT", "DYNAMIC"));
    assertThat(diff(schema(live), schema(users()))).isEmpty();
    Table wanted =
        users()
            .withOptions(Map.of("ENGINE", "InnoDB", "CHARSET", "latin1", "COLLATE", "latin1_bin"));
    List<Op> ops = diff(schema(live), schema(wanted));
    assertThat(ops)
        .filteredOn(op -> op instanceof dev.retort.ops.AlterTableOptions)
        .containsExactly(
            new dev.retort.ops.AlterTableOptions(
                USERS,
                Map.of(
                    "CHARSET", "utf8mb4", "COLLATE", "utf8mb4_unicode_ci", "ROW_FORMAT", "DYNAMIC"),
                Map.of("CHARSET", "latin1", "COLLATE", "latin1_bin")));
    assertThat(ops)
        .filteredOn(op -> op instanceof AlterColumn)
        .extracting(Op::describe)
        .containsExactlyInAnyOrder(
            "alter column users.email (collate latin1_bin)",
            "alter column users.name (collate latin1_bin)");
    assertThat(ops.get(0).reverse().reverse()).isEqualTo(ops.get(0));
  }

  @Test
  void identicalSchemasNeedNothing() {
    assertThat(diff(schema(users(), posts()), schema(users(), posts()))).isEmpty();
    assertThat(diff(schema(), schema())).isEmpty();
  }

  @Test
  void whitespaceInCheckAndPartialIndexPredicatesIsNoChange() {
    Table a =
        users().withChecks(List.of(new CheckConstraint(Optional.of("ck_email"), "email  <>\n''")));
    assertThat(diff(schema(users()), schema(a))).isEmpty();
  }

  @Test
  void newTablesAreCreatedParentsFirst() {
    List<Op> ops = diff(schema(), schema(posts(), users()));
    assertThat(ops).containsExactly(new CreateTable(users()), new CreateTable(posts()));
  }

  @Test
  void droppedTablesGoChildrenFirstWithTheirDefinitions() {
    List<Op> ops = diff(schema(users(), posts()), schema());
    assertThat(ops)
        .containsExactly(
            new DropTable(POSTS, Optional.of(posts())), new DropTable(USERS, Optional.of(users())));
    assertThat(ops.get(0).reverse()).isEqualTo(new CreateTable(posts()));
  }

  @Test
  void foreignKeyCyclesAreAddedAfterTheTables() {
    ForeignKey back =
        new ForeignKey(
            Optional.of("users_fav_fkey"),
            List.of("fav"),
            POSTS,
            List.of("id"),
            ReferentialAction.SET_NULL,
            ReferentialAction.NO_ACTION);
    Table u =
        users()
            .withColumns(List.of(col("id", integer(), false), col("fav", bigint(), true)))
            .withForeignKeys(List.of(back))
            .withUniques(List.of())
            .withChecks(List.of())
            .withIndexes(List.of());
    List<Op> ops = diff(schema(), schema(u, posts()));
    assertThat(ops).hasSize(3);
    assertThat(ops.get(2)).isInstanceOf(AddConstraint.class);
    CreateTable first = (CreateTable) ops.get(0);
    CreateTable second = (CreateTable) ops.get(1);
    assertThat(first.table().foreignKeys().size() + second.table().foreignKeys().size())
        .isEqualTo(1);

    List<Op> drops = diff(schema(u, posts()), schema());
    assertThat(drops.get(0)).isInstanceOf(DropConstraint.class);
    assertThat(drops.subList(1, 3)).allMatch(o -> o instanceof DropTable);
  }

  @Test
  void columnsAddedDroppedAndAltered() {
    Table changed =
        users()
            .withColumns(
                List.of(
                    new Column("id", integer(), false, Optional.empty(), true, Optional.empty()),
                    new Column(
                        "email",
                        varchar(255),
                        true,
                        Optional.of(DefaultValue.literal("x")),
                        false,
                        Optional.empty()),
                    col("age", integer(), true)))
            .withIndexes(List.of());
    List<Op> ops = diff(schema(users()), schema(changed));
    AlterColumn alter =
        AlterColumn.of(
            USERS,
            "email",
            c ->
                c.existingType(varchar(120))
                    .type(varchar(255))
                    .existingNullable(false)
                    .nullable(true)
                    .defaultValue("x"));
    // the index on the dropped column goes first, the column itself last
    assertThat(ops)
        .containsExactly(
            new DropIndex(USERS, "ix_users_name", Optional.of(users().indexes().get(0))),
            alter,
            new AddColumn(USERS, col("age", integer(), true)),
            new DropColumn(USERS, "name", Optional.of(col("name", text(), true))));
  }

  @Test
  void indexesUniquesChecksAndForeignKeysChangeByDropAndAdd() {
    Index wider =
        new Index("ix_users_name", USERS, List.of("name", "email"), false, Optional.empty());
    Table u2 =
        users()
            .withIndexes(List.of(wider))
            .withUniques(
                List.of(
                    new UniqueConstraint(Optional.of("users_email_key"), List.of("email", "name"))))
            .withChecks(List.of(new CheckConstraint(Optional.of("ck_email"), "email LIKE '%@%'")));
    Table p2 = posts().withForeignKeys(List.of(postsToUsers(ReferentialAction.RESTRICT)));
    List<Op> ops = diff(schema(users(), posts()), schema(u2, p2));
    assertThat(ops)
        .extracting(Op::describe)
        .containsExactly(
            "drop constraint posts_user_id_fkey on posts",
            "drop index ix_users_name on users",
            "drop constraint users_email_key on users",
            "drop constraint ck_email on users",
            "add UniqueConstraint users_email_key on users",
            "add CheckConstraint ck_email on users",
            "create index ix_users_name on users",
            "add ForeignKey posts_user_id_fkey on posts");
  }

  @Test
  void primaryKeyChangeIsDropAndAddWithAName() {
    Table u2 = users().withPrimaryKey(Optional.of(PrimaryKey.of("id", "email")));
    List<Op> ops = diff(schema(users()), schema(u2));
    assertThat(ops)
        .containsExactly(
            new DropConstraint(
                USERS,
                "users_pkey",
                Optional.of(new PrimaryKey(Optional.of("users_pkey"), List.of("id")))),
            new AddConstraint(
                USERS, new PrimaryKey(Optional.of("users_pkey"), List.of("id", "email"))));
    Table named =
        users().withPrimaryKey(Optional.of(new PrimaryKey(Optional.of("pk_u"), List.of("id"))));
    assertThat(diff(schema(users()), schema(named))).as("names alone do not matter").isEmpty();
  }

  @Test
  void lookAlikeDropAndAddIsFlaggedNeverRenamed() {
    Table renamed = users().withName(QualifiedName.of("members"));
    DiffResult d = differ.diff(schema(users()), schema(renamed), DiffOptions.defaults());
    assertThat(d.ops()).hasSize(2).first().isInstanceOf(CreateTable.class);
    assertThat(d.ops().get(1)).isInstanceOf(DropTable.class);
    assertThat(d.renameCandidates())
        .containsExactly(new RenameCandidate(RenameCandidate.Kind.TABLE, "users", "members"));
    assertThat(d.renameCandidates().get(0).warning()).contains("--rename users=members");

    DiffResult hinted =
        differ.diff(
            schema(users()),
            schema(renamed),
            new DiffOptions(Map.of("users", "members"), Map.of()));
    assertThat(hinted.ops()).containsExactly(new RenameTable(USERS, "members"));
    assertThat(hinted.renameCandidates()).isEmpty();
  }

  @Test
  void renamedTableTakesItsForeignKeysAlong() {
    Table members = users().withName(QualifiedName.of("members"));
    Table p2 =
        posts()
            .withForeignKeys(
                List.of(
                    postsToUsers(ReferentialAction.CASCADE)
                        .withReferencedTable(QualifiedName.of("members"))));
    DiffResult d =
        differ.diff(
            schema(users(), posts()),
            schema(members, p2),
            new DiffOptions(Map.of("users", "members"), Map.of()));
    assertThat(d.ops()).containsExactly(new RenameTable(USERS, "members"));
  }

  @Test
  void columnRenamesAreHintedOrFlagged() {
    Table u2 =
        users()
            .replaceColumn("name", col("full_name", text(), true))
            .withIndexes(
                List.of(
                    new Index(
                        "ix_users_name", USERS, List.of("full_name"), false, Optional.empty())));
    DiffResult flagged = differ.diff(schema(users()), schema(u2), DiffOptions.defaults());
    assertThat(flagged.renameCandidates())
        .containsExactly(
            new RenameCandidate(RenameCandidate.Kind.COLUMN, "users.name", "users.full_name"));
    assertThat(flagged.ops()).hasAtLeastOneElementOfType(DropColumn.class);

    DiffResult hinted =
        differ.diff(
            schema(users()),
            schema(u2),
            new DiffOptions(Map.of(), Map.of("users.name", "full_name")));
    assertThat(hinted.ops())
        .extracting(Op::describe)
        .containsExactly("alter column users.name (rename to full_name)");
    assertThat(hinted.renameCandidates()).isEmpty();
  }

  @Test
  void reversedOpsInReverseOrderAreTheDowngrade() {
    Table u2 =
        users().withColumns(List.of(col("id", integer(), false), col("email", text(), false)));
    List<Op> up = diff(schema(users(), posts()), schema(u2));
    List<Op> down = new java.util.ArrayList<>();
    for (int i = up.size() - 1; i >= 0; i--) {
      down.add(up.get(i).reverse());
    }
    assertThat(down.get(0)).isEqualTo(new CreateTable(posts()));
    assertThat(down).anyMatch(o -> o.equals(new AddColumn(USERS, col("name", text(), true))));
  }

  @Test
  void tableAndColumnCommentsAreSetAndTheReversePutsTheOldTextBack() {
    Table commented =
        users()
            .withComment(Optional.of("people"))
            .replaceColumn("name", col("name", text(), true).withComment(Optional.of("shown")));
    List<Op> up = diff(schema(users()), schema(commented));
    assertThat(up)
        .containsExactlyInAnyOrder(
            new dev.retort.ops.SetTableComment(USERS, Optional.empty(), Optional.of("people")),
            new dev.retort.ops.SetColumnComment(
                USERS, "name", Optional.empty(), Optional.of("shown")));

    Table changed =
        commented
            .withComment(Optional.empty())
            .replaceColumn(
                "name", col("name", text(), true).withComment(Optional.of("display name")));
    List<Op> change = diff(schema(commented), schema(changed));
    assertThat(change)
        .containsExactlyInAnyOrder(
            new dev.retort.ops.SetTableComment(USERS, Optional.of("people"), Optional.empty()),
            new dev.retort.ops.SetColumnComment(
                USERS, "name", Optional.of("shown"), Optional.of("display name")));
    assertThat(change.stream().map(Op::reverse).toList())
        .containsExactlyInAnyOrder(
            new dev.retort.ops.SetTableComment(USERS, Optional.empty(), Optional.of("people")),
            new dev.retort.ops.SetColumnComment(
                USERS, "name", Optional.of("display name"), Optional.of("shown")));
    assertThat(diff(schema(changed), schema(changed))).isEmpty();
  }

  @Test
  void aCommentChangeAlongsideATypeChangeIsTwoOps() {
    Table a =
        users().replaceColumn("name", col("name", text(), true).withComment(Optional.of("x")));
    Table b =
        users().replaceColumn("name", col("name", varchar(40), true).withComment(Optional.of("y")));
    assertThat(diff(schema(a), schema(b)))
        .extracting(Op::describe)
        .containsExactly(
            "alter column users.name (type varchar(40))", "set comment on column users.name");
  }
}
