package dev.retort.text;

import dev.retort.error.UsageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Text files Retort reads (settings, schema files), which must be UTF-8. */
public final class Utf8Files {
  private Utf8Files() {}

  /** The file's text; a file that is not UTF-8 is refused with the line of the first bad byte. */
  public static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    try {
      return decoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      decoder().decode(in, CharBuffer.allocate(bytes.length + 1), true);
      int bad = Math.min(in.position(), bytes.length - 1);
      int line = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new UsageException(
          file
              + ":"
              + line
              + ": not valid UTF-8 (byte 0x"
              + String.format("%02x", bytes[bad] & 0xff)
              + "); save the file as UTF-8");
    }
  }

  private static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
