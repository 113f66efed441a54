package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.RevisionGraphException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one target grammar: what each shape parses to, and that it prints back the same. */
class TargetTest {
  private static final Optional<String> NONE = Optional.empty();

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("base", new Target.Base(NONE)),
        Arguments.of("head", new Target.Head(NONE)),
        Arguments.of("heads", new Target.Heads(NONE)),
        Arguments.of("current", new Target.Current(NONE)),
        Arguments.of("1a2b", new Target.Rev(NONE, "1a2b")),
        Arguments.of("auth@base", new Target.Base(Optional.of("auth"))),
        Arguments.of("auth@head", new Target.Head(Optional.of("auth"))),
        Arguments.of("auth@heads", new Target.Heads(Optional.of("auth"))),
        Arguments.of("auth@1a2b", new Target.Rev(Optional.of("auth"), "1a2b")),
        Arguments.of("+2", new Target.Relative(new Target.Current(NONE), 2)),
        Arguments.of("-1", new Target.Relative(new Target.Current(NONE), -1)),
        Arguments.of("auth@+1", new Target.Relative(new Target.Current(Optional.of("auth")), 1)),
        Arguments.of("auth@-3", new Target.Relative(new Target.Current(Optional.of("auth")), -3)),
        Arguments.of("1a2b+2", new Target.Relative(new Target.Rev(NONE, "1a2b"), 2)),
        Arguments.of("1a2b-2", new Target.Relative(new Target.Rev(NONE, "1a2b"), -2)),
        Arguments.of("base+1", new Target.Relative(new Target.Base(NONE), 1)),
        Arguments.of("head-1", new Target.Relative(new Target.Head(NONE), -1)),
        Arguments.of("auth@head-1", new Target.Relative(new Target.Head(Optional.of("auth")), -1)),
        Arguments.of("auth@base+2", new Target.Relative(new Target.Base(Optional.of("auth")), 2)),
        Arguments.of("a-b-2", new Target.Relative(new Target.Rev(NONE, "a-b"), -2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void parsesAndPrintsBack(String text, Target expected) {
    Target t = Target.parse(text);
    assertThat(t).isEqualTo(expected);
    assertThat(t.toString()).isEqualTo(text);
  }

  @Test
  void aWholeNameWinsOverItsShape() {
    assertThat(Target.parse("feature-2", "feature-2"::equals))
        .isEqualTo(new Target.Rev(NONE, "feature-2"));
    assertThat(Target.parse("feature-2"))
        .isEqualTo(new Target.Relative(new Target.Rev(NONE, "feature"), -2));
  }

  @Test
  void onlyCurrentAnchorsNeedTheDatabase() {
    assertThat(Target.parse("-1").dependsOnDatabase()).isTrue();
    assertThat(Target.parse("auth@+1").dependsOnDatabase()).isTrue();
    assertThat(Target.parse("current").dependsOnDatabase()).isTrue();
    assertThat(Target.parse("1a2b-1").dependsOnDatabase()).isFalse();
    assertThat(Target.parse("auth@head").dependsOnDatabase()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "+0", "@head", "auth@", "a@b@c", "auth@current"})
  void refusesMalformedTargets(String text) {
    assertThatThrownBy(() -> Target.parse(text)).isInstanceOf(RevisionGraphException.class);
  }
}
