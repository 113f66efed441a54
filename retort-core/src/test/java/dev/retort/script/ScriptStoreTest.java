package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.ExitCode;
import dev.retort.error.MigrationFileException;
import dev.retort.error.RevisionGraphException;
import dev.retort.error.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptStoreTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void readsSqlAndJavaFilesDirectlyInTheDirectory() throws Exception {
    Files.copy(
        HeaderParserTest.fixture("bc311ce7dcf8_increase_password_column_length.sql"),
        dir.resolve("bc311ce7dcf8_increase_password_column_length.sql"));
    write(
        "1a2b3c4d5e6f_initial.sql",
        "-- retort:revision 1a2b3c4d5e6f\n-- retort:upgrade\nCREATE TABLE users (id int);\n");
    write("9f8e7d6c5b4a_audit.sql", "-- retort:revision 9f8e7d6c5b4a\n-- retort:upgrade\n");
    Path java =
        write(
            "033faf89f4e5_rename_tables.java",
            "@Revision(id = \"033faf89f4e5\", revises = \"bc311ce7dcf8\")\n"
                + "final class RenameTables {}\n");
    write("README.md", "-- retort:revision not_a_migration\n");
    write(".hidden.sql", "garbage");
    Files.createDirectories(dir.resolve("nested"));
    write("nested/ffffffffffff_x.sql", "garbage");

    ScriptStore store = ScriptStore.open(dir);

    assertThat(store.revisions())
        .extracting(Revision::id)
        .containsExactly("033faf89f4e5", "1a2b3c4d5e6f", "9f8e7d6c5b4a", "bc311ce7dcf8");
    Revision renamed = store.revisions().get(0);
    assertThat(renamed.format()).isEqualTo(Revision.Format.JAVA);
    assertThat(renamed.file()).contains(java);
    assertThat(renamed.checksum()).isEqualTo(Checksum.of(Files.readAllBytes(java)));
    RevisionGraph graph = store.graph();
    assertThat(graph).isSameAs(store.graph());
    // bc311ce7dcf8 only depends on 9f8e7d6c5b4a, which therefore stays a head.
    assertThat(graph.heads()).containsExactly("033faf89f4e5", "9f8e7d6c5b4a");
    assertThat(graph.upgradePlan(Set.of(), "heads"))
        .extracting(Revision::id)
        .containsExactly("1a2b3c4d5e6f", "9f8e7d6c5b4a", "bc311ce7dcf8", "033faf89f4e5");
  }

  @Test
  void aDirectoryWithAMigrationsNameIsRefusedByName() throws Exception {
    write("a_one.sql", "-- retort:revision a\n-- retort:upgrade\n");
    Files.createDirectories(dir.resolve("b_two.sql"));
    assertThatThrownBy(() -> ScriptStore.open(dir))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageContaining("b_two.sql")
        .hasMessageContaining("is a directory");
  }

  @Test
  void aDanglingSymlinkAFifoAndADeviceAreRefusedWithoutBlocking() throws Exception {
    write("a_one.sql", "-- retort:revision a\n-- retort:upgrade\n");
    Path link = Files.createSymbolicLink(dir.resolve("b_gone.sql"), dir.resolve("nowhere.sql"));
    assertThatThrownBy(() -> ScriptStore.open(dir))
        .hasMessageContaining("b_gone.sql")
        .hasMessageContaining("symbolic link to nothing");
    Files.delete(link);
    Files.createSymbolicLink(dir.resolve("c_zero.sql"), Path.of("/dev/zero"));
    assertThatThrownBy(() -> ScriptStore.open(dir))
        .hasMessageContaining("c_zero.sql")
        .hasMessageContaining("not a regular file");
    Files.delete(dir.resolve("c_zero.sql"));
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("d_pipe.sql").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    assertThatThrownBy(() -> ScriptStore.open(dir))
        .hasMessageContaining("d_pipe.sql")
        .hasMessageContaining("not a regular file");
  }

  @Test
  void aFileOverTheSizeLimitIsRefused() throws Exception {
    Path big = dir.resolve("a_big.sql");
    try (var out = Files.newOutputStream(big)) {
      out.write("-- retort:revision a\n-- retort:upgrade\n".getBytes(StandardCharsets.UTF_8));
      byte[] comment = ("-- " + "x".repeat(1020) + "\n").getBytes(StandardCharsets.UTF_8);
      for (int written = 0; written <= ScriptStore.MAX_BYTES; written += comment.length) {
        out.write(comment);
      }
    }
    assertThatThrownBy(() -> ScriptStore.open(dir))
        .hasMessageContaining("a_big.sql")
        .hasMessageContaining("larger than 64 MiB");
  }

  @Test
  void nonAsciiFilesAreDecodedAsUtf8() throws Exception {
    write("a_cafe.sql", "-- retort:revision a\n-- retort:message café ☕ 𝄞\n-- retort:upgrade\n");
    write("b_plain.sql", "-- retort:revision b\n-- retort:message plain\n-- retort:upgrade\n");
    assertThat(ScriptStore.open(dir).revisions())
        .extracting(Revision::message)
        .containsExactly("café ☕ 𝄞", "plain");
  }

  @Test
  void duplicateIdsAcrossTwoFilesNameBoth() throws Exception {
    Path sql = write("aaa_one.sql", "-- retort:revision aaa\n-- retort:upgrade\n");
    Path java = write("aaa_two.java", "@Revision(id = \"aaa\") class Two {}");
    assertThatThrownBy(() -> ScriptStore.open(dir))
        .isInstanceOf(RevisionGraphException.class)
        .hasMessageContaining("duplicate revision id 'aaa'")
        .hasMessageContaining(sql.toString())
        .hasMessageContaining(java.toString());
  }

  @Test
  void missingDirectorySaysToRunInit() {
    Path missing = dir.resolve("migrations");
    assertThatThrownBy(() -> ScriptStore.open(missing))
        .isInstanceOfSatisfying(
            UsageException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("init creates it");
  }

  @Test
  void badFileIsReportedWithItsName() throws Exception {
    write("a_ok.sql", "-- retort:revision a\n-- retort:upgrade\n");
    Path bad = write("b_bad.sql", "-- retort:revision b\n-- retort:revises a\n");
    assertThatThrownBy(() -> ScriptStore.open(dir))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageStartingWith(bad + ":2: no '-- retort:upgrade' line");
    Files.write(bad, new byte[] {'-', '-', ' ', (byte) 0xff, '\n'});
    assertThatThrownBy(() -> ScriptStore.open(dir)).hasMessageContaining("not valid UTF-8");
  }

  @Test
  void manyFilesAreReadQuickly() throws Exception {
    String previous = null;
    for (int i = 0; i < 2_000; i++) {
      String id = String.format("r%05d", i);
      String header =
          "-- retort:revision "
              + id
              + "\n"
              + (previous == null ? "" : "-- retort:revises " + previous + "\n");
      if (i % 2 == 0) {
        write(id + ".sql", header + "-- retort:upgrade\nSELECT 1;\n");
      } else {
        write(
            id + ".java",
            "@Revision(id = \""
                + id
                + "\""
                + (previous == null ? "" : ", revises = \"" + previous + "\"")
                + ")\nfinal class M"
                + i
                + " {}\n");
      }
      previous = id;
    }
    ScriptStore store = ScriptStore.open(dir);
    assertThat(store.revisions()).hasSize(2_000);
    assertThat(store.graph().heads()).containsExactly("r01999");
    assertThat(store.graph().upgradePlan(Set.of("r01999"), "heads")).isEmpty();
  }

  @Test
  void slugs() {
    assertThat(ScriptStore.slug("Increase password column length"))
        .isEqualTo("increase_password_column_length");
    assertThat(ScriptStore.slug("  Add café & crème-brûlée tables!! "))
        .isEqualTo("add_cafe_creme_brulee_tables");
    assertThat(ScriptStore.slug("rename DiaryEntry -> diary_entries"))
        .isEqualTo("rename_diaryentry_diary_entries");
    String long50 = "one two three four five six seven eight nine ten eleven";
    assertThat(ScriptStore.slug(long50))
        .isEqualTo("one_two_three_four_five_six_seven_eight")
        .hasSizeLessThanOrEqualTo(40);
    assertThat(ScriptStore.slug("x".repeat(60))).hasSize(40);
    assertThat(ScriptStore.slug("日本語")).isEmpty();
  }

  @Test
  void newRevisionIdsAreTwelveRandomHexDigits() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String id = ScriptStore.newRevisionId();
      assertThat(id).matches("[0-9a-f]{12}");
      ids.add(id);
    }
    assertThat(ids).hasSize(100);
    assertThat(List.copyOf(ids).get(0)).matches(HeaderParser.ID.pattern());
  }

  @Test
  void readsEveryByteOfFilesOfAnySize() throws Exception {
    // one read call when the file is as large as its stat said; any size, across read buffers
    for (int size : new int[] {0, 1, 342, 8191, 8192, 8193, 70_000, 1 << 20}) {
      byte[] bytes = new byte[size];
      for (int i = 0; i < size; i++) {
        bytes[i] = (byte) ('a' + i % 26);
      }
      Path file = Files.write(dir.resolve("f" + size + ".sql"), bytes);
      assertThat(ScriptStore.readRegular(file)).isEqualTo(bytes);
    }
    assertThat(ScriptStore.readRegular(dir.resolve("missing.sql"))).isNull();
    assertThat(ScriptStore.readRegular(dir)).isNull();
  }
}
