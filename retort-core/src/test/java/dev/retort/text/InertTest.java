package dev.retort.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InertTest {
  @Test
  void plainTextIsUnchanged() {
    String s = "create table users (id, \"name\") -- café, 表, 🎉";
    assertThat(Inert.text(s)).isSameAs(s);
  }

  @Test
  void lineBreaksAndControlsBecomeEscapes() {
    assertThat(Inert.text("z\nDROP TABLE victim; --")).isEqualTo("z\\nDROP TABLE victim; --");
    assertThat(Inert.text("a\rb\tc\u001b[31m")).isEqualTo("a\\rb\\tc\\x1b[31m");
    assertThat(Inert.text("a\u2028b\u2029c\u0085d")).isEqualTo("a\\x{2028}b\\x{2029}c\\x85d");
    assertThat(Inert.text("ab\u202Ecd\u200Bef")).isEqualTo("ab\\x{202e}cd\\x{200b}ef");
  }

  @Test
  void blockCommentMarksAreBroken() {
    assertThat(Inert.text("x */ DROP TABLE t; /* y")).isEqualTo("x *\\/ DROP TABLE t; /\\* y");
  }

  @Test
  void backslashesAreDoubledSoNoJavaUnicodeEscapeForms() {
    assertThat(Inert.text("a\\u000aSystem.exit(1);")).isEqualTo("a\\\\u000aSystem.exit(1);");
  }

  @Test
  void randomTextNeverEndsOrOpensAComment() {
    Random random = new Random(12);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(12);
      for (int k = 0; k < n; k++) {
        int pick = random.nextInt(6);
        b.append(
            switch (pick) {
              case 0 -> (char) random.nextInt(0x20);
              case 1 -> "*/";
              case 2 -> "\\u000a";
              case 3 -> "/*";
              case 4 -> (char) (0x2000 + random.nextInt(0x70));
              default -> (char) ('a' + random.nextInt(26));
            });
      }
      String out = Inert.text(b.toString());
      assertThat(out).doesNotContain("*/").doesNotContain("/*");
      assertThat(out.chars().noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029))
          .as(out)
          .isTrue();
      assertThat(eligibleUnicodeEscape(out)).as(out).isFalse();
    }
  }

  @Test
  void terminalTextKeepsLineBreaksAndBackslashes() {
    assertThat(Inert.terminal("a\nb\\c\u001b[2Jd\re")).isEqualTo("a\nb\\c\\x1b[2Jd\\re");
  }

  @Test
  void firstControlFindsWhatAMessageMayNotHold() {
    assertThat(Inert.firstControl("add users")).isEmpty();
    assertThat(Inert.firstControl("a\rb")).hasValue('\r');
    assertThat(Inert.describe('\n')).isEqualTo("U+000A");
  }

  /** Whether a backslash preceded by an even number of backslashes is followed by u (JLS 3.3). */
  private static boolean eligibleUnicodeEscape(String s) {
    for (int i = 0; i + 1 < s.length(); i++) {
      if (s.charAt(i) == '\\' && s.charAt(i + 1) == 'u') {
        int before = 0;
        for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
          before++;
        }
        if (before % 2 == 0) {
          return true;
        }
      }
    }
    return false;
  }
}
