package dev.retort.script;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum Retort records for a migration file: SHA-256 in lower-case hex, computed after
 * normalising CRLF and lone CR to LF, so that a checkout with other line endings (Git's {@code
 * core.autocrlf} on Windows) is not reported as an edited migration.
 */
public final class Checksum {
  private Checksum() {}

  /** Looked up once: {@code getInstance} searches the security providers on every call. */
  private static final MessageDigest PROTOTYPE;

  static {
    try {
      PROTOTYPE = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest Javadoc), so this cannot happen.
      throw new IllegalStateException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      try {
        return MessageDigest.getInstance(PROTOTYPE.getAlgorithm(), PROTOTYPE.getProvider());
      } catch (NoSuchAlgorithmException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }

  /** The hex SHA-256 of {@code content} with line endings normalised to LF. */
  public static String of(byte[] content) {
    MessageDigest sha = sha256();
    if (indexOfCr(content) < 0) {
      sha.update(content); // nothing to normalise: no copy
      return HEX.formatHex(sha.digest());
    }
    byte[] normalised = new byte[content.length];
    int n = 0;
    for (int i = 0; i < content.length; i++) {
      byte b = content[i];
      if (b == '\r') {
        normalised[n++] = '\n';
        if (i + 1 < content.length && content[i + 1] == '\n') {
          i++;
        }
      } else {
        normalised[n++] = b;
      }
    }
    sha.update(normalised, 0, n);
    return HEX.formatHex(sha.digest());
  }

  private static final HexFormat HEX = HexFormat.of();

  private static int indexOfCr(byte[] content) {
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\r') {
        return i;
      }
    }
    return -1;
  }
}
