package dev.retort.jpa;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The class-level annotations a class file declares, read from its bytes without loading it (JVM
 * Specification, 4.1 "The ClassFile Structure" and 4.7.16 "RuntimeVisibleAnnotations"): scanning a
 * package must not load every class in it, which would run into classes whose dependencies the
 * schema class path does not hold.
 */
final class ClassFile {
  private ClassFile() {}

  /**
   * Descriptors such as {@code Ljakarta/persistence/Entity;}; empty for bytes that are no class.
   */
  static Set<String> annotations(byte[] bytes) {
    try {
      return read(new DataInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }

  private static Set<String> read(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      return Set.of();
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          i++; // a long or double takes two entries
        }
        case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
        case 15 -> in.skipNBytes(3);
        default -> throw new IOException("constant pool tag " + tag);
      }
    }
    in.skipNBytes(6); // access flags, this class, super class
    in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
    for (int members = 0; members < 2; members++) { // fields, then methods
      int n = in.readUnsignedShort();
      for (int i = 0; i < n; i++) {
        in.skipNBytes(6);
        skipAttributes(in);
      }
    }
    Set<String> out = new LinkedHashSet<>();
    int attributes = in.readUnsignedShort();
    for (int i = 0; i < attributes; i++) {
      String name = utf8[in.readUnsignedShort()];
      int length = in.readInt();
      if (!"RuntimeVisibleAnnotations".equals(name)) {
        in.skipNBytes(length);
        continue;
      }
      int n = in.readUnsignedShort();
      for (int a = 0; a < n; a++) {
        out.add(utf8[in.readUnsignedShort()]);
        skipPairs(in);
      }
    }
    return out;
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.skipNBytes(2);
      in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
    }
  }

  private static void skipPairs(DataInputStream in) throws IOException {
    int pairs = in.readUnsignedShort();
    for (int p = 0; p < pairs; p++) {
      in.skipNBytes(2);
      skipValue(in);
    }
  }

  private static void skipValue(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> in.skipNBytes(2);
      case 'e' -> in.skipNBytes(4);
      case '@' -> {
        in.skipNBytes(2);
        skipPairs(in);
      }
      case '[' -> {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
          skipValue(in);
        }
      }
      default -> throw new IOException("element value tag " + (char) tag);
    }
  }
}
