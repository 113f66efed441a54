package dev.retort.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Short checksums of the statements a step outside a transaction has run, in order, as the history
 * row of a dirty revision keeps them: a run that resumes there first checks that the statements
 * before the resume point are the ones that ran, so that an edit above the failure is refused
 * rather than silently trusted. Stored as comma-separated hex, 16 digits (64 bits of SHA-256) each.
 */
record StatementSums(List<String> sums) {
  static final StatementSums NONE = new StatementSums(List.of());

  StatementSums {
    sums = List.copyOf(sums);
  }

  /** The sum of one statement as the database receives it. */
  static String of(String statement) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(statement.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static StatementSums parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return NONE;
    }
    return new StatementSums(List.of(stored.strip().split(",")));
  }

  /** These sums and one more. */
  StatementSums plus(String sum) {
    List<String> more = new ArrayList<>(sums);
    more.add(sum);
    return new StatementSums(more);
  }

  int size() {
    return sums.size();
  }

  @Override
  public String toString() {
    return String.join(",", sums);
  }
}
