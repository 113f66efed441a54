package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A jar entry is read into an array of the size the jar lists, and whatever it holds is what is
 * read, whether the listed size is right, too small, too large or unknown.
 */
class ReadEntryTest {
  private static final byte[] TEXT =
      "-- retort:revision a1\n-- retort:upgrade\nCREATE TABLE t (id integer);\n"
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void theListedSizeIsTheWholeEntry() throws IOException {
    assertThat(ClasspathScripts.readEntry(stream(), TEXT.length)).isEqualTo(TEXT);
  }

  @Test
  void anEntryLongerOrShorterThanListedIsReadToItsEnd() throws IOException {
    assertThat(ClasspathScripts.readEntry(stream(), 5)).isEqualTo(TEXT);
    assertThat(ClasspathScripts.readEntry(stream(), TEXT.length - 1)).isEqualTo(TEXT);
    assertThat(ClasspathScripts.readEntry(stream(), TEXT.length + 100)).isEqualTo(TEXT);
    assertThat(ClasspathScripts.readEntry(stream(), 0)).isEqualTo(TEXT);
  }

  @Test
  void anUnknownSizeIsReadToTheEnd() throws IOException {
    assertThat(ClasspathScripts.readEntry(stream(), -1)).isEqualTo(TEXT);
    assertThat(ClasspathScripts.readEntry(new ByteArrayInputStream(new byte[0]), -1)).isEmpty();
    assertThat(ClasspathScripts.readEntry(new ByteArrayInputStream(new byte[0]), 0)).isEmpty();
  }

  /** Hands out at most 7 bytes per read, as an inflating stream may. */
  private static InputStream stream() {
    return new ByteArrayInputStream(TEXT) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 7));
      }
    };
  }
}
