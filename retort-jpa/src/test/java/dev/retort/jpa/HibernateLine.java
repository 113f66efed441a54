package dev.retort.jpa;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A Hibernate line the tests run against: its jars in a directory of their own (the build copies
 * them, see the pom), handed to Retort as an application's would be.
 *
 * @param name {@code 6.6} or {@code 7}
 * @param jars the directory
 */
record HibernateLine(String name, Path jars) {
  /** Every line the build prepared (system property {@code retort.hibernate.dirs}). */
  static List<HibernateLine> all() {
    String dirs = System.getProperty("retort.hibernate.dirs");
    if (dirs == null) {
      throw new IllegalStateException("run through Maven: retort.hibernate.dirs is not set");
    }
    List<HibernateLine> lines =
        Arrays.stream(dirs.split(","))
            .map(d -> new HibernateLine(Path.of(d).getFileName().toString(), Path.of(d)))
            .toList();
    for (HibernateLine l : lines) {
      if (!Files.isDirectory(l.jars())) {
        throw new IllegalStateException(
            l.jars() + " is missing: mvn generate-test-resources copies it");
      }
    }
    return lines;
  }

  /** The compiled test entities ({@code org.example.*}). */
  static Path fixtures() {
    return Path.of(System.getProperty("retort.fixtures"));
  }

  /** A schema-classpath setting: the fixtures, then this line's jars. */
  String classpath() {
    return fixtures() + File.pathSeparator + jars() + File.separator + "*";
  }

  /**
   * The same with Jakarta Validation for this line (Hibernate Validator and an expression language
   * implementation) after it, which the build copies to a directory of its own.
   */
  String classpathWithValidator() {
    Path validator = Path.of(System.getProperty("retort.validator.dir")).resolve(name);
    if (!Files.isDirectory(validator)) {
      throw new IllegalStateException(
          validator + " is missing: mvn generate-test-resources copies it");
    }
    return classpath() + File.pathSeparator + validator + File.separator + "*";
  }

  @Override
  public String toString() {
    return "Hibernate " + name;
  }
}
