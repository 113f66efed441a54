package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationIndexTest {
  @Test
  void writesAndReadsBack() {
    List<MigrationIndex.Entry> entries =
        List.of(
            new MigrationIndex.Entry(
                "db.retort.A",
                "a1",
                List.of(),
                List.of("core"),
                List.of(),
                true,
                "00ff",
                "with spaces, commas: and colons"),
            new MigrationIndex.Entry(
                "db.retort.B",
                "b2",
                List.of("a1", "x9"),
                List.of(),
                List.of("z"),
                false,
                "11ee",
                ""));
    String text = MigrationIndex.write(entries);
    assertThat(text)
        .startsWith(MigrationIndex.FIRST_LINE + "\n")
        .contains("db.retort.B\tb2\ta1,x9\t\tz\tfalse\t11ee\t\n");
    assertThat(MigrationIndex.read(text, "x")).isEqualTo(entries);
    assertThat(entries.get(1).packageName()).isEqualTo("db.retort");
    assertThat(entries.get(1).simpleName()).isEqualTo("B");
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThatThrownBy(
            () -> MigrationIndex.read(MigrationIndex.FIRST_LINE + "\ndb.A\ta1\n", "jar:x!/i"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("the migration index jar:x!/i, line 2, is not an index line");
    assertThatThrownBy(() -> MigrationIndex.read("# retort migration index, version 2\n", "i"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("this Retort reads version 1");
    assertThatThrownBy(() -> MigrationIndex.read("db.A\tbase\t\t\t\ttrue\t00\tm\n", "i"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("line 1, class db.A: id: 'base' is not a valid revision id");
  }
}
