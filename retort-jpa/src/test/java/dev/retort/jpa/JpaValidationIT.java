package dev.retort.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.CompareOptions;
import dev.retort.MigrationFormat;
import dev.retort.NewRevision;
import dev.retort.Retort;
import dev.retort.RetortConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bean Validation constraints in the DDL, judged by Hibernate itself: with Hibernate Validator on
 * the schema class path, Hibernate's own schema creation (a session factory, whose Bean Validation
 * integration changes the metamodel first) and Retort's autogenerate and upgrade must give equal
 * dumps, with the constraints in them; with the validation mode {@code none} (the {@code jakarta}
 * or the {@code javax} setting), or without a validator, equal dumps without them.
 */
class JpaValidationIT {
  private static final List<String> TARGETS = List.of("org.example.valid");

  @TempDir Path dir;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (HibernateLine line : HibernateLine.all()) {
      out.add(Arguments.of(line, "postgresql", true, Map.of(), true));
      out.add(Arguments.of(line, "mariadb", true, Map.of(), true));
      out.add(
          Arguments.of(
              line,
              "postgresql",
              true,
              Map.of("jakarta.persistence.validation.mode", "none"),
              false));
      out.add(
          Arguments.of(
              line, "mariadb", true, Map.of("javax.persistence.validation.mode", "none"), false));
      out.add(Arguments.of(line, "postgresql", false, Map.of(), false));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} validator={2} {3}")
  @MethodSource("cases")
  void constraintsAsHibernateAppliesThem(
      HibernateLine line,
      String kind,
      boolean validator,
      Map<String, String> properties,
      boolean applied)
      throws Exception {
    String classpath = validator ? line.classpathWithValidator() : line.classpath();
    Files.createDirectories(dir.resolve("migrations"));
    try (TestDatabase hibernate = TestDatabase.create(kind, dir);
        TestDatabase retortDb = TestDatabase.create(kind, dir)) {
      Oracle.run(classpath, "create", TARGETS, "hibernate", properties, hibernate.url(), Map.of());

      RetortConfig.Builder builder =
          Retort.configure()
              .projectDir(dir)
              .url(retortDb.url())
              .schema("jpa:" + String.join(",", TARGETS))
              .setting("schema-classpath", classpath)
              .setting("jpa-naming", "hibernate");
      properties.forEach((k, v) -> builder.setting("jpa-property." + k, v));
      Retort retort = builder.load();
      retort.autogenerate(
          new NewRevision(
              "entities", Optional.empty(), List.of(), List.of(), List.of(), MigrationFormat.JAVA),
          CompareOptions.defaults());
      retort.upgrade("heads");

      List<String> own =
          kind.equals("postgresql")
              ? Dumps.postgres(hibernate.name)
              : Dumps.mariadb(hibernate.name);
      List<String> retortDump =
          kind.equals("postgresql") ? Dumps.postgres(retortDb.name) : Dumps.mariadb(retortDb.name);
      if (line.name().equals("6.6")) {
        Dumps.assertSame(retortDump, own);
      } else {
        // Hibernate Validator 9 keeps a property's constraints in a set of no fixed order, so
        // Hibernate 7's own DDL joins the two checks of @Min and @Max (or @Range) on one column in
        // either order from one start to the next; Retort writes one of them
        Dumps.assertSame(andTermsSorted(retortDump), andTermsSorted(own));
      }

      // Hibernate's dump itself shows whether the constraints were applied, so that equal dumps
      // are not equal for want of them
      assertThat(column(own, "sender")).as("@NotBlank").contains(applied ? "NOT NULL" : "(255)");
      assertThat(column(own, "sender").contains("NOT NULL")).isEqualTo(applied);
      assertThat(column(own, "note")).as("@Size(max = 40)").contains(applied ? "(40)" : "(255)");
      assertThat(column(own, "declaredValue"))
          .as("@Digits(integer = 8, fraction = 3)")
          .contains(applied ? "(11,3)" : "(38,2)");
      assertThat(column(own, "laterNote")).as("another group").doesNotContain("NOT NULL");
      assertThat(column(own, "celsius")).as("single-table subclass").doesNotContain("NOT NULL");
      assertThat(String.join("\n", own).contains(">= 0")).as("@Min(0)").isEqualTo(applied);

      assertThat(retort.diff(CompareOptions.defaults()).upgrade()).as("check").isEmpty();
    }
  }

  private static final java.util.regex.Pattern CHECK =
      java.util.regex.Pattern.compile("(.*CHECK )\\((.*)\\)([,;]?)");

  /** The lines with the terms of each check joined by AND in sorted order. */
  private static List<String> andTermsSorted(List<String> dump) {
    List<String> out = new ArrayList<>();
    for (String line : dump) {
      java.util.regex.Matcher m = CHECK.matcher(line);
      if (m.matches()) {
        List<String> terms = new ArrayList<>();
        for (String t : m.group(2).split("(?i) and ")) {
          terms.add(t.replaceAll("[()]", "").strip());
        }
        terms.sort(null);
        line = m.group(1) + "(" + String.join(" AND ", terms) + ")" + m.group(3);
      }
      out.add(line);
    }
    out.sort(null);
    return out;
  }

  /** The dump line that defines {@code column}, as PostgreSQL (folded) or MariaDB writes it. */
  private static String column(List<String> dump, String column) {
    String pg = column.toLowerCase(java.util.Locale.ROOT) + " ";
    String maria = "`" + column + "` ";
    return dump.stream()
        .map(String::strip)
        .filter(l -> l.startsWith(pg) || l.startsWith(maria))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no column " + column + " in\n" + dump));
  }
}
