package dev.retort.source;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.Dialects;
import dev.retort.error.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredSchemaFileTest {
  @TempDir Path dir;

  @Test
  void aSchemaFileThatIsNotUtf8IsRefusedWithTheLineOfTheFirstBadByte() throws Exception {
    Path file = dir.resolve("schema.sql");
    // Latin-1, as older install scripts are saved: é is the single byte 0xe9
    Files.write(
        file,
        "CREATE TABLE a (id integer);\nCREATE TABLE caf\u00e9 (id integer);\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(
            () -> DesiredSchema.fromSqlFile(file, Dialects.forUrl("jdbc:sqlite::memory:"), null))
        .isInstanceOf(UsageException.class)
        .hasMessage(file + ":2: not valid UTF-8 (byte 0xe9); save the file as UTF-8");
  }
}
