package dev.retort.script;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.ExitCode;
import dev.retort.error.MigrationFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderParserTest {
  private static final Path SQL = Path.of("migrations/x.sql");
  private static final Path JAVA = Path.of("migrations/X.java");

  static Path fixture(String name) throws Exception {
    return Path.of(HeaderParserTest.class.getResource("/scripts/" + name).toURI());
  }

  // ---- SQL ----

  @Test
  void sqlFixtureHasEveryKey() throws Exception {
    Path file = fixture("bc311ce7dcf8_increase_password_column_length.sql");
    byte[] bytes = Files.readAllBytes(file);
    Revision r = HeaderParser.parseSql(file, new String(bytes, UTF_8));
    assertThat(r.id()).isEqualTo("bc311ce7dcf8");
    assertThat(r.parents()).containsExactly("1a2b3c4d5e6f");
    assertThat(r.branchLabels()).containsExactlyInAnyOrder("auth", "accounts");
    assertThat(r.dependsOn()).containsExactly("9f8e7d6c5b4a");
    assertThat(r.message()).isEqualTo("increase password column length");
    assertThat(r.transactional()).isFalse();
    assertThat(r.file()).contains(file);
    assertThat(r.format()).isEqualTo(Revision.Format.SQL);
    assertThat(r.checksum()).isEqualTo(Checksum.of(bytes)).hasSize(64);
  }

  @Test
  void sqlDefaultsForAMinimalBase() {
    Revision r =
        HeaderParser.parseSql(SQL, "-- retort:revision a1\n-- retort:revises\n-- retort:upgrade\n");
    assertThat(r.parents()).isEmpty();
    assertThat(r.isBase()).isTrue();
    assertThat(r.branchLabels()).isEmpty();
    assertThat(r.dependsOn()).isEmpty();
    assertThat(r.message()).isEmpty();
    assertThat(r.transactional()).isTrue();
  }

  @Test
  void sqlMergeParentsKeepTheirOrder() {
    Revision r =
        HeaderParser.parseSql(
            SQL, "-- retort:revision m\n--retort:revises b ,a\n-- retort:upgrade");
    assertThat(r.parents()).containsExactly("b", "a");
    assertThat(r.isMerge()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
"""
unknown key   | -- retort:revision a\\n-- retort:revison b\\n-- retort:upgrade | 2 | unknown header key 'retort:revison'; known keys: revision, revises, branch-labels
duplicate key | -- retort:revision a\\n\\n-- retort:revision b\\n-- retort:upgrade | 3 | duplicate key 'retort:revision' (first at line 1)
missing id    | -- note\\n-- retort:message m\\n-- retort:upgrade | 3 | missing '-- retort:revision <id>'
empty id      | -- retort:revision\\n-- retort:upgrade | 1 | needs an id
bad id        | -- retort:revision ab-cd\\n-- retort:upgrade | 1 | 'ab-cd' is not a valid revision id
long id       | -- retort:revision 12345678901234567890123456789012345678901234567890123456789012345\\n-- retort:upgrade | 1 | is not a valid revision id
bad parent    | -- retort:revision a\\n-- retort:revises b, c!\\n-- retort:upgrade | 2 | revises 'c!' is not a valid revision id
transactional | -- retort:revision a\\n-- retort:transactional yes\\n-- retort:upgrade | 2 | must be true or false, not 'yes'
no upgrade    | -- retort:revision a\\n-- retort:message m\\n | 2 | no '-- retort:upgrade' line
sql in header | -- retort:revision a\\nSELECT 1;\\n-- retort:upgrade | 2 | SQL before '-- retort:upgrade'
key in body   | -- retort:revision a\\n-- retort:upgrade\\nSELECT 1;\\n-- retort:message late | 4 | header key 'retort:message' after '-- retort:upgrade'
down first    | -- retort:revision a\\n-- retort:downgrade\\n-- retort:upgrade | 2 | before '-- retort:upgrade'
up after down | -- retort:revision a\\n-- retort:upgrade\\n-- retort:downgrade\\n-- retort:upgrade | 4 | after '-- retort:downgrade'
two upgrades  | -- retort:revision a\\n-- retort:upgrade\\n-- retort:upgrade | 3 | '-- retort:upgrade' appears twice
two downs     | -- retort:revision a\\n-- retort:upgrade\\n-- retort:downgrade\\n-- retort:downgrade | 4 | '-- retort:downgrade' appears twice
repeated item | -- retort:revision a\\n-- retort:revises b, b\\n-- retort:upgrade | 2 | lists 'b' twice
""")
  void sqlErrorsNameFileAndLine(String name, String content, int line, String message) {
    String text = content.replace("\\n", "\n");
    assertThatThrownBy(() -> HeaderParser.parseSql(SQL, text))
        .isInstanceOfSatisfying(
            MigrationFileException.class,
            e -> {
              assertThat(e.file()).isEqualTo(SQL);
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            })
        .hasMessageStartingWith(SQL + ":" + line + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void sqlMigrationSectionsCarryFileLineNumbers() throws Exception {
    Path file = fixture("bc311ce7dcf8_increase_password_column_length.sql");
    SqlMigration m = SqlMigration.parse(file, Files.readString(file));
    assertThat(m.upgrade()).hasSize(2);
    assertThat(m.upgrade().get(0))
        .isEqualTo(new Statement("ALTER TABLE users ALTER COLUMN password TYPE varchar(255)", 10));
    assertThat(m.upgrade().get(1).line()).isEqualTo(11);
    assertThat(m.upgrade().get(1).sql())
        .startsWith("CREATE FUNCTION touch()")
        .endsWith("LANGUAGE plpgsql");
    assertThat(m.downgrade())
        .hasValueSatisfying(
            d ->
                assertThat(d)
                    .containsExactly(
                        new Statement("DROP FUNCTION touch()", 19),
                        new Statement(
                            "ALTER TABLE users ALTER COLUMN password TYPE varchar(128)", 20)));
  }

  @Test
  void sqlMigrationWithoutDowngradeVersusEmptyDowngrade() {
    SqlMigration none =
        SqlMigration.parse(SQL, "-- retort:revision a\n-- retort:upgrade\nSELECT 1;\n");
    assertThat(none.upgrade()).containsExactly(new Statement("SELECT 1", 3));
    assertThat(none.downgrade()).isEmpty();
    SqlMigration noop =
        SqlMigration.parse(
            SQL,
            "-- retort:revision a\n"
                + "-- retort:upgrade\n"
                + "SELECT 1;\n"
                + "-- retort:downgrade\n"
                + "-- nothing to undo\n");
    assertThat(noop.downgrade()).contains(List.of());
  }

  @Test
  void sqlMigrationNamesLineOfUnterminatedString() {
    assertThatThrownBy(
            () ->
                SqlMigration.parse(
                    SQL, "-- retort:revision a\n-- retort:upgrade\nSELECT 1;\nSELECT 'x;\n"))
        .isInstanceOf(MigrationFileException.class)
        .hasMessage(SQL + ":4: unterminated string");
  }

  @Test
  void crlfFilesParseAndChecksumLikeLf() {
    String lf = "-- retort:revision a\n-- retort:upgrade\nSELECT 1;\n";
    String crlf = lf.replace("\n", "\r\n");
    Revision a = HeaderParser.parseSql(SQL, lf);
    Revision b = HeaderParser.parseSql(SQL, crlf);
    assertThat(b.id()).isEqualTo("a");
    assertThat(b.checksum()).isEqualTo(a.checksum());
    assertThat(SqlMigration.parse(SQL, crlf).upgrade())
        .containsExactly(new Statement("SELECT 1", 3));
  }

  @Test
  void checksumNormalisesLineEndingsOnly() {
    assertThat(Checksum.of("a\r\nb\rc\n".getBytes(UTF_8)))
        .isEqualTo(Checksum.of("a\nb\nc\n".getBytes(UTF_8)));
    assertThat(Checksum.of("a\n".getBytes(UTF_8)))
        .isNotEqualTo(Checksum.of("a \n".getBytes(UTF_8)));
    // SHA-256 of the empty input, from FIPS 180-2 test vectors.
    assertThat(Checksum.of(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // checksums recorded by earlier versions stay valid: sha256sum of the LF file, with and
    // without carriage returns to normalise
    String lf = "-- retort:revision a\n-- retort:upgrade\n";
    String expected = "e33aff005a2b068ad06033f44fd85cb30e5f93b3dbcca5fcc8ed39745d8081b2";
    assertThat(Checksum.of(lf.getBytes(UTF_8))).isEqualTo(expected);
    assertThat(Checksum.of(lf.replace("\n", "\r\n").getBytes(UTF_8))).isEqualTo(expected);
  }

  // ---- Java ----

  @Test
  void javaFixtureWithArraysEscapesAndComments() throws Exception {
    Path file = fixture("033faf89f4e5_rename_tables.java");
    String content = Files.readString(file);
    Revision r = HeaderParser.parseJava(file, content);
    assertThat(r.id()).isEqualTo("033faf89f4e5");
    assertThat(r.parents()).containsExactly("bc311ce7dcf8", "4c1d2e3f4a5b");
    assertThat(r.branchLabels()).containsExactly("naming");
    assertThat(r.dependsOn()).isEmpty();
    assertThat(r.message())
        .isEqualTo("rename \"tables\" to snake_case \\ plural, café, second part");
    assertThat(r.transactional()).isFalse();
    assertThat(r.format()).isEqualTo(Revision.Format.JAVA);
    assertThat(r.file()).isEqualTo(Optional.of(file));
    assertThat(r.checksum()).isEqualTo(Checksum.of(content.getBytes(UTF_8)));
    assertThat(HeaderParser.javaClassName(file, content)).isEqualTo("RenameTables");
  }

  @Test
  void javaDesignExampleAndDefaults() {
    String src =
        """
        import dev.retort.migration.*;

        @Revision(id = "bc311ce7dcf8", revises = "1a2b3c4d5e6f",
                  message = "increase password column length", created = "2026-01-13T10:00:00Z")
        final class IncreasePasswordColumnLength implements Migration {
        }
        """;
    Revision r = HeaderParser.parseJava(JAVA, src);
    assertThat(r.id()).isEqualTo("bc311ce7dcf8");
    assertThat(r.parents()).containsExactly("1a2b3c4d5e6f");
    assertThat(r.transactional()).isTrue();
    assertThat(r.branchLabels()).isEmpty();
    assertThat(HeaderParser.javaClassName(JAVA, src)).isEqualTo("IncreasePasswordColumnLength");
  }

  @Test
  void javaBaseAndRecordAndOtherAnnotations() {
    String src =
        "@Revision(id = \"a1\", revises = {}, dependsOn = \"z9\", branchLabels = {\"x\", \"y\"})\n"
            + "@Deprecated(since = \"1\") public\nrecord Base() implements Migration {}";
    Revision r = HeaderParser.parseJava(JAVA, src);
    assertThat(r.parents()).isEmpty();
    assertThat(r.dependsOn()).containsExactly("z9");
    assertThat(r.branchLabels()).containsExactlyInAnyOrder("x", "y");
    assertThat(r.message()).isEmpty();
    assertThat(HeaderParser.javaClassName(JAVA, src)).isEqualTo("Base");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
"""
no annotation  | class A {}\\n                                         | 1 | no @Revision annotation
only in comment| // @Revision(id = "a")\\nclass A {}                   | 1 | no @Revision annotation
unknown key    | \\n@Revision(id = "a",\\n  revison = "b")\\nclass A {} | 3 | unknown key 'revison' in @Revision; known keys: id, revises
missing id     | @Revision(message = "m")\\nclass A {}                 | 1 | @Revision has no id
bad id         | @Revision(id = "a-b")\\nclass A {}                    | 1 | 'a-b' is not a valid revision id
unterminated   | @Revision(id = "a)\\nclass A {}                       | 1 | unterminated string
bad boolean    | @Revision(id = "a", transactional = "no")\\nclass A {}| 1 | 'transactional' must be true or false
duplicate      | @Revision(id = "a",\\n id = "b")\\nclass A {}         | 2 | duplicate key 'id'
bad value      | @Revision(id = "a", revises = REV)\\nclass A {}       | 1 | 'revises' must be a string literal
no class       | @Revision(id = "a")\\nvoid x() {}                     | 2 | expected the migration class
bad escape     | @Revision(id = "a", message = "\\\\q")\\nclass A {}   | 1 | invalid escape
comment open   | /* never closed\\n@Revision(id = "a") class A {}      | 1 | unterminated comment
""")
  void javaErrorsNameFileAndLine(String name, String content, int line, String message) {
    String text = content.replace("\\n", "\n").replace("\\\\", "\\");
    assertThatThrownBy(() -> HeaderParser.parseJava(JAVA, text))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageStartingWith(JAVA + ":" + line + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void javaUnicodeEscapeAndTextBlockDoNotConfuseTheScanner() {
    String src =
        "class Pre { String s = \"\"\"\n"
            + "    @Revision(id = \"fake\")\n"
            + "    \"\"\"; char c = '\"'; }\n"
            + "@Revision(id = \"r\\u0031\", message = \"\\u00e9t\\u00E9\")\n"
            + "class Real {}";
    Revision r = HeaderParser.parseJava(JAVA, src);
    assertThat(r.id()).isEqualTo("r1");
    assertThat(r.message()).isEqualTo("été");
    assertThat(HeaderParser.javaClassName(JAVA, src)).isEqualTo("Real");
    assertThat(r.parents()).isEmpty();
  }
}
